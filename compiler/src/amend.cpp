#include "amend.h"

#include <algorithm>
#include <map>

#include "check.h"

namespace ssd {

bool within(const std::string& rule, const std::string& target) {
  if (rule == target || target.empty()) return true;
  const bool appendix = target.rfind("app", 0) == 0 && target.find(':') == std::string::npos;
  return rule.rfind(target + (appendix ? ":" : "."), 0) == 0;
}

namespace {

struct Step {
  Day day;
  const ast::Operation* op;
  const AmendmentSource* source;
  std::string act;
};

template <class Ref>
bool in_force_on(const Ref& r, Day day) {
  return (!r.from || *r.from <= day) && (!r.until || day < *r.until);
}

}  // namespace

Timeline apply_amendments(const ast::InstrumentDecl& in, const SourceFile& file,
                          const std::vector<AmendmentSource>& amendments, Diagnostics& diags) {
  Timeline t;
  for (const auto& r : in.requirements) t.requirements.push_back({&r, &file, {}, {}, ""});
  for (const auto& p : in.provisions) t.provisions.push_back({&p, &file, {}, {}, ""});
  for (const auto& x : in.examples) t.examples.push_back({&x, &file, {}, {}, ""});

  std::vector<Step> steps;
  for (const AmendmentSource& a : amendments) {
    const std::optional<Day> day = first_day_in_force(a.decl->meta);
    const std::string act = a.decl->meta.short_name ? a.decl->meta.short_name->text : a.decl->title;
    for (const auto& op : a.decl->operations)
      if (op.instrument.text == in.id.text && day) steps.push_back({*day, &op, &a, act});
  }
  // In date order; operations of one day keep the order they are written in.
  std::stable_sort(steps.begin(), steps.end(), [](const Step& x, const Step& y) { return x.day < y.day; });

  const bool partial = in.meta.partial.has_value();
  std::map<std::pair<std::string, Day>, const Step*> changed;  // (target, day) → the operation
  for (const Step& s : steps) {
    const ast::Operation& op = *s.op;
    const SourceFile* at = s.source->file;
    if (op.kind == ast::Operation::Repeal) {
      if (!t.repealed || s.day < *t.repealed) t.repealed = s.day, t.repealed_by = s.act;
      continue;
    }
    // No citation: the whole instrument (only a new wording parses so).
    const std::string target = op.target ? op.target->rule : "";
    const Span target_span = op.target ? op.target->span : op.instrument.span;
    const std::string target_name = op.target ? "§ " + target : in.id.text;
    if (auto [it, fresh] = changed.emplace(std::make_pair(target, s.day), &s); !fresh) {
      const ast::Operation& first = *it->second->op;
      diags.report(DiagId::amendment_conflict, at, target_span, {format_date(s.day), target_name});
      diags.note(DiagId::previous_definition, it->second->source->file,
                 first.target ? first.target->span : first.instrument.span);
      continue;
    }
    // What the operation touches: the wordings of the target in force on its day.
    // The whole instrument's new wording ends its uncited provision notes too.
    auto targeted = [&](const auto& r) {
      return target.empty() || (r.decl->citation && within(r.decl->citation->rule, target));
    };
    auto end_matching = [&](auto& refs) {
      int ended = 0;
      for (auto& r : refs)
        if (targeted(r) && in_force_on(r, s.day)) {
          r.until = s.day;
          ++ended;
        }
      return ended;
    };
    auto any_matching = [&](const auto& refs) {
      return std::any_of(refs.begin(), refs.end(), [&](const auto& r) { return targeted(r) && in_force_on(r, s.day); });
    };
    if (op.kind == ast::Operation::Supplement) {
      if (any_matching(t.requirements) || any_matching(t.provisions))
        diags.report(DiagId::amendment_exists, at, target_span, {in.id.text, target_name});
    } else {
      const int ended = end_matching(t.requirements) + end_matching(t.provisions);
      // A partial instrument lacks most of the base text: the order still records what it replaces.
      if (ended == 0 && !partial)
        diags.report(DiagId::amendment_no_target, at, target_span, {in.id.text, target_name});
    }
    for (const auto& r : op.requirements) {
      if (r.citation && !within(r.citation->rule, target))
        diags.report(DiagId::amendment_outside, at, r.citation->span, {"§ " + r.citation->rule, target_name});
      t.requirements.push_back({&r, at, s.day, {}, s.act});
    }
    for (const auto& p : op.provisions) t.provisions.push_back({&p, at, s.day, {}, s.act});
    for (const auto& x : op.examples) t.examples.push_back({&x, at, s.day, {}, s.act});
  }
  return t;
}

}  // namespace ssd
