#include "check_page.h"

#include <fmt/format.h>

#include "labels.h"
#include "markup.h"
#include "ssd/internal/text.h"

namespace ssd::cli {

namespace {

Label record_status_label(RecordStatus s) {
  switch (s) {
    case RecordStatus::Compliant: return Label::record_compliant;
    case RecordStatus::NonCompliant: return Label::record_non_compliant;
    case RecordStatus::Incomplete: return Label::record_incomplete;
    case RecordStatus::NotInForce: return Label::record_not_in_force;
    case RecordStatus::Error: break;
  }
  return Label::record_error;
}

Label finding_status_label(FindingStatus s) {
  switch (s) {
    case FindingStatus::Fail: return Label::finding_fail;
    case FindingStatus::MissingData: return Label::finding_missing_data;
    case FindingStatus::Pass: return Label::finding_pass;
    case FindingStatus::NotApplicable: break;
  }
  return Label::finding_not_applicable;
}

// A requirement's severity in the page's language: its Kazakh name or its code; none for none.
const char* severity_word(Severity s, Lang lang) {
  const char* code = severity_code(s);
  return !code ? "" : lang == Lang::En ? code : severity_kk(s);
}

// Text of the record, or of a standard, on the page: escaped, and on one line.
std::string shown(std::string_view s) { return html_escape(printable(s)); }

constexpr const char* kStyle = R"(
  @page { size: A4 portrait; margin: 14mm; }
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #111; margin: 10mm; }
  h1 { font-size: 14pt; margin: 0 0 6pt; }
  section.record { margin: 0 0 10pt; page-break-inside: avoid; border-top: 2px solid #555; padding-top: 4pt; }
  h2 { font-size: 11pt; margin: 0 0 3pt; }
  h2 .standard { font-weight: normal; }
  h3 { font-size: 10pt; margin: 6pt 0 2pt; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  table.summary { width: auto; table-layout: auto; }
  th.rule { width: 16mm; } th.severity { width: 20mm; } th.found { width: 40%; }
  th, td { border: 1px solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left; }
  th { background: #eee; font-weight: normal; }
  tr { page-break-inside: avoid; }
  td.rule { white-space: nowrap; font-weight: bold; }
  .citation { font-weight: bold; }
  .law { color: #333; margin-top: 2pt; }
  .st { padding: 0 3pt; border-radius: 2pt; background: #eee; white-space: nowrap; }
  .st.non_compliant, .st.error, .st.fail { background: #f8d7d7; }
  .st.incomplete, .st.missing_data { background: #fdf0c8; }
  .st.compliant, .st.pass { background: #d7f0d7; }
  p.error { color: #a00; }
  p.uncertain { background: #fdf0c8; padding: 2pt 4pt; }
)";

}  // namespace

std::string CheckPage::head() const {
  return fmt::format(R"(<!DOCTYPE html>
<html lang="{0}">
<head>
<meta charset="utf-8">
<title>{1}</title>
<style>{2}</style>
</head>
<body>
<h1>{1}</h1>
)",
                     html_lang(lang()), label(Label::check_results, lang()), kStyle);
}

void CheckPage::append(const RecordResult& r, std::string& out) const {
  const std::string standard =
      r.program ? shown(r.program->instrument.id) + " — " + html_escape(r.program->instrument.title)
                : r.has_standard ? shown(r.standard) : "—";
  out += fmt::format("<section class=\"record\">\n<h2>{} <span class=\"standard\">{}</span> "
                     "<span class=\"st {}\">{} / {}</span></h2>\n",
                     r.has_id ? shown(r.id) : label(Label::no_id, lang()), standard, to_string(r.status),
                     label(record_status_label(r.status), lang()), to_string(r.status));
  if (r.status == RecordStatus::Error)
    // The reason is the contract's, in English in both languages.
    out += "<p class=\"error\">" + label(Label::error, lang()) + ": <span lang=\"en\">" + html_escape(r.error) +
           "</span></p>\n";
  if (r.status == RecordStatus::NotInForce) out += "<p>" + label(Label::standard_not_in_force, lang()) + "</p>\n";
  if (r.uncertain >= 0 && r.program) {
    // The days on which the wording in force depends on a publication date (docs/time.md §1).
    const UncertainPeriod& u = r.program->instrument.uncertain[r.uncertain];
    out += fmt::format("<p class=\"uncertain\">{}: {} – {}: {}</p>\n", label(Label::in_force_uncertain, lang()),
                       format_date(u.from), format_date(u.to - 1), html_escape(english_ ? u.why_en : u.why_kk));
  }
  if (!r.unknown_attestations.empty()) {
    std::string rules;
    for (const std::string& rule : r.unknown_attestations) rules += (rules.empty() ? "" : ", ") + shown(rule);
    out += "<p class=\"error\">" + label(Label::unknown_attestations, lang()) + ": " + rules + "</p>\n";
  }
  for (const FindingStatus group : {FindingStatus::Fail, FindingStatus::MissingData, FindingStatus::Pass,
                                    FindingStatus::NotApplicable}) {
    std::string rows;
    int n = 0;
    for (const Finding& f : r.findings) {
      if (f.status != group) continue;
      ++n;
      const Requirement& req = r.program->requirements[f.requirement];
      rows += fmt::format("<tr><td class=\"rule\">§&nbsp;{}</td><td>{}</td><td>{}</td>"
                          "<td><div class=\"citation\">{}</div><div class=\"law\">{}</div></td></tr>\n",
                          html_escape(req.rule), severity_word(req.severity, lang()), html_escape(r.message(f, english_)),
                          html_escape(req.citation), html_escape(law_of(*r.program, req)));
    }
    if (n == 0) continue;
    out += fmt::format("<h3><span class=\"st {}\">{} / {}</span> ({})</h3>\n<table>\n"
                       "<thead><tr><th class=\"rule\">{}</th><th class=\"severity\">{}</th><th class=\"found\">{}</th>"
                       "<th>{}</th></tr></thead>\n<tbody>\n{}</tbody>\n</table>\n",
                       to_string(group), label(finding_status_label(group), lang()), to_string(group), n,
                       label(Label::column_provision, lang()), label(Label::column_severity, lang()),
                       label(Label::column_found, lang()), label(Label::column_citation_and_law, lang()), rows);
  }
  out += "</section>\n";
}

std::string CheckPage::tail(const std::array<long, 5>& counts) const {
  std::string rows;
  long total = 0;
  for (size_t s = 0; s < counts.size(); ++s) {
    const auto status = static_cast<RecordStatus>(s);
    const long n = counts[s];
    if (n == 0) continue;
    rows += fmt::format("<tr><td><span class=\"st {}\">{} / {}</span></td><td>{}</td></tr>\n", to_string(status),
                        label(record_status_label(status), lang()), to_string(status), n);
    total += n;
  }
  return fmt::format("<h2>{}</h2>\n<table class=\"summary\">\n<tbody>\n{}<tr><td>{}</td><td>{}</td></tr>\n</tbody>\n"
                     "</table>\n</body>\n</html>\n",
                     label(Label::summary, lang()), rows, label(Label::all_records_count, lang()), total);
}

}  // namespace ssd::cli
