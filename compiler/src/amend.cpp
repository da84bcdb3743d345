#include "amend.h"

#include <algorithm>
#include <map>

#include "blocks.h"
#include "check.h"

namespace ssd {

bool within(const std::string& rule, const std::string& target) {
  if (rule == target || target.empty()) return true;
  const bool appendix = target.rfind("app", 0) == 0 && target.find(':') == std::string::npos;
  return rule.rfind(target + (appendix ? ":" : "."), 0) == 0 || rule.rfind(target + kAbzatsMark, 0) == 0;
}

namespace {

// The blocks of a file (or of an operation) into the timeline, outermost first; requirements and
// examples with the block they are written in.
class Flattener {
 public:
  Flattener(Timeline& t, const SharedTexts& shared) : t_(t), shared_(shared) {}

  void add(const ast::BlockDecl& b, const SourceFile* file, std::optional<Day> from, const std::string& act, int within) {
    for (const auto& p : b.pointers) t_.pointers.push_back({&p, b.key, file});
    for (const auto& x : b.examples) t_.examples.push_back({&x, file, from, {}, act});
    int index = within;
    if (b.is_provision()) {
      index = static_cast<int>(t_.provisions.size());
      ProvisionRef ref{{&b, file, from, {}, act, within}};
      if (b.text) ref.text = &*b.text;
      else if (auto it = shared_.find(&b); it != shared_.end()) ref.text = it->second;
      t_.provisions.push_back(ref);
      for (const auto& r : b.requirements) t_.requirements.push_back({&r, file, from, {}, act, index});
    }
    for (const auto& child : b.blocks) add(child, file, from, act, index);
  }

 private:
  Timeline& t_;
  const SharedTexts& shared_;
};

struct Step {
  Day day;
  OperationRef op;
  const AmendmentSource* source;
  std::string act;
  const ast::UnencodedInstruction* unencoded;  // an instruction that changes no block
};

void collect(const ast::BlockDecl& b, const ast::ChangeSection& section, const SourceFile& file, Diagnostics* diags,
             std::vector<OperationRef>& out) {
  if (b.operation) {
    out.push_back({*b.operation, b.key, b.span, &b, &section, b.instruction ? &*b.instruction : nullptr});
    if (*b.operation == ast::OperationKind::Delete && b.is_provision() && diags)
      diags->report(DiagId::deletion_with_content, &file, b.span, {key_name(b.key)});
    return;
  }
  // A locator: it has no provision of its own, only blocks below it.
  const bool own = b.has_text() || b.reason || b.to_do || !b.notes.empty() || !b.requirements.empty() || !b.examples.empty();
  if (own && diags) diags->report(DiagId::block_without_operation, &file, b.span, {key_name(b.key)});
  for (const auto& child : b.blocks) collect(child, section, file, diags, out);
}

}  // namespace

std::vector<OperationRef> operations_of(const ast::ChangeSection& section, const SourceFile& file, Diagnostics* diags) {
  std::vector<OperationRef> out;
  switch (section.kind) {
    case ast::ChangeSection::Repeal:
      out.push_back({ast::OperationKind::Repeal, "", section.instrument.span, nullptr, &section,
                     section.instruction ? &*section.instruction : nullptr});
      break;
    case ast::ChangeSection::WholeNewWording:
      out.push_back({ast::OperationKind::NewWording, "", section.instrument.span, nullptr, &section,
                     section.instruction ? &*section.instruction : nullptr});
      break;
    case ast::ChangeSection::Blocks:
      for (const auto& b : section.blocks) collect(b, section, file, diags, out);
      break;
  }
  return out;
}

Timeline apply_amendments(const ast::InstrumentDecl& in, const SourceFile& file,
                          const std::vector<AmendmentSource>& amendments, const SharedTexts& shared,
                          Diagnostics& diags) {
  Timeline t;
  Flattener flat(t, shared);
  for (const auto& p : in.pointers) t.pointers.push_back({&p, "", &file});
  for (const auto& x : in.examples) t.examples.push_back({&x, &file, {}, {}, ""});
  for (const auto& b : in.blocks) flat.add(b, &file, {}, "", -1);

  std::vector<Step> steps;
  for (const AmendmentSource& a : amendments) {
    const std::string act = a.decl->meta.short_name ? a.decl->meta.short_name->text : a.decl->title;
    bool names_it = false;
    for (const auto& section : a.decl->sections) {
      if (section.instrument.text != in.id.text || !a.day) continue;
      names_it = true;
      for (const OperationRef& op : operations_of(section, *a.file, &diags)) steps.push_back({*a.day, op, &a, act, nullptr});
      for (const auto& u : section.unencoded) {
        const OperationRef op{u.operation.value_or(ast::OperationKind::NewWording), "", u.span, nullptr, &section, &u.instruction};
        steps.push_back({*a.day, op, &a, act, &u});
      }
      // The section's own examples run against the instrument as the order leaves it.
      for (const auto& x : section.examples) t.examples.push_back({&x, a.file, *a.day, {}, act});
    }
    if (const std::optional<Uncertain> u = uncertain_start(a.decl->meta); u && names_it)
      t.uncertain.push_back({u->from, u->to, act, a.decl->meta.publication_term->why});
  }
  // In date order; operations of one day keep the order they are written in.
  std::stable_sort(steps.begin(), steps.end(), [](const Step& x, const Step& y) { return x.day < y.day; });

  const bool partial = in.meta.partial.has_value();
  // The instrument's file points at the order for this provision (or for all of it).
  auto pointed = [&](const std::string& order, const std::string& target) {
    return std::any_of(t.pointers.begin(), t.pointers.end(), [&](const PointerRef& p) {
      return p.file == &file && p.decl->order.text == order && (within(target, p.key) || within(p.key, target));
    });
  };
  std::map<std::pair<std::string, Day>, const Step*> changed;  // (target, day) → the operation
  for (const Step& s : steps) {
    const OperationRef& op = s.op;
    const SourceFile* at = s.source->file;
    ChangeRef change{s.source->decl, at, s.day, op.kind, op.target, op.instruction, op.block, s.unencoded, op.span, {}, {}};
    if (s.unencoded || op.kind == ast::OperationKind::Repeal) {
      if (op.kind == ast::OperationKind::Repeal && !s.unencoded && (!t.repealed || s.day < *t.repealed))
        t.repealed = s.day, t.repealed_by = s.act;
      t.changes.push_back(std::move(change));
      continue;
    }
    const std::string target_name = op.block ? key_name(op.target) : in.id.text;
    if (auto [it, fresh] = changed.emplace(std::make_pair(op.target, s.day), &s); !fresh) {
      diags.report(DiagId::amendment_conflict, at, op.span, {format_date(s.day), target_name});
      diags.note(DiagId::previous_definition, it->second->source->file, it->second->op.span);
      continue;
    }
    // What the operation touches: the wordings within its target in force on its day.
    auto targeted = [&](const auto& r, const std::string& key) { return within(key, op.target) && r.in_force_on(s.day); };
    auto key_of_requirement = [&](const RequirementRef& r) { return t.provisions[r.within].decl->key; };
    bool any = false;
    for (const auto& p : t.provisions) any = any || targeted(p, p.decl->key);
    if (op.kind == ast::OperationKind::Supplement) {
      if (any) diags.report(DiagId::amendment_exists, at, op.span, {in.id.text, target_name});
    } else {
      for (size_t i = 0; i < t.provisions.size(); ++i)
        if (targeted(t.provisions[i], t.provisions[i].decl->key)) {
          t.provisions[i].until = s.day;
          change.ended.push_back(static_cast<int>(i));
        }
      for (auto& r : t.requirements)
        if (targeted(r, key_of_requirement(r))) r.until = s.day;
      // A partial instrument lacks most of the base text: the order still records what it
      // replaces, and says so unless the instrument's file points at it there.
      if (!any && !partial) diags.report(DiagId::amendment_no_target, at, op.span, {in.id.text, target_name});
      if (!any && partial && !pointed(s.source->decl->id.text, op.target))
        diags.report(DiagId::amendment_not_in_corpus, at, op.span, {in.id.text, target_name, s.source->decl->id.text});
    }
    const size_t first_new = t.provisions.size();
    if (op.kind != ast::OperationKind::Delete) {
      if (op.block) flat.add(*op.block, at, s.day, s.act, -1);
      else
        for (const auto& b : op.section->blocks) flat.add(b, at, s.day, s.act, -1);
    }
    for (size_t i = first_new; i < t.provisions.size(); ++i) change.started.push_back(static_cast<int>(i));
    t.changes.push_back(std::move(change));
  }
  return t;
}

}  // namespace ssd
