#include "depth.h"

#include <unordered_map>

#include "ssd/internal/verify.h"

namespace ssd {

namespace {

using Definition = const ast::DefinitionDecl*;

class DepthCheck {
 public:
  DepthCheck(const Scope& scope, Diagnostics& diags) : s_(scope), diags_(diags) {}

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
        const int depth = expr_depth(*def->expr);
        depth_[def] = depth;
        state_[def] = true;
        stack.pop_back();
        if (depth > kMaxNodeDepth) return too_deep(def->name.text, def->name.span, s_.file, depth);
      }
    }
    for (const RequirementRef& r : s_.timeline.requirements) {
      if (!r.decl->condition) continue;
      const int depth = expr_depth(*r.decl->condition);
      if (depth > kMaxNodeDepth) return too_deep(r.decl->name.text, r.decl->condition->span, r.file, depth);
    }
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

  // The expression's own depth, a definition it uses counted as deep as its own expression:
  // never less than the lowered program's. A definition still in progress is in a cycle.
  int expr_depth(const ast::Expr& e) const {
    int below = 0;
    if (e.symbol && e.symbol->kind == Symbol::Definition) {
      auto it = depth_.find(e.symbol->definition);
      below = it == depth_.end() ? 0 : it->second;
    }
    for (const auto& a : e.args)
      if (a) below = std::max(below, expr_depth(*a));
    return below + 1;
  }

  bool too_deep(const std::string& name, Span span, const SourceFile* file, int depth) {
    diags_.report(DiagId::expression_too_deep, file, span,
                  {name, std::to_string(depth), std::to_string(kMaxNodeDepth)});
    return false;
  }

  const Scope& s_;
  Diagnostics& diags_;
  std::unordered_map<Definition, bool> state_;  // false: in progress; true: done
  std::unordered_map<Definition, int> depth_;
};

}  // namespace

bool check_depth(const Scope& scope, Diagnostics& diags) { return DepthCheck(scope, diags).run(); }

}  // namespace ssd
