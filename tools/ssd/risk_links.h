// Which rows of the risk criteria a violation of a requirement counts against. A requirement R
// of instrument S maps to risk row N when some requirement of any instrument inspects both
// S § R (or a paragraph R lies under) and risk-criteria § N — a checklist row that names a
// standard's paragraph and the risk row it feeds — or when R itself inspects risk-criteria § N.
// A row of the risk criteria maps to itself.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ssd/internal/program.h"

namespace ssd::cli {

inline constexpr const char* kRiskCriteria = "risk-criteria";

class RiskLinks {
 public:
  explicit RiskLinks(const std::vector<std::shared_ptr<const Program>>& programs);

  // The risk rows, in the order of the criteria, each once.
  std::vector<std::string> rows_for(const std::string& standard, const std::string& rule) const;

 private:
  struct Link {
    std::string standard, cited, row;
  };
  std::vector<Link> links_;
};

}  // namespace ssd::cli
