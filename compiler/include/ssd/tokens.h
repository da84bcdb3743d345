// The tokens of a .ssd file as the lexer reads them, comments included: for tools that look at
// the text itself (the formatter's own check, the language server's completion).
#pragma once

#include <string>
#include <vector>

#include "ssd/source.h"

namespace ssd {

struct SourceToken {
  std::string kind;  // the lexer's name of it: "IDENT", "STRING", "PARAGRAPH", "'{'", "LINE_COMMENT", ...
  std::string text;  // as written
  int line = 0;      // 1-based
  int column = 0;    // 0-based, in code points
  bool comment = false;
};

// Every token of the file, in order; a character the lexer cannot read is a token of its own
// ("UNEXPECTED_CHAR", "UNTERMINATED_STRING"). Nothing when the file is not UTF-8.
std::vector<SourceToken> lex(const SourceFile& file);

// The keywords of the language, as the lexer knows them (for completion).
std::vector<std::string> keywords();

// What the token means, without what a layout may change: the white space inside a """law
// text""" (read as one space: docs/language.md, lexical rules) and inside a citation (§  5.1).
std::string layout_free_text(const SourceToken& token);

}  // namespace ssd
