// What one source file may ask of the compiler. The parser (ANTLR's, recursive descent with
// adaptive prediction) and the passes after it recurse as deep as expressions nest, so a file is
// scanned token by token before it is parsed, and refused with a diagnostic where it passes a
// limit: no input can drive the compiler past its stack or into quadratic work.
#pragma once

#include <cstddef>
#include <vector>

#include "ssd/diagnostics.h"

namespace ssd {

// A source file's size (diagnostic file_too_large). The largest standard is under 300 KB.
inline constexpr size_t kMaxFileBytes = 4 << 20;
// Brackets and prefix operators open inside one another (nesting_too_deep).
inline constexpr int kMaxNesting = 100;
// Binary operators in one expression (expression_too_long): each makes the tree one level deeper,
// and with kMaxNesting the tree stays within the verifier's kMaxNodeDepth.
inline constexpr int kMaxOperators = 400;

// A token as the scan sees it; the parser adapter sorts ANTLR's tokens into these.
struct ScanToken {
  enum Kind {
    Open,       // ( [ {
    Close,      // ) ] }
    Prefix,     // an operator that nests what follows it: егер, әрбір, кемінде_біреуі
    Minus,      // - : binary after an operand, prefix otherwise
    Not,        // емес: after an operand a postfix operator, one level like a binary one; prefix otherwise
    Binary,     // және, <, +, онда, ...
    Separator,  // ',': what a prefix operator held has ended (a list item, a JSON value)
    Operand,    // ends an operand: a name, a number, a string, a date
    Boundary,   // a keyword that starts a declaration or clause: a new expression
    Other,
  };
  Kind kind;
  Span span;
};

// Reports a file larger than kMaxFileBytes; false then.
bool size_within_limits(const SourceFile& file, Diagnostics& diags);
// Reports the first token where the file nests too deep or an expression grows too long; false then.
bool tokens_within_limits(const SourceFile& file, const std::vector<ScanToken>& tokens, Diagnostics& diags);

}  // namespace ssd
