#include "checklist_page.h"

#include <map>

#include <fmt/format.h>

#include "labels.h"
#include "markup.h"
#include "report_charts.h"

namespace ssd::cli {

namespace {

// The header of the form, as App. 2–7 of joint order № 401 / № 69 print it: the record key, the
// label above the line, and the caption below it.
struct HeaderField {
  const char* key;
  const char* label;
  const char* caption;
};
constexpr HeaderField kHeaderFields[] = {
    {"ordered_by", "Тексеруді тағайындаған мемлекеттік орган", ""},
    {"act", "Бақылау субъектісіне (объектісіне) бару арқылы тексеру/профилактикалық бақылау тағайындау туралы акт",
     "(№, күні)"},
    {"subject", "Бақылау субъектісінің (объектісінің) атауы", ""},
    {"bin", "Бақылау субъектісінің (объектісінің) жеке сәйкестендіру нөмірі, бизнес сәйкестендіру нөмірі", ""},
    {"address", "Орналасқан мекенжайы", ""},
};

struct Counts {
  int compliant = 0, non_compliant = 0, not_required = 0, not_assessed = 0;
};

Counts count(const ChecklistForm& form) {
  Counts c;
  for (const ChecklistRow& r : form.rows) {
    switch (r.answer) {
      case RowAnswer::Compliant: ++c.compliant; break;
      case RowAnswer::NonCompliant: ++c.non_compliant; break;
      case RowAnswer::NotRequired: ++c.not_required; break;
      case RowAnswer::NotAssessed: ++c.not_assessed; break;
    }
  }
  return c;
}

// What the form prints as its own appendix prints it: the approval stamps of its top corner — the
// act whose wording it is (`редакция`) and the act that approved it (`бекітілген`), which a
// checklist writes as its appendix does («… № 401 бұйрығына 5-қосымша») — and the heading of the
// requirements' column, from the form's own text in force («… № Талаптар тізімі Талап етіледі …»;
// «Талаптар тізбесі» where the instrument has none, as a standard used as a checklist).
struct PrintedForm {
  std::vector<std::string> stamps;
  std::string requirements_column = "Талаптар тізбесі";
};

PrintedForm printed_form(const Program& p, Day as_of) {
  PrintedForm out;
  for (const std::string* act : {&p.instrument.wording, &p.instrument.approved})
    if (!act->empty()) out.stamps.push_back(*act);
  // The table's heading row: "№ <the column> Талап етіледі …".
  constexpr std::string_view kNumber = "№ ", kColumn = "Талаптар ", kRequired = " Талап етіледі";
  for (const Provision& v : p.provisions) {
    if (!v.rule.empty() || !v.in_force_on(as_of)) continue;
    const size_t column = v.text.find(std::string(kNumber) + std::string(kColumn));
    const size_t end = column == std::string::npos ? column : v.text.find(kRequired, column);
    if (end != std::string::npos)
      out.requirements_column = v.text.substr(column + kNumber.size(), end - column - kNumber.size());
  }
  return out;
}

// A filled line of the form: the value over a rule, with the caption under it.
std::string line(const std::string& value, const char* caption) {
  std::string out = "<div class=\"line\">" + html_escape(value) + "</div>\n";
  if (*caption) out += fmt::format("<div class=\"caption\">{}</div>\n", caption);
  return out;
}

std::string inspects_text(const ChecklistRow& r) {
  std::string out;
  for (const auto& [standard, rule] : r.inspects) append_joined(out, "; ", standard + " § " + rule);
  return out;
}

// The small grey line under a row's text: where its answer came from, or how it can be answered.
std::string basis(const ChecklistForm& form, const ChecklistRow& r, Lang lang) {
  std::string why;
  if (r.source == AnswerSource::Attestation) why = label(Label::inspectors_mark, lang);
  else if (r.source == AnswerSource::None && form.filled) why = label(Label::not_assessed, lang);
  else if (r.source == AnswerSource::None && form.from_standard)
    why = label(r.computed ? Label::checked_from_records : Label::inspector_marks, lang);
  if (const StatusCounts& e = r.evidence; e.total()) {
    std::string cases = label(Label::by_case_records, lang, e.pass, e.fail);
    if (e.not_applicable) cases += ", " + label(Label::n_not_applicable, lang, e.not_applicable);
    if (e.missing_data) cases += ", " + label(Label::n_missing_data, lang, e.missing_data);
    why = why.empty() ? cases : why + " (" + cases + ")";
  }
  if (!r.behind.empty()) {
    // The records and requirements behind the answer the case records give, the first few named.
    constexpr size_t kNamed = 5;
    std::string named;
    for (size_t i = 0; i < r.behind.size() && i < kNamed; ++i) {
      const CaseFinding& f = r.behind[i];
      const Requirement& q = f.program->requirements[f.requirement];
      append_joined(named, "; ", fmt::format("{} ({} § {} {})", f.record, f.program->instrument.id, q.rule, q.name));
    }
    if (r.behind.size() > kNamed) named += " " + label(Label::and_n_more, lang, r.behind.size() - kNamed);
    append_joined(why, " · ", label(Label::records_behind, lang, named));
  }
  const std::string targets = inspects_text(r);
  if (!targets.empty()) append_joined(why, " · ", label(Label::inspects, lang, targets));
  if (form.from_standard) {
    std::string cited = "§ " + r.number;
    append_joined(cited, " · ", why);
    why = cited;
  }
  return why.empty() ? "" : "<div class=\"basis\">" + html_escape(why) + "</div>";
}

std::string table_rows(const ChecklistForm& form, Lang lang) {
  std::string out;
  int n = 0;
  for (const ChecklistRow& r : form.rows) {
    ++n;
    auto mark = [](bool on) { return on ? "<td class=\"mark\">✓</td>" : "<td class=\"mark\"></td>"; };
    out += fmt::format("<tr class=\"{}\"><td class=\"num\">{}</td><td class=\"req\">{}{}</td>{}{}{}{}</tr>\n",
                       r.answer == RowAnswer::NotAssessed ? "blank" : "answered",
                       form.from_standard ? std::to_string(n) : html_escape(r.number), html_escape(r.text),
                       basis(form, r, lang), mark(r.required()), mark(r.answer == RowAnswer::NotRequired),
                       mark(r.answer == RowAnswer::Compliant), mark(r.answer == RowAnswer::NonCompliant));
  }
  return out;
}

std::string signatures(const ChecklistForm& form) {
  std::string out;
  const std::pair<const char*, const char*> signers[] = {{"Лауазымды адам (дар)", "inspector"},
                                                         {"Бақылау субъектісінің басшысы", "head"}};
  for (const auto& [label, key] : signers) {
    out += fmt::format("<div class=\"label\">{}</div>\n", label);
    out += line(form.header_value(std::string(key) + "_position"), "(лауазымы) (қолы)");
    out += line(form.header_value(key), "тегі, аты, әкесінің аты (бар болса)");
  }
  return out;
}

std::string risk_section(const RiskSummary& risk, Lang lang) {
  const std::string heading = "<section class=\"risk\">\n<h2>" + label(Label::risk_violations, lang) + "</h2>\n";
  // A record the criteria did not judge has no count of violated rows to give.
  if (risk.status == RecordStatus::NotInForce)
    return heading + "<p>" + label(Label::risk_not_in_force, lang, html_escape(risk.record_id)) + "</p>\n</section>\n";
  if (risk.violations.empty() && risk.status == RecordStatus::Incomplete)
    return heading + "<p>" + label(Label::risk_no_violations_given, lang, html_escape(risk.record_id)) +
           "</p>\n</section>\n";
  std::map<Severity, int> by_severity;
  std::map<std::string, int> by_group;
  std::string rows;
  for (const RiskViolation& v : risk.violations) {
    ++by_severity[v.severity];
    const std::string group = v.group_label.empty() ? v.group : v.group_label;
    if (!group.empty()) ++by_group[group];
    rows += fmt::format("<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_escape(v.row),
                        html_escape(v.text), html_escape(severity_label(v.severity, lang)), html_escape(group));
  }
  std::string severities, groups;
  for (const Severity s : {Severity::Gross, Severity::Significant, Severity::Minor})
    if (by_severity.count(s))
      append_joined(severities, ", ", fmt::format("{} — {}", severity_label(s, lang), by_severity[s]));
  for (const auto& [group, n] : by_group) append_joined(groups, ", ", fmt::format("{} — {}", html_escape(group), n));
  return fmt::format(
      "{}<p>{}</p>\n<table class=\"form\">\n<thead><tr><th class=\"num\">№</th><th>{}</th><th>{}</th><th>{}</th></tr>"
      "</thead>\n<tbody>\n{}</tbody>\n</table>\n</section>\n",
      heading,
      label(Label::risk_rows_violated, lang, html_escape(risk.record_id), risk.violations.size(),
            severities.empty() ? "" : label(Label::by_degree, lang, severities),
            groups.empty() ? "" : label(Label::by_group, lang, groups)),
      label(Label::column_criterion, lang), label(Label::column_violation_degree, lang), label(Label::column_group, lang),
      rows);
}

constexpr const char* kStyle = R"(
  @page { size: A4 portrait; margin: 15mm 15mm 15mm 20mm; }
  html { background: #d9d9d9; }
  body { margin: 0; font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12pt;
         color: #000; }
  .sheet { background: #fff; width: 210mm; min-height: 297mm; box-sizing: border-box; margin: 8mm auto;
           padding: 15mm 15mm 15mm 20mm; box-shadow: 0 0 4mm rgba(0,0,0,.25); }
  .corner { margin-left: 55%; text-align: center; font-size: 10pt; line-height: 1.25; margin-bottom: 8mm; }
  .corner .stamp + .stamp { margin-top: 4mm; }
  h1 { font-size: 12pt; font-weight: bold; text-align: center; margin: 0 0 6mm; line-height: 1.3; }
  h1 small { display: block; font-weight: normal; margin-top: 2pt; }
  .label { margin: 3mm 0 0; }
  .line { border-bottom: 1px solid #000; min-height: 1.35em; padding: 0 2mm; font-style: italic; }
  .caption { font-size: 9pt; text-align: center; line-height: 1.2; }
  table.form { border-collapse: collapse; width: 100%; margin: 6mm 0 3mm; table-layout: fixed; }
  table.form th, table.form td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; }
  table.form th { font-weight: normal; text-align: center; vertical-align: middle; font-size: 10pt; }
  table.form thead { display: table-header-group; }
  table.form tr { page-break-inside: avoid; }
  col.num { width: 8mm; } col.mark { width: 24mm; }
  td.num { text-align: center; }
  td.mark { text-align: center; font-family: "DejaVu Sans", sans-serif; font-size: 15pt; line-height: 1.1; }
  .basis { font-size: 8.5pt; color: #555; margin-top: 2pt; }
  .tally { font-size: 9pt; color: #333; margin: 0 0 4mm; }
  .signatures { margin-top: 6mm; width: 70%; }
  .risk { margin-top: 10mm; }
  .risk h2 { font-size: 12pt; text-align: center; }
  .risk th:nth-child(1) { width: 10mm; } .risk th:nth-child(3) { width: 28mm; } .risk th:nth-child(4) { width: 50mm; }
  @media print {
    html { background: none; }
    .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
    .risk { page-break-before: always; }
  }
)";

}  // namespace

std::string checklist_html(const ChecklistForm& form, Lang lang) {
  const Instrument& in = form.program->instrument;
  const PrintedForm printed = printed_form(*form.program, form.as_of);
  std::string corner;
  // An appendix's number on a line of its own, as the seed prints it.
  for (const std::string& stamp : printed.stamps) {
    const size_t last = stamp.rfind(' ');
    corner += "<div class=\"stamp\">" +
              (stamp.ends_with("-қосымша") && last != std::string::npos
                   ? html_escape(stamp.substr(0, last)) + "<br>" + html_escape(stamp.substr(last + 1))
                   : html_escape(stamp)) +
              "</div>";
  }
  const std::string title = form.from_standard
                                ? "Тексеру парағы<small>" + html_escape(in.title) + "</small>"
                                : html_escape(in.title);
  std::string header;
  for (const HeaderField& f : kHeaderFields)
    header += fmt::format("<div class=\"label\">{}</div>\n", f.label) + line(form.header_value(f.key), f.caption);
  const Counts c = count(form);
  const std::string tally =
      !form.filled
          ? ""
          : "<p class=\"tally\">" +
                label(Label::checklist_tally, lang, form.inspection_id.empty() ? "" : " " + html_escape(form.inspection_id),
                      format_date(form.as_of), form.rows.size(), c.compliant, c.non_compliant, c.not_required,
                      c.not_assessed) +
                "</p>\n";
  return fmt::format(R"(<!DOCTYPE html>
<html lang="{10}">
<head>
<meta charset="utf-8">
<title>{0}</title>
<style>{1}</style>
</head>
<body>
<div class="sheet">
<div class="corner" lang="kk">{2}</div>
<h1 lang="kk">{3}</h1>
<div class="header" lang="kk">
{4}</div>
<table class="form">
<colgroup><col class="num"><col><col class="mark"><col class="mark"><col class="mark"><col class="mark"></colgroup>
<thead lang="kk"><tr><th>№</th><th>{9}</th><th>Талап етіледі</th><th>Талап етілмейді</th><th>Талапқа сәйкес келеді</th><th>Талапқа сәйкес келмейді</th></tr></thead>
<tbody>
{5}</tbody>
</table>
{6}<div class="signatures" lang="kk">
{7}</div>
{8}</div>
</body>
</html>
)",
                     html_escape(in.id + ": " + in.title), kStyle, corner, title, header, table_rows(form, lang), tally,
                     signatures(form), form.risk ? risk_section(*form.risk, lang) : "",
                     html_escape(printed.requirements_column), html_lang(lang));
}

std::string checklist_json(const ChecklistForm& form) {
  const Instrument& in = form.program->instrument;
  std::string out = fmt::format("{{\"instrument\":{},\"title\":{},\"from_standard\":{},\"as_of\":\"{}\",\"inspection\":{},"
                                "\"header\":{{",
                                json_quote(in.id), json_quote(in.title), form.from_standard ? "true" : "false",
                                format_date(form.as_of),
                                form.inspection_id.empty() ? "null" : json_quote(form.inspection_id));
  std::string header;
  for (const auto& [key, value] : form.header) append_joined(header, ",", json_quote(key) + ":" + json_quote(value));
  out += header + "},\"rows\":[";
  for (size_t i = 0; i < form.rows.size(); ++i) {
    const ChecklistRow& r = form.rows[i];
    auto flag = [](bool b) { return b ? "true" : "false"; };
    std::string inspects;
    for (const auto& [standard, rule] : r.inspects)
      append_joined(inspects, ",",
                    fmt::format("{{\"standard\":{},\"rule\":{}}}", json_quote(standard), json_quote(rule)));
    std::string behind;
    for (const CaseFinding& f : r.behind) {
      const Requirement& q = f.program->requirements[f.requirement];
      append_joined(behind, ",",
                    fmt::format("{{\"record\":{},\"standard\":{},\"rule\":{},\"requirement\":{},\"status\":\"{}\"}}",
                                json_quote(f.record), json_quote(f.program->instrument.id), json_quote(q.rule),
                                json_quote(q.name), to_string(f.status)));
    }
    const Requirement& first = form.program->requirements[r.requirements.front()];
    out += fmt::format(
        "{}{{\"row\":{},\"text\":{},\"severity\":{},\"required\":{},\"not_required\":{},\"compliant\":{},"
        "\"non_compliant\":{},\"source\":\"{}\",\"computed\":{},\"checkable\":{},\"inspects\":[{}],"
        "\"evidence\":{{\"pass\":{},\"fail\":{},\"not_applicable\":{},\"missing_data\":{}}},\"behind\":[{}]}}",
        i ? "," : "", json_quote(r.number), json_quote(r.text), json_severity(first.severity), flag(r.required()),
        flag(r.answer == RowAnswer::NotRequired), flag(r.answer == RowAnswer::Compliant),
        flag(r.answer == RowAnswer::NonCompliant), to_string(r.source), flag(r.computed), flag(r.checkable), inspects,
        r.evidence.pass, r.evidence.fail, r.evidence.not_applicable, r.evidence.missing_data, behind);
  }
  const Counts c = count(form);
  out += fmt::format("],\"counts\":{{\"rows\":{},\"compliant\":{},\"non_compliant\":{},\"not_required\":{},"
                     "\"not_assessed\":{}}}",
                     form.rows.size(), c.compliant, c.non_compliant, c.not_required, c.not_assessed);
  if (form.risk) {
    std::map<std::string, int> by_severity, by_group;
    std::string rows;
    for (const RiskViolation& v : form.risk->violations) {
      if (const char* s = severity_code(v.severity)) ++by_severity[s];
      if (!v.group.empty()) ++by_group[v.group];
      append_joined(rows, ",",
                    fmt::format("{{\"row\":{},\"severity\":{},\"group\":{},\"text\":{}}}", json_quote(v.row),
                                json_severity(v.severity), v.group.empty() ? "null" : json_quote(v.group),
                                json_quote(v.text)));
    }
    out += fmt::format(",\"risk\":{{\"id\":{},\"status\":\"{}\",\"violations\":{},\"by_severity\":{},\"by_group\":{},"
                       "\"rows\":[{}]}}",
                       json_quote(form.risk->record_id), to_string(form.risk->status), form.risk->violations.size(),
                       json_counts(by_severity), json_counts(by_group), rows);
  }
  return out + "}\n";
}

}  // namespace ssd::cli
