// Which rows of the risk criteria a violation of a requirement counts against. A requirement R
// of instrument S maps to risk row N when some requirement of any instrument inspects both
// S § R (or a paragraph R lies under) and risk-criteria § N — a checklist row that names a
// standard's paragraph and the risk row it feeds — or when R itself inspects risk-criteria § N.
// A row of the risk criteria maps to itself. A violation counts against a row only on a day the
// risk criteria are in force: a record dated before them (or after their repeal) maps to none.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ssd/internal/program.h"

namespace ssd::cli {

inline constexpr const char* kRiskCriteria = "risk-criteria";

class RiskLinks {
 public:
  explicit RiskLinks(const std::vector<std::shared_ptr<const Program>>& programs);

  // The risk rows, in the order of the criteria, each once.
  std::vector<std::string> rows_for(const std::string& standard, const std::string& rule) const;

  // Whether a record of that as_of ("YYYY-MM-DD") falls in the period of force of the folder's
  // risk criteria (any day, where the folder has none; no day, where as_of is not a date).
  bool in_force_on(std::string_view as_of) const;

 private:
  struct Link {
    std::string standard, cited, row;
  };
  std::vector<Link> links_;
  std::optional<Day> from_, until_;
};

}  // namespace ssd::cli
