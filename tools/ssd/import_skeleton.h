// An official text as extracted from PDF (the act's title and requisites, numbered paragraphs
// `1.`, sub-paragraphs `1)`, chapter headings, appendices with their numbered table rows) turned
// into a skeleton .ssd (`ssd import`): every paragraph, sub-paragraph and row quoted as law text
// in a block of its own and marked `әлі_кодталмаған`, so that it compiles as it is and
// `ssd coverage` lists the work to do. The act's body is one instrument; each appendix that
// follows is one more (an order's appendix is often a whole standard, numbered from 1 again).
#pragma once

#include <string>

namespace ssd::cli {

// `text`: the official text; `source`: its name, for the skeleton's heading comment; `id`: the
// instrument id of the act's body (its appendices get `id-1`, `id-2`, …).
std::string import_skeleton(const std::string& text, const std::string& source, const std::string& id);

}  // namespace ssd::cli
