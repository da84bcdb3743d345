// What an instrument encodes, provision by provision (ssd coverage): computed requirements,
// attested ones, provisions not encoded and why, provisions still to encode, and the paragraph
// numbers the file does not mention at all.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ssd/internal/program.h"

namespace ssd::cli {

struct CoverageRow {
  std::string rule;
  std::string kind;  // "computed", "attested", "not encoded", "to do"
  std::string text;  // the requirement's description, the reason it is not encoded, the law's text
};

struct CoverageTotals {
  int computed = 0, attested = 0, not_encoded = 0, to_do = 0;
  std::vector<int> gaps;  // paragraph numbers below the last one mentioned that nothing mentions
};

// The totals of `program`; with `rows`, its rows too, in law order.
CoverageTotals coverage(const Program& program, std::vector<CoverageRow>* rows = nullptr);

// Paragraph numbers with runs joined: "3, 5–7".
std::string gaps_text(const std::vector<int>& gaps);

// An instrument's coverage as readable text: title, rows, totals.
std::string coverage_text(const Program& program);

// The totals of every program, and their sum, as a Markdown table.
std::string coverage_markdown(const std::vector<std::shared_ptr<const Program>>& programs);

}  // namespace ssd::cli
