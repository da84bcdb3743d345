// Positions as LSP counts them (0-based lines, columns in UTF-16 code units) and as the compiler
// does (1-based lines, columns in code points): Kazakh letters are one unit of each, a character
// beyond the Basic Multilingual Plane two UTF-16 units and one code point.
#pragma once

#include <string_view>

namespace ssd::lsp {

// The UTF-16 column of a code-point column of a UTF-8 line (past its end: counted as if padded).
int utf16_column(std::string_view line, int code_points);
// The code-point column of a UTF-16 column; a column inside a surrogate pair is the character's.
int code_point_column(std::string_view line, int utf16);

}  // namespace ssd::lsp
