// An InstrumentDiff as text, JSON, or a printable HTML page for regulators.
#pragma once

#include <string>

#include "semantic_diff.h"

namespace ssd::cli {

// Text and page in `lang`, of a diff computed in the same language; JSON of a diff computed in
// LabelLang::Json.
std::string diff_text(const InstrumentDiff& diff, Lang lang);
std::string diff_json(const InstrumentDiff& diff);
std::string diff_html(const InstrumentDiff& diff, Lang lang);

}  // namespace ssd::cli
