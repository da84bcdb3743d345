#include "source_limits.h"

#include <string>

namespace ssd {

bool size_within_limits(const SourceFile& file, Diagnostics& diags) {
  if (file.text().size() <= kMaxFileBytes) return true;
  diags.report(DiagId::file_too_large, &file, {1, 0, 1}, {std::to_string(file.text().size()), std::to_string(kMaxFileBytes)});
  return false;
}

bool tokens_within_limits(const SourceFile& file, const std::vector<ScanToken>& tokens, Diagnostics& diags) {
  // The levels open: the file's own, then one per bracket, each with the prefix operators that
  // nest inside it. A prefix operator holds until a separator or boundary at its level or the
  // bracket's close: sooner, in truth (`емес a және b` ends at `және`), so the count is never
  // less than the parser's depth.
  std::vector<int> prefixes = {0};
  int depth = 0;  // brackets open + prefix operators held
  int operators = 0;
  bool after_operand = false;
  for (const ScanToken& t : tokens) {
    ScanToken::Kind kind = t.kind;
    // A postfix `емес` ends an operand as the operand before it did.
    const bool postfix = kind == ScanToken::Not && after_operand;
    if (kind == ScanToken::Minus || kind == ScanToken::Not) kind = after_operand ? ScanToken::Binary : ScanToken::Prefix;
    after_operand = kind == ScanToken::Operand || kind == ScanToken::Close || postfix;
    switch (kind) {
      case ScanToken::Open:
        prefixes.push_back(0);
        ++depth;
        break;
      case ScanToken::Close:
        if (prefixes.size() == 1) break;  // unbalanced: the parser says so
        depth -= prefixes.back() + 1;
        prefixes.pop_back();
        break;
      case ScanToken::Prefix:
        ++prefixes.back();
        ++depth;
        break;
      case ScanToken::Binary:
        if (++operators > kMaxOperators) {
          diags.report(DiagId::expression_too_long, &file, t.span, {std::to_string(kMaxOperators)});
          return false;
        }
        break;
      case ScanToken::Boundary:
        operators = 0;
        [[fallthrough]];
      case ScanToken::Separator:
        depth -= prefixes.back();
        prefixes.back() = 0;
        break;
      default:
        break;
    }
    if (depth > kMaxNesting) {
      diags.report(DiagId::nesting_too_deep, &file, t.span, {std::to_string(kMaxNesting)});
      return false;
    }
  }
  return true;
}

}  // namespace ssd
