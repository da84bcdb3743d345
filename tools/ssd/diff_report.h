// An InstrumentDiff as text, JSON, or a printable HTML page for regulators.
#pragma once

#include <string>

#include "semantic_diff.h"

namespace ssd::cli {

std::string diff_text(const InstrumentDiff& diff);
std::string diff_json(const InstrumentDiff& diff);
std::string diff_html(const InstrumentDiff& diff);

}  // namespace ssd::cli
