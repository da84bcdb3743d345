// ssd fmt: the one canonical layout of a .ssd file (docs/cli.md, "ssd fmt").
#pragma once

#include <optional>
#include <string>

#include "ssd/diagnostics.h"
#include "ssd/source.h"

namespace ssd {

// The file in its canonical layout. Nothing, with the file's lexical and syntax errors in `diags`,
// when it does not parse: a file is formatted only whole. Tokens, comments and the words of the
// law are kept; only the white space between them changes.
std::optional<std::string> format_source(const SourceFile& file, Diagnostics& diags);

}  // namespace ssd
