// OrgReport as JSON, or as a printable HTML page for the organisation and its inspectors.
#include <cmath>

#include <fmt/format.h>

#include "markup.h"
#include "org_report.h"

namespace ssd::cli {

namespace {

std::string share_json(const RequirementStats& r) {
  const std::optional<double> share = r.compliant_share();
  return share ? fmt::format("{}", std::round(*share * 10000) / 10000) : "null";
}

std::string share_html(const RequirementStats& r) {
  const std::optional<double> share = r.compliant_share();
  return share ? fmt::format("{:.1f}&nbsp;%", *share * 100) : "—";
}

// A requirement's risk rows, each with its degree of violation.
std::string risk_rows_json(const OrgReport& report, const RequirementStats& r) {
  std::string out;
  for (const std::string& row : r.risk_rows) {
    auto it = report.risk_severity.find(row);
    append_joined(out, ",", fmt::format("{{\"row\":{},\"severity\":{}}}", json_quote(row),
                                        json_severity(it == report.risk_severity.end() ? Severity::None : it->second)));
  }
  return out;
}

std::string risk_rows_html(const OrgReport& report, const RequirementStats& r) {
  std::string out;
  for (const std::string& row : r.risk_rows) {
    auto it = report.risk_severity.find(row);
    const char* severity = it == report.risk_severity.end() ? "" : severity_kk(it->second);
    append_joined(out, ", ", html_escape(row) + (*severity ? std::string(" (") + severity + ")" : ""));
  }
  return out;
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& s : items) append_joined(out, separator, s);
  return out;
}

// How many violated rows of each severity and group: what `ssd check` would count for a
// risk-criteria record listing these rows.
void risk_totals(const OrgReport& report, std::map<std::string, int>& by_severity, std::map<std::string, int>& by_group) {
  for (const RiskRowStats& r : report.risk) {
    if (const char* s = severity_code(r.severity)) ++by_severity[s];
    if (!r.group.empty()) ++by_group[r.group];
  }
}

}  // namespace

std::string report_json(const OrgReport& report) {
  std::string out = fmt::format("{{\"records\":{},\"by_status\":{},\"standards\":[", report.records,
                                json_counts(report.by_status));
  for (size_t i = 0; i < report.standards.size(); ++i) {
    const StandardStats& s = report.standards[i];
    out += fmt::format("{}{{\"standard\":{},\"title\":{},\"records\":{},\"by_status\":{},\"requirements\":[", i ? "," : "",
                       json_quote(s.program->instrument.id), json_quote(s.program->instrument.title), s.records,
                       json_counts(s.by_status));
    for (size_t k = 0; k < s.requirements.size(); ++k) {
      const RequirementStats& r = s.requirements[k];
      out += fmt::format("{}{{\"rule\":{},\"name\":{},\"severity\":{},\"pass\":{},\"fail\":{},\"not_applicable\":{},"
                         "\"missing_data\":{},\"compliant_share\":{},\"risk_rows\":[{}]}}",
                         k ? "," : "", json_quote(r.rule), json_quote(r.name), json_severity(r.severity), r.counts.pass,
                         r.counts.fail, r.counts.not_applicable, r.counts.missing_data, share_json(r),
                         risk_rows_json(report, r));
    }
    out += "]}";
  }
  std::map<std::string, int> by_severity, by_group;
  risk_totals(report, by_severity, by_group);
  out += fmt::format("],\"risk\":{{\"rows_violated\":{},\"by_severity\":{},\"by_group\":{},\"rows\":[",
                     report.risk.size(), json_counts(by_severity), json_counts(by_group));
  for (size_t i = 0; i < report.risk.size(); ++i) {
    const RiskRowStats& r = report.risk[i];
    std::string from;
    for (const auto& [standard, rule] : r.from)
      append_joined(from, ",", fmt::format("{{\"standard\":{},\"rule\":{}}}", json_quote(standard), json_quote(rule)));
    out += fmt::format(
        "{}{{\"row\":{},\"severity\":{},\"group\":{},\"text\":{},\"records\":{},\"findings\":{},\"from\":[{}]}}",
        i ? "," : "", json_quote(r.row), json_severity(r.severity), r.group.empty() ? "null" : json_quote(r.group),
        json_quote(r.text), r.records, r.findings, from);
  }
  return out + "]}}\n";
}

std::string report_html(const OrgReport& report) {
  auto statuses = [](const std::map<std::string, int>& counts) {
    std::string out;
    for (const auto& [status, n] : counts) out += fmt::format("{}<span class=\"st {}\">{}: {}</span>", out.empty() ? "" : " ", status, status, n);
    return out;
  };
  std::string body;
  for (const StandardStats& s : report.standards) {
    std::string rows;
    for (const RequirementStats& r : s.requirements) {
      const std::optional<double> share = r.compliant_share();
      rows += fmt::format(
          "<tr><td class=\"rule\">§&nbsp;{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n{}\">{}</td>"
          "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n share\"><div class=\"bar\" style=\"width:{:.0f}%\"></div>"
          "<span>{}</span></td><td>{}</td></tr>\n",
          html_escape(r.rule), html_escape(r.text.empty() ? r.name : r.text), severity_kk(r.severity), r.counts.pass,
          r.counts.fail ? " fail" : "", r.counts.fail, r.counts.not_applicable, r.counts.missing_data,
          share ? *share * 100 : 0.0, share_html(r), risk_rows_html(report, r));
    }
    body += fmt::format(
        "<h2>{} — {}</h2>\n<p class=\"counts\">Жазбалар / records: {} — {}</p>\n<table>\n<thead><tr><th>Тармақ</th>"
        "<th>Талап</th><th>Ауырлық</th><th>pass</th><th>fail</th><th>n/a</th><th>missing</th><th>Сәйкестік үлесі</th>"
        "<th>Тәуекел жолдары</th></tr></thead>\n<tbody>\n{}</tbody>\n</table>\n",
        html_escape(s.program->instrument.id), html_escape(s.program->instrument.title), s.records,
        statuses(s.by_status), rows);
  }
  std::string risk_rows;
  for (const RiskRowStats& r : report.risk) {
    std::vector<std::string> from;
    for (const auto& [standard, rule] : r.from) from.push_back(standard + " § " + rule);
    risk_rows += fmt::format(
        "<tr class=\"{}\"><td class=\"rule\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td><td>{}</td></tr>\n",
        severity_code(r.severity) ? severity_code(r.severity) : "", html_escape(r.row), html_escape(r.text),
        severity_kk(r.severity), html_escape(r.group_label.empty() ? r.group : r.group_label), r.records, r.findings,
        html_escape(joined(from, ", ")));
  }
  std::map<std::string, int> by_severity, by_group;
  risk_totals(report, by_severity, by_group);
  std::string totals;
  for (const auto& [k, n] : by_severity) totals += fmt::format("{}{}: {}", totals.empty() ? "" : ", ", k, n);
  return fmt::format(R"(<!DOCTYPE html>
<html lang="kk">
<head>
<meta charset="utf-8">
<title>Ұйым бойынша есеп / organisation report</title>
<style>
  @page {{ size: A4 landscape; margin: 12mm; }}
  body {{ font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #111; margin: 10mm; }}
  h1 {{ font-size: 14pt; margin: 0 0 4pt; }}
  h2 {{ font-size: 11.5pt; margin: 14pt 0 3pt; }}
  table {{ border-collapse: collapse; width: 100%; }}
  th, td {{ border: 1px solid #999; padding: 3pt 4pt; vertical-align: top; text-align: left; }}
  th {{ background: #eee; }}
  thead {{ display: table-header-group; }}
  tr {{ page-break-inside: avoid; }}
  td.rule {{ white-space: nowrap; font-weight: bold; }}
  td.n {{ text-align: right; white-space: nowrap; }}
  td.fail {{ color: #a00; font-weight: bold; }}
  td.share {{ position: relative; min-width: 22mm; }}
  td.share .bar {{ position: absolute; left: 0; top: 0; bottom: 0; background: #cfe8cf; z-index: 0; }}
  td.share span {{ position: relative; }}
  .st {{ padding: 0 3pt; border-radius: 2pt; background: #eee; }}
  .st.non_compliant, .st.error {{ background: #f8d7d7; }}
  .st.compliant {{ background: #d7f0d7; }}
  tr.gross td:first-child {{ background: #f4c7c7; }}
  tr.significant td:first-child {{ background: #fde9b8; }}
  tr.minor td:first-child {{ background: #e6eef8; }}
</style>
</head>
<body>
<h1>Ұйым бойынша есеп / organisation report</h1>
<p class="counts">Барлық жазбалар / all records: {0} — {1}</p>
{2}<h2>Тәуекел дәрежесін бағалау өлшемшарттары / risk criteria</h2>
<p>Бұзылған жолдар / rows violated: {3}{4}</p>
<table>
<thead><tr><th>Жол</th><th>Өлшемшарт</th><th>Бұзушылық дәрежесі</th><th>Тобы</th><th>Жазбалар</th><th>Бұзушылықтар</th><th>Қай талаптардан</th></tr></thead>
<tbody>
{5}</tbody>
</table>
</body>
</html>
)",
                     report.records, statuses(report.by_status), body, report.risk.size(),
                     totals.empty() ? "" : " (" + totals + ")", risk_rows);
}

}  // namespace ssd::cli
