// The report as JSON: the counts of all records (per standard and requirement, the risk rows),
// the trends, the rankings and each organisation's figures (docs/checklists.md).
#include <cmath>

#include <fmt/format.h>

#include "markup.h"
#include "report_output.h"

namespace ssd::cli {

namespace {

// A share rounded to four places, or null.
std::string share_json(std::optional<double> share) {
  return share ? fmt::format("{}", std::round(*share * 10000) / 10000) : "null";
}

std::string share_json(const RequirementStats& r) { return share_json(r.compliant_share()); }

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

// The counts of all records, as for one group: per standard and
// requirement, and the risk rows; without the closing brace.
std::string overall_json(const OrgReport& report) {
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
    out += "],\"in_force_uncertain\":[";
    for (const auto& [period, records] : s.uncertain) {
      const UncertainPeriod& u = s.program->instrument.uncertain[period];
      out += fmt::format("{}{{\"from\":\"{}\",\"to\":\"{}\",\"why\":{},\"records\":{}}}", period == s.uncertain.begin()->first ? "" : ",",
                         format_date(u.from), format_date(u.to - 1), json_quote(u.why_kk), records);
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
  return out + "]}";
}

std::string records_json(const RecordCounts& records) {
  std::map<std::string, int> by_status;
  for (size_t k = 0; k < records.size(); ++k)
    if (records[k]) by_status[to_string(static_cast<RecordStatus>(k))] = records[k];
  return json_counts(by_status);
}

std::string share_json(const Share& s, const char* part) {
  return fmt::format("{{\"{}\":{},\"checked\":{},\"share\":{}}}", part, s.part, s.whole, share_json(s.value()));
}

std::string months_json(const std::vector<MonthFigures>& months) {
  std::string out;
  for (const MonthFigures& m : months)
    append_joined(out, ",", fmt::format("{{\"month\":\"{}\",\"records\":{},\"by_status\":{},\"compliant\":{}}}",
                                        month_text(m.month), total(m.records), records_json(m.records),
                                        share_json(m.compliant(), "records")));
  return "[" + out + "]";
}

std::string failing_json(const FailingRequirement& f, bool with_months) {
  const RequirementStats& r = f.line;
  std::string out = fmt::format(
      "{{\"standard\":{},\"rule\":{},\"name\":{},\"text\":{},\"severity\":{},\"fail\":{},\"pass\":{},"
      "\"not_applicable\":{},\"missing_data\":{},\"compliant_share\":{}",
      json_quote(f.program->instrument.id), json_quote(r.rule), json_quote(r.name), json_quote(r.text),
      json_severity(f.severity), r.counts.fail, r.counts.pass, r.counts.not_applicable, r.counts.missing_data,
      share_json(r));
  if (with_months) {
    std::string months;
    for (const auto& [month, n] : f.by_month)
      append_joined(months, ",", fmt::format("{{\"month\":\"{}\",\"fail\":{}}}", month_text(month), n));
    out += ",\"by_month\":[" + months + "]";
  }
  return out + "}";
}

std::string failing_json(const std::vector<FailingRequirement>& lines, bool with_months) {
  std::string out;
  for (const FailingRequirement& f : lines) append_joined(out, ",", failing_json(f, with_months));
  return "[" + out + "]";
}

std::string standard_json(const StandardFigures& s) {
  return fmt::format(
      "{{\"standard\":{},\"title\":{},\"records\":{},\"by_status\":{},\"compliant\":{},\"failing\":{},"
      "\"no_failure\":{{\"met\":{},\"not_judged\":{}}},\"without_data\":{{\"attested_unanswered\":{},"
      "\"out_of_force\":{}}}}}",
      json_quote(s.program->instrument.id), json_quote(s.program->instrument.title), total(s.records),
      records_json(s.records), share_json(s.compliant, "records"), failing_json(s.failing, false), s.met, s.not_judged,
      s.unanswered, s.out_of_force);
}

std::string organization_json(const OrganizationFigures& o) {
  std::string standards;
  for (const StandardFigures& s : o.standards) append_joined(standards, ",", standard_json(s));
  const SeverityCounts& v = o.violations;
  return fmt::format(
      "{{\"id\":{},\"name\":{},\"records\":{},\"by_status\":{},\"records_without_month\":{},"
      "\"non_compliant\":{},\"violations\":{{\"gross\":{},\"significant\":{},\"minor\":{},\"unclassified\":{},"
      "\"total\":{}}},\"rank_by_share\":{},\"rank_by_severity\":{},\"standards\":[{}],\"months\":{},"
      "\"top_requirements\":{}}}",
      o.id.empty() ? "null" : json_quote(o.id), o.name.empty() ? "null" : json_quote(o.name), total(o.records),
      records_json(o.records), o.without_month, share_json(o.non_compliant, "records"), v.gross, v.significant,
      v.minor, v.unclassified, v.total(), o.rank_by_share, o.rank_by_severity, standards, months_json(o.months),
      failing_json(o.top, true));
}

}  // namespace

std::string report_json(const OrganizationsReport& report) {
  std::string by_share, by_severity, organizations;
  auto id = [](const OrganizationFigures& o) { return o.id.empty() ? std::string("null") : json_quote(o.id); };
  for (const OrganizationFigures& o : report.organizations) {
    append_joined(by_share, ",", id(o));
    append_joined(organizations, ",\n", organization_json(o));
  }
  for (size_t i : report.by_severity) append_joined(by_severity, ",", id(report.organizations[i]));
  return fmt::format("{},\"months\":{},\"top_requirements\":{},\"ranking\":{{\"by_non_compliant_share\":[{}],"
                     "\"by_severity\":[{}]}},\"organizations\":[\n{}]}}\n",
                     overall_json(report.overall), months_json(report.months), failing_json(report.top, true), by_share,
                     by_severity, organizations);
}

}  // namespace ssd::cli
