// An instrument as in force on a day, rendered for a lawyer (`ssd doc`): each provision's official
// text, and under it what is checked in plain Kazakh, whether computed or attested, the examples as
// small tables, the coverage mark and the wording's history. A printable A4 HTML page with a table
// of contents.
#pragma once

#include <string>

#include "ssd/compiler.h"

namespace ssd::cli {

std::string instrument_doc_html(const CompiledInstrument& instrument, Day as_of);

}  // namespace ssd::cli
