// The parse of a file's tokens, with its syntax errors as diagnostics that say what was expected.
// Where the parser stops at a word that is nearly a keyword it could read there — a typo
// (`мынадай_редакциада`), a Russian letter for a Kazakh one (`тармак`) — the word is reported with
// "did you mean" and its fix-it, and read as that keyword: the file is parsed again from the
// start, so no error follows from the word, and the later passes still see the whole file.
#pragma once

#include <memory>

#include <antlr4-runtime.h>

#include "SsdParser.h"
#include "ssd/diagnostics.h"

namespace ssd {

struct ParseTree {
  std::unique_ptr<grammar::SsdParser> parser;  // owns the tree
  grammar::SsdParser::FileContext* tree = nullptr;
  bool whole = false;  // no syntax error is left: every part of the tree is there
};

ParseTree parse_tokens(antlr4::CommonTokenStream& tokens, const SourceFile& file, Diagnostics& diags);

}  // namespace ssd
