// The figures of `ssd report` made from the counts (org_tally.h): organisations ranked by the share
// of non-compliant records and by violations weighted by severity, per organisation its most
// failed requirements and the share of compliant records per standard, and the trends by month —
// per organisation and overall. The page and the JSON show these same figures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "org_report.h"
#include "org_tally.h"
#include "ssd/diagnostics.h"

namespace ssd::cli {

// How many requirements a trend follows: the most failed ones.
inline constexpr size_t kTrendRequirements = 5;

// A part of a whole, both kept so that a figure is shown with the counts behind it.
struct Share {
  int part = 0, whole = 0;
  std::optional<double> value() const;  // nullopt when the whole is 0
};

// Records checked: compliant, non-compliant or incomplete (not `error`, not `not_in_force`).
int checked(const RecordCounts& records);
int total(const RecordCounts& records);

struct MonthFigures {
  Month month = 0;
  RecordCounts records{};
  Share compliant() const;  // compliant / checked
};

// A requirement (one line: its wordings in time together) that failed, with its failures by month.
struct FailingRequirement {
  const Program* program = nullptr;
  size_t index = 0;  // of the line among the program's lines
  RequirementStats line;
  Severity severity = Severity::None;  // what a fail of it counts as (SeverityCounts)
  std::vector<std::pair<Month, int>> by_month;
};

struct StandardFigures {
  const Program* program = nullptr;
  RecordCounts records{};
  Share compliant;                          // compliant / checked records
  std::vector<FailingRequirement> failing;  // most failed first
  int met = 0;          // lines judged, never failed
  int not_judged = 0;   // lines with only not_applicable or missing_data findings
  int unanswered = 0;   // attested lines that no record answered
  int out_of_force = 0; // computed lines with no finding: no record's date falls in their period
};

struct OrganizationFigures {
  std::string id, name;  // id empty: the records that name no organisation
  RecordCounts records{};
  int without_month = 0;
  Share non_compliant;  // non-compliant / checked records
  SeverityCounts violations;
  size_t rank_by_share = 0, rank_by_severity = 0;  // 1 is the worst
  std::vector<StandardFigures> standards;  // in id order
  std::vector<MonthFigures> months;
  std::vector<FailingRequirement> top;  // the most failed (kTrendRequirements), with their months
};

struct OrganizationsReport {
  OrgReport overall;  // all records: per standard and requirement, and the risk rows
  std::vector<MonthFigures> months;
  std::vector<FailingRequirement> failing;        // over all records, most failed first
  std::vector<FailingRequirement> top;            // the first of them (kTrendRequirements), with their months
  std::vector<OrganizationFigures> organizations;  // by rank_by_share
  std::vector<size_t> by_severity;                 // indices of organizations by rank_by_severity
};

// How pages and charts name an organisation: "name (id)", the id alone, or the group of records
// without one, in `lang`.
std::string organization_label(const OrganizationFigures& organization, Lang lang);
// "edu-org § 5.1".
std::string requirement_label(const FailingRequirement& requirement);

// The order of failed requirements: more failures first, then the standard's id, then the rule.
bool more_failed(const FailingRequirement& a, const FailingRequirement& b);

// Ranking by share: the greater share of non-compliant records first, then more non-compliant
// records, then the id (the group without an organisation last); organisations with no record
// checked come last. Ranking by severity: more gross violations first, then significant, then
// minor, then those without a degree — the law gives the degrees an order and no weights — then
// the ranking by share.
OrganizationsReport make_figures(OrgReport overall, OrganizationTally& tally);

}  // namespace ssd::cli
