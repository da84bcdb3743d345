#include "program_size.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "ssd/internal/verify.h"

namespace ssd {

namespace {

using Definition = const ast::DefinitionDecl*;

// The longest chain below an expression, and the nodes evaluating it visits (no more than one
// past the limit: a count that doubles with every definition would overflow).
struct Size {
  int depth = 0;
  std::uint64_t nodes = 0;
};

class SizeCheck {
 public:
  SizeCheck(const Scope& scope, Diagnostics& diags) : s_(scope), diags_(diags) {}

  bool run() {
    // Definitions in an order where each comes after those it uses, walked with a stack of our
    // own: the chain of definitions may be as long as the file.
    for (const auto& d : s_.instrument->definitions) {
      if (state_.count(&d)) continue;
      std::vector<std::pair<Definition, std::vector<Definition>>> stack;
      enter(&d, stack);
      while (!stack.empty()) {
        auto& [def, uses] = stack.back();
        if (!uses.empty()) {
          const Definition next = uses.back();
          uses.pop_back();
          if (!state_.count(next)) enter(next, stack);  // in progress: a cycle, check.cpp's to report
          continue;
        }
        const Size size = size_of(*def->expr);
        size_[def] = size;
        state_[def] = true;
        stack.pop_back();
        if (!within(size, def->name.text, def->name.span, s_.file)) return false;
      }
    }
    for (const RequirementRef& r : s_.timeline.requirements)
      if (r.decl->condition && !within(size_of(*r.decl->condition), r.decl->name.text, r.decl->condition->span, r.file))
        return false;
    return true;
  }

 private:
  void enter(Definition d, std::vector<std::pair<Definition, std::vector<Definition>>>& stack) {
    state_[d] = false;
    std::vector<Definition> uses;
    if (d->expr) collect_uses(*d->expr, uses);
    stack.emplace_back(d, std::move(uses));
  }

  static void collect_uses(const ast::Expr& e, std::vector<Definition>& out) {
    if (e.symbol && e.symbol->kind == Symbol::Definition) out.push_back(e.symbol->definition);
    for (const auto& a : e.args)
      if (a) collect_uses(*a, out);
  }

  // A definition it uses counted as its own expression: never less than the lowered program's.
  // A definition still in progress is in a cycle.
  Size size_of(const ast::Expr& e) const {
    Size out;
    if (e.symbol && e.symbol->kind == Symbol::Definition)
      if (auto it = size_.find(e.symbol->definition); it != size_.end()) out = it->second;
    for (const auto& a : e.args) {
      if (!a) continue;
      const Size arg = size_of(*a);
      out.depth = std::max(out.depth, arg.depth);
      out.nodes = std::min<std::uint64_t>(out.nodes + arg.nodes, kMaxUnfoldedNodes + 1);
    }
    return {out.depth + 1, std::min<std::uint64_t>(out.nodes + 1, kMaxUnfoldedNodes + 1)};
  }

  bool within(const Size& size, const std::string& name, Span span, const SourceFile* file) {
    if (size.depth > kMaxNodeDepth)
      diags_.report(DiagId::expression_too_deep, file, span,
                    {name, std::to_string(size.depth), std::to_string(kMaxNodeDepth)});
    else if (size.nodes > kMaxUnfoldedNodes)
      diags_.report(DiagId::expression_too_large, file, span, {name, std::to_string(kMaxUnfoldedNodes)});
    else
      return true;
    return false;
  }

  const Scope& s_;
  Diagnostics& diags_;
  std::unordered_map<Definition, bool> state_;  // false: in progress; true: done
  std::unordered_map<Definition, Size> size_;
};

}  // namespace

bool check_program_size(const Scope& scope, Diagnostics& diags) { return SizeCheck(scope, diags).run(); }

}  // namespace ssd
