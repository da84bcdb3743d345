// A file lexed and parsed by the ANTLR-generated parser, for the passes that work on the syntax
// itself: the AST builder (parse.cpp) and the formatter (format.cpp). Only compiler/src sees it.
#pragma once

#include <antlr4-runtime.h>

#include <memory>

#include "SsdLexer.h"
#include "SsdParser.h"
#include "ssd/diagnostics.h"

namespace ssd {

struct Syntax {
  std::unique_ptr<antlr4::ANTLRInputStream> input;
  std::unique_ptr<grammar::SsdLexer> lexer;
  std::unique_ptr<antlr4::CommonTokenStream> tokens;  // every token, comments (hidden channel) too
  std::unique_ptr<grammar::SsdParser> parser;
  grammar::SsdParser::FileContext* tree = nullptr;  // owned by the parser
  // No syntax or lexical error is left in the tree (a keyword's misspelling, reported and read as
  // the keyword, leaves it whole); otherwise it has holes.
  bool whole = false;
};

// Lexes and parses one file; lexical and syntax errors (and the old spellings' warnings) go to
// `diags`. Nothing when the file is not UTF-8.
std::unique_ptr<Syntax> parse_syntax(const SourceFile& file, Diagnostics& diags);

}  // namespace ssd
