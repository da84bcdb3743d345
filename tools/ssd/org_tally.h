// The counts behind `ssd report`, kept while the records stream by: per organisation (the
// record's organization.id; records without one form one group), per standard and requirement
// the findings by status, per month of as_of the records by status and the failures of each
// requirement, and the violations by severity. Memory grows with organisations × requirements ×
// months, never with the number of records: no record is kept.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "finding_tally.h"
#include "risk_links.h"
#include "ssd/result.h"

namespace ssd::cli {

// Records by RecordStatus (indexed by its value).
using RecordCounts = std::array<int, 5>;

// A month of as_of: year * 12 + (month - 1); "2023-05-17" → 2023 * 12 + 4.
using Month = int;

// The month of a date written YYYY-MM-DD, or -1 when the text is not a date.
Month month_of(std::string_view as_of);
// "2023-05".
std::string month_text(Month month);

// Fail findings by the severity of the violation (the requirement's own, else the gravest of the
// risk rows it maps to); `unclassified` where neither gives one.
struct SeverityCounts {
  int gross = 0, significant = 0, minor = 0, unclassified = 0;
  void add(Severity severity);
  int total() const { return gross + significant + minor + unclassified; }
};

// Gross > significant > minor > none.
int gravity(Severity severity);

class OrganizationTally {
 public:
  struct Standard {
    const Program* program = nullptr;
    RecordCounts records{};
    std::vector<StatusCounts> requirements;  // by requirement index
    // Fail findings by month of as_of (-1: not a date), each by requirement index: a month holds
    // a number per requirement, as dense as the counts above.
    std::map<Month, std::vector<int>> failures;
  };
  struct Group {
    std::string id, name;  // id empty: the records that name no organisation
    RecordCounts records{};
    int without_month = 0;  // records whose as_of is not a date
    SeverityCounts violations;
    std::vector<Standard> standards;    // in the order first seen
    std::map<Month, RecordCounts> months;
  };

  explicit OrganizationTally(const std::vector<std::shared_ptr<const Program>>& programs);
  void add(const RecordResult& result);

  const std::vector<Group>& groups() const { return groups_; }
  const RiskLinks& links() const { return links_; }
  // The severity a fail of the requirement counts with (see SeverityCounts): its own, else, on a
  // record dated while the risk criteria are in force, the gravest of the risk rows it maps to.
  Severity severity_of(const Program& program, std::int32_t requirement, bool risk_in_force);

 private:
  Group& group_of(const RecordResult& result);

  RiskLinks links_;
  std::map<std::string, Severity> risk_severity_;  // rows of the risk criteria
  struct Severities {
    Severity own = Severity::None, with_risk = Severity::None;
  };
  std::unordered_map<const Program*, std::vector<Severities>> severity_cache_;
  std::vector<Group> groups_;
  std::unordered_map<std::string, size_t> group_index_;
  size_t last_group_ = SIZE_MAX;
};

}  // namespace ssd::cli
