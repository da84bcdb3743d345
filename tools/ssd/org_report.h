// `ssd report`: findings of many case records of one organisation counted per standard and
// requirement, with the share of compliant records and the violations mapped to the rows of the
// risk criteria (docs/checklists.md).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "finding_tally.h"
#include "risk_links.h"
#include "ssd/result.h"

namespace ssd::cli {

// The words are those of the Program, which outlives every report made of it.
struct RequirementStats {
  std::string_view rule, name, text;  // text: the description, else the law's words
  std::string_view law;               // the provision's words
  Severity severity = Severity::None;
  StatusCounts counts;
  std::vector<std::string> risk_rows;

  // pass / (pass + fail); nullopt when nothing was judged either way.
  std::optional<double> compliant_share() const;
};

struct StandardStats {
  const Program* program = nullptr;
  int records = 0;
  std::map<std::string, int> by_status;  // record status → records
  std::vector<RequirementStats> requirements;
  // Records judged on days when the wording in force is uncertain: the period's number in the
  // instrument (Instrument::uncertain) → records.
  std::map<std::int32_t, int> uncertain;
};

struct RiskRowStats {
  std::string row, text, group, group_label;
  Severity severity = Severity::None;
  int records = 0;   // records with a violation mapped to the row
  int findings = 0;  // fail findings mapped to it
  std::set<std::pair<std::string, std::string>> from;  // the standards' rules that fed it
};

struct OrgReport {
  int records = 0;
  std::map<std::string, int> by_status;
  std::vector<StandardStats> standards;
  std::vector<RiskRowStats> risk;  // in the order of the criteria
  std::map<std::string, Severity> risk_severity;  // every row of the risk criteria
};

// The lines of a program's requirements, in the order of the file: the wordings of one requirement
// in time (same rule, same name) are one line, their counts summed; `counts` per requirement by
// index, or nullptr for zeros.
std::vector<RequirementStats> requirement_lines(const Program& program, const std::vector<StatusCounts>* counts,
                                                const RiskLinks& links);

// For each requirement of the program (by index), the index of its line in requirement_lines().
std::vector<size_t> line_of_requirement(const Program& program);

class ReportBuilder {
 public:
  explicit ReportBuilder(const std::vector<std::shared_ptr<const Program>>& programs);
  void add(const RecordResult& result);
  OrgReport finish() const;

 private:
  const std::vector<std::string>& rows_of(const Program& program, std::int32_t requirement);

  RiskLinks links_;
  const Program* risk_criteria_ = nullptr;
  FindingTally tally_;
  int records_ = 0;
  std::map<std::string, int> by_status_;
  std::map<std::string, StandardStats> standards_;
  std::map<std::string, RiskRowStats> risk_;
  std::map<const Program*, std::vector<std::optional<std::vector<std::string>>>> rows_cache_;
};

// How many violated rows of each severity and group: what `ssd check` would count for a
// risk-criteria record listing these rows.
void risk_totals(const OrgReport& report, std::map<std::string, int>& by_severity, std::map<std::string, int>& by_group);

}  // namespace ssd::cli
