// Where a token or a stretch of tokens is in its file, as the diagnostics count places.
#pragma once

#include <antlr4-runtime.h>

#include <algorithm>

#include "ssd/source.h"

namespace ssd {

inline Span token_span(const antlr4::Token* t) {
  if (!t) return {};
  const int length = t->getType() == antlr4::Token::EOF
      ? 1 : static_cast<int>(t->getStopIndex() - t->getStartIndex() + 1);
  return {static_cast<int>(t->getLine()), static_cast<int>(t->getCharPositionInLine()), std::max(length, 1)};
}

// From the start of `first` to the end of `last` (the input counts code points, as columns do).
inline Range token_range(const antlr4::Token* first, const antlr4::Token* last) {
  if (!first || !last) return {};
  Range r{static_cast<int>(first->getLine()), static_cast<int>(first->getCharPositionInLine()), 0, 0};
  // The end: the last token's start plus its length, or past its last line for a token over lines.
  const std::string text = last->getText();
  int line = static_cast<int>(last->getLine()), column = static_cast<int>(last->getCharPositionInLine());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') ++line, column = 0;
    else if ((c & 0xC0) != 0x80) ++column;
  }
  r.end_line = line;
  r.end_column = column;
  return r;
}

}  // namespace ssd
