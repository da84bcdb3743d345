#include "ssd/compiler.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <map>

#include "amend.h"
#include "blocks.h"
#include "check.h"
#include "index_builder.h"
#include "program_size.h"
#include "lower.h"
#include "parse.h"
#include "resolve.h"
#include "words.h"

namespace ssd {

namespace detail {
extern const char kPreludeSource[];
}

const char* prelude_source() { return detail::kPreludeSource; }

namespace {

std::vector<Example> examples_of(const Scope& scope) {
  std::vector<Example> out;
  for (const ExampleRef& ref : scope.timeline.examples) {
    const ast::ExampleDecl& x = *ref.decl;
    auto kazakh = scope.example_json.find(&x);
    Example e{x.name, ref.file->name(), x.span.line, kazakh != scope.example_json.end() ? kazakh->second : x.json, {}};
    for (const auto& want : x.expectations) {
      Example::Expectation exp;
      exp.line = want.status.span.line;
      if (want.citation) {
        exp.rule = want.citation->rule;
        if (want.requirement) exp.requirement = want.requirement->text;
        exp.status = finding_status_code(want.status.text).value_or("");
      } else {
        exp.status = record_status_code(want.status.text).value_or("");
      }
      e.expectations.push_back(std::move(exp));
    }
    out.push_back(std::move(e));
  }
  return out;
}

struct Parsed {
  std::shared_ptr<const SourceFile> file;
  ast::Module module;
};

// A requirement's `тексереді` links must point at a provision of an instrument compiled with it;
// an instrument outside the compilation (a checklist compiled alone) is not checked.
void check_links(const std::vector<std::unique_ptr<Scope>>& scopes, Diagnostics& diags) {
  std::map<std::string, const Scope*> by_id;
  for (const auto& s : scopes) by_id[s->instrument->id.text] = s.get();
  for (const auto& s : scopes) {
    for (const RequirementRef& r : s->timeline.requirements) {
      for (const ast::Inspects& link : r.decl->inspects) {
        auto it = by_id.find(link.instrument.text);
        if (it == by_id.end()) continue;  // not compiled here (or a duplicate, reported above)
        const auto& provisions = it->second->timeline.provisions;
        const bool found = std::any_of(provisions.begin(), provisions.end(), [&](const ProvisionRef& p) {
          const std::string& key = p.decl->key;
          return !key.empty() && (within(key, link.citation.rule) || within(link.citation.rule, key));
        });
        if (!found) diags.report(DiagId::unknown_link, r.file, link.citation.span, {link.instrument.text, "§ " + link.citation.rule});
      }
    }
  }
}

// The texts blocks take from other blocks of their file (`risk-criteria § 4 мәтінімен`): the one
// block of that instrument and key in the same file that has a text of its own.
SharedTexts shared_texts(const std::vector<Parsed>& parsed, Diagnostics& diags) {
  SharedTexts out;
  for (const Parsed& p : parsed) {
    std::map<std::pair<std::string, std::string>, std::vector<const ast::BlockDecl*>> own;  // (instrument, key)
    std::vector<std::pair<std::string, const ast::BlockDecl*>> wanted;
    auto visit = [&](auto& self, const std::string& instrument, const ast::BlockDecl& b) -> void {
      if (b.text) own[{instrument, b.key}].push_back(&b);
      if (b.text_from) wanted.emplace_back(instrument, &b);
      for (const auto& child : b.blocks) self(self, instrument, child);
    };
    for (const auto& in : p.module.instruments)
      for (const auto& b : in.blocks) visit(visit, in.id.text, b);
    for (const auto& a : p.module.amendments)
      for (const auto& section : a.sections)
        for (const auto& b : section.blocks) visit(visit, section.instrument.text, b);
    for (const auto& [instrument, b] : wanted) {
      const std::string id = b->text_from_instrument->text;
      const std::string key = b->text_from->rule;
      const auto it = own.find({id, key});
      const std::string name = id + (key.empty() ? "" : " § " + key);
      if (it == own.end()) diags.report(DiagId::unknown_text, p.file.get(), b->text_span, {name});
      else if (it->second.size() > 1) diags.report(DiagId::ambiguous_text, p.file.get(), b->text_span, {name});
      else out[b] = &*it->second.front()->text;
    }
  }
  return out;
}

// The numbered blocks from the top of `blocks` down to `target`, as the order writes them.
bool path_to(const std::vector<ast::BlockDecl>& blocks, const ast::BlockDecl* target,
             std::vector<const ast::BlockDecl*>& path) {
  for (const ast::BlockDecl& b : blocks) {
    if (!b.number.empty()) path.push_back(&b);
    if (&b == target || path_to(b.blocks, target, path)) return true;
    if (!b.number.empty()) path.pop_back();
  }
  return false;
}

// The pointer to `order` for the provision an operation changes, in the instrument's file: in the
// deepest block of the file that holds it (`тармақ 20 { … }` gets `тармақша 7 { 1-2024
// өзгерісінде }`), or else before the instrument's closing brace.
FixIt pointer_fix(const Scope& s, const OperationRef& op, const std::string& order) {
  const std::string& key = op.target;
  std::vector<const ast::BlockDecl*> chain;
  if (op.block) path_to(op.section->blocks, op.block, chain);
  const ast::BlockDecl* holder = nullptr;
  size_t depth = 0;
  for (const std::vector<ast::BlockDecl>* level = &s.instrument->blocks; level && !key.empty();) {
    const std::vector<ast::BlockDecl>* next = nullptr;
    for (const ast::BlockDecl& b : *level)
      if (!b.number.empty() && b.open && b.is_provision() && within(key, b.key)) {
        holder = &b;
        next = &b.blocks;
        ++depth;
        break;
      }
    level = next;
  }
  std::string pointer = order + " өзгерісінде";
  for (size_t i = chain.size(); i-- > depth;)
    pointer = keyword(chain[i]->kind) + (" " + chain[i]->number) + " { " + pointer + " }";
  if (!holder) {
    const Span end = s.instrument->end;
    return {s.file, {end.line, end.column, end.line, end.column}, "  " + pointer + "\n"};
  }
  const Span open = *holder->open;
  const bool one_line = holder->close->line == open.line;
  const std::string text = one_line ? " " + pointer : "\n" + std::string(holder->span.column + 2, ' ') + pointer;
  return {s.file, {open.line, open.column + 1, open.line, open.column + 1}, text};
}

// An instrument's file points at the orders that word its provisions (`391-2024 өзгерісінде`),
// and every new wording or supplement of an order compiled with it is pointed at. Orders outside
// the compilation are not checked, nor is a draft order pointed at: the instruments' files do not
// know of it yet.
void check_pointers(const std::vector<std::unique_ptr<Scope>>& scopes, const std::vector<AmendmentSource>& amendments,
                    const std::string& draft_order, Diagnostics& diags) {
  if (amendments.empty()) return;
  std::map<std::string, const AmendmentSource*> orders;
  for (const AmendmentSource& a : amendments) orders[a.decl->id.text] = &a;
  for (const auto& s : scopes) {
    const std::string& id = s->instrument->id.text;
    const auto& pointers = s->timeline.pointers;
    auto related = [](const std::string& a, const std::string& b) { return within(a, b) || within(b, a); };
    for (const PointerRef& p : pointers) {
      const std::string name = p.key.empty() ? id : key_name(p.key);
      auto it = orders.find(p.decl->order.text);
      if (it == orders.end()) {
        diags.report(DiagId::unknown_order, p.file, p.decl->order.span, {p.decl->order.text});
        continue;
      }
      bool changed = false;
      for (const auto& section : it->second->decl->sections)
        if (section.instrument.text == id)
          for (const OperationRef& op : operations_of(section, *it->second->file, nullptr))
            changed = changed || (op.kind != ast::OperationKind::Repeal && related(op.target, p.key));
      if (!changed) diags.report(DiagId::pointer_without_operation, p.file, p.decl->order.span, {p.decl->order.text, id, name});
    }
    for (const AmendmentSource& a : amendments)
      for (const auto& section : a.decl->sections) {
        if (a.decl->id.text == draft_order) continue;
        if (section.instrument.text != id) continue;
        for (const OperationRef& op : operations_of(section, *a.file, nullptr)) {
          if (op.kind != ast::OperationKind::NewWording && op.kind != ast::OperationKind::Supplement) continue;
          const bool pointed = std::any_of(pointers.begin(), pointers.end(), [&](const PointerRef& p) {
            return p.decl->order.text == a.decl->id.text && related(op.target, p.key);
          });
          if (pointed) continue;
          const std::string name = op.target.empty() ? bilingual(Word::its_text) : key_name(op.target) + " ";
          diags.report(DiagId::operation_without_pointer, a.file, op.span, {id, name, a.decl->id.text});
          diags.fix(pointer_fix(*s, op, a.decl->id.text));
        }
      }
  }
}

// An act's first day is the earliest possible: it counts from a publication whose date the corpus
// does not give.
bool starts_uncertain(const ast::Metadata& meta) {
  return (meta.in_force_days_after_publication && !meta.published) || uncertain_start(meta).has_value();
}

// "1.6" → {1, 6}; an unnumbered instruction sorts after the numbered ones.
std::pair<int, int> instruction_place(const std::string& number) {
  if (number.empty()) return {INT_MAX, INT_MAX};
  const size_t dot = number.find('.');
  return {std::atoi(number.c_str()), dot == std::string::npos ? 0 : std::atoi(number.c_str() + dot + 1)};
}

OrderChange::Kind change_kind(const ChangeRef& c) {
  if (c.unencoded && !c.unencoded->operation) return OrderChange::RussianTextOnly;
  switch (c.kind) {
    case ast::OperationKind::NewWording: return OrderChange::NewWording;
    case ast::OperationKind::Supplement: return OrderChange::Supplement;
    case ast::OperationKind::Delete: return OrderChange::Deletion;
    case ast::OperationKind::Repeal: return OrderChange::Repeal;
  }
  return OrderChange::NewWording;
}

// Every order with the changes it makes to the instruments compiled, in the order of its
// instructions (the order's own numbering; where a file does not number them, as written).
std::vector<CompiledOrder> compiled_orders(const std::vector<std::unique_ptr<Scope>>& scopes,
                                           const std::vector<AmendmentSource>& amendments, const CompileOptions& options) {
  std::vector<CompiledOrder> out;
  std::map<const ast::AmendmentDecl*, size_t> index;
  for (const AmendmentSource& a : amendments) {
    CompiledOrder o;
    o.id = a.decl->id.text;
    o.title = a.decl->title;
    o.name = a.decl->meta.short_name ? a.decl->meta.short_name->text : a.decl->title;
    o.file = a.file->name();
    o.draft = !options.draft_order.empty() && o.id == options.draft_order;
    // The date an order in force "N days after publication" counts from is its registration's.
    if (a.decl->meta.in_force && a.decl->meta.in_force_days_after_publication) o.registered = a.decl->meta.in_force->date;
    if (a.decl->meta.justification) o.justification = a.decl->meta.justification->text;
    o.applies_from = a.day;
    o.applies_from_earliest = !o.draft && starts_uncertain(a.decl->meta);
    index[a.decl] = out.size();
    out.push_back(std::move(o));
  }
  for (const auto& scope : scopes)
    for (const ChangeRef& c : scope->timeline.changes) {
      OrderChange change;
      change.kind = change_kind(c);
      if (c.instruction) change.instruction = c.instruction->number, change.justification = c.instruction->justification;
      change.instrument = scope->instrument->id.text;
      change.target = rule_of_key(c.target);
      if (!c.target.empty())
        if (auto citation = citation_of_key(c.target)) change.wording = citation->wording;
      if (c.unencoded) {
        change.unit = c.unencoded->unit;
        change.text = c.unencoded->text.value_or("");
        if (c.unencoded->reason) change.reason = c.unencoded->reason->text;
      }
      change.ended = c.ended;
      change.started = c.started;
      change.file = c.file->name();
      change.line = c.span.line;
      out[index.at(c.order)].changes.push_back(std::move(change));
    }
  // One instruction may make several changes and give its justification in one of them; a change
  // whose instruction gives none takes the order's.
  for (CompiledOrder& o : out) {
    std::map<std::string, std::string> given;
    for (const OrderChange& c : o.changes)
      if (!c.instruction.empty() && !c.justification.empty()) given.emplace(c.instruction, c.justification);
    for (OrderChange& c : o.changes)
      if (c.justification.empty())
        c.justification = given.count(c.instruction) ? given[c.instruction] : o.justification;
  }
  for (CompiledOrder& o : out)
    std::stable_sort(o.changes.begin(), o.changes.end(), [](const OrderChange& x, const OrderChange& y) {
      return std::make_pair(instruction_place(x.instruction), x.line) < std::make_pair(instruction_place(y.instruction), y.line);
    });
  return out;
}

}  // namespace

CompileResult compile_sources(const std::vector<std::shared_ptr<const SourceFile>>& files, const CompileOptions& options) {
  CompileResult result;
  auto prelude_file = std::make_shared<const SourceFile>("stdlib/record.ssd", prelude_source());
  result.files = {prelude_file};
  Diagnostics& diags = result.diagnostics;
  const ast::Module prelude = parse_module(*prelude_file, diags);
  std::vector<Parsed> parsed;
  for (const auto& file : files) {
    result.files.push_back(file);
    parsed.push_back({file, parse_module(*file, diags)});
  }
  if (diags.has_errors()) return result;

  // Every instrument once; amending orders by what they amend.
  std::map<std::string, std::pair<const ast::InstrumentDecl*, const SourceFile*>> instruments;
  std::vector<AmendmentSource> amendments;
  for (const Parsed& p : parsed) {
    const SourceFile* file = p.file.get();
    if (p.module.instruments.empty() && p.module.amendments.empty())
      diags.report(DiagId::no_instrument, file, {1, 0, 1});
    // Enumerations and fields at the top level belong to the prelude only.
    for (const auto& e : p.module.enums) diags.report(DiagId::declaration_outside, file, e.name.span, {e.name.text});
    for (const auto& f : p.module.fields) diags.report(DiagId::declaration_outside, file, f.path.span, {f.path.text});
    for (const auto& in : p.module.instruments) {
      auto [it, fresh] = instruments.emplace(in.id.text, std::make_pair(&in, file));
      if (!fresh) {
        diags.report(DiagId::duplicate_instrument, file, in.id.span, {in.id.text});
        diags.note(DiagId::previous_definition, it->second.second, it->second.first->id.span);
      }
    }
    for (const auto& a : p.module.amendments) {
      const bool draft = !options.draft_order.empty() && a.id.text == options.draft_order;
      amendments.push_back({&a, file, draft ? std::optional<Day>(options.draft_day) : first_day_in_force(a.meta)});
    }
  }
  std::map<std::string, const AmendmentSource*> order_ids;
  for (const AmendmentSource& a : amendments) {
    if (!a.day) diags.report(DiagId::amendment_no_date, a.file, a.decl->span, {a.decl->title});
    check_publication_unit(a.decl->meta, *a.file, diags);
    if (auto [it, fresh] = order_ids.emplace(a.decl->id.text, &a); !fresh) {
      diags.report(DiagId::duplicate_instrument, a.file, a.decl->id.span, {a.decl->id.text});
      diags.note(DiagId::previous_definition, it->second->file, it->second->decl->id.span);
    }
    for (const auto& section : a.decl->sections)
      if (!instruments.count(section.instrument.text))
        diags.report(DiagId::unknown_instrument, a.file, section.instrument.span, {section.instrument.text});
  }
  const SharedTexts shared = shared_texts(parsed, diags);

  // Scopes stay where they are made: expressions point into their symbols.
  std::vector<std::unique_ptr<Scope>> scopes;
  for (const Parsed& p : parsed) {
    for (const auto& in : p.module.instruments) {
      if (instruments.at(in.id.text).first != &in) continue;  // a duplicate, reported above
      Timeline timeline = apply_amendments(in, *p.file, amendments, shared, diags);
      // A checker without a requirement calls every record compliant: never what was meant. A
      // file still being encoded says how much is left; the runtime refuses its records.
      const auto to_do = std::count_if(timeline.provisions.begin(), timeline.provisions.end(),
                                       [](const ProvisionRef& v) { return v.decl->to_do.has_value(); });
      if (to_do > 0) diags.report(DiagId::provisions_to_encode, p.file.get(), in.id.span, {in.id.text, std::to_string(to_do)});
      else if (timeline.requirements.empty()) diags.report(DiagId::empty_instrument, p.file.get(), in.id.span, {in.id.text});
      scopes.push_back(std::make_unique<Scope>(resolve(prelude, in, *p.file, std::move(timeline), diags)));
      if (check_program_size(*scopes.back(), diags)) check(*scopes.back(), diags);
    }
  }
  check_links(scopes, diags);
  check_pointers(scopes, amendments, options.draft_order, diags);
  if (options.index) {
    std::vector<std::pair<const SourceFile*, const ast::Module*>> modules;
    for (const Parsed& p : parsed) modules.emplace_back(p.file.get(), &p.module);
    result.index = std::make_shared<const SourceIndex>(make_index(*prelude_file, prelude, modules, scopes));
  }
  if (diags.has_errors()) return result;
  for (const auto& scope : scopes) result.instruments.push_back({lower(*scope), examples_of(*scope)});
  result.orders = compiled_orders(scopes, amendments, options);
  return result;
}

Declarations declarations(const std::vector<std::shared_ptr<const SourceFile>>& files) {
  Declarations out;
  for (const auto& file : files) {
    Diagnostics ignored;  // a file that does not parse declares nothing here; compiling it says why
    const ast::Module module = parse_module(*file, ignored);
    for (const ast::InstrumentDecl& in : module.instruments) out.instruments.push_back(in.id.text);
    for (const ast::AmendmentDecl& a : module.amendments) {
      AmendingOrder order{a.id.text, a.meta.short_name ? a.meta.short_name->text : a.title, file->name(), {},
                          first_day_in_force(a.meta),
                          starts_uncertain(a.meta), a.title};
      for (const auto& section : a.sections)
        if (std::find(order.instruments.begin(), order.instruments.end(), section.instrument.text) == order.instruments.end())
          order.instruments.push_back(section.instrument.text);
      out.orders.push_back(std::move(order));
    }
  }
  return out;
}

CompileResult compile(std::shared_ptr<const SourceFile> file) { return compile_sources({std::move(file)}); }

CompileResult compile_file(const std::string& path) {
  std::string error;
  std::optional<SourceFile> file = read_source_file(path, &error);
  if (!file) {
    CompileResult result;
    result.diagnostics.report(DiagId::io_error, nullptr, {}, {path, error});
    return result;
  }
  return compile(std::make_shared<const SourceFile>(std::move(*file)));
}

CompileResult compile_folder(const std::string& dir) {
  CompileResult result;
  const SourceFiles listed = source_files(dir);
  for (const auto& [path, reason] : listed.unreadable) result.diagnostics.report(DiagId::io_error, nullptr, {}, {path, reason});
  std::vector<std::shared_ptr<const SourceFile>> sources;
  for (const std::string& path : listed.files) {
    std::string error;
    std::optional<SourceFile> file = read_source_file(path, &error);
    if (file) sources.push_back(std::make_shared<const SourceFile>(std::move(*file)));
    else result.diagnostics.report(DiagId::io_error, nullptr, {}, {path, error});
  }
  // A folder read in part would give answers without the rest: nothing is compiled.
  if (result.diagnostics.has_errors()) return result;
  return compile_sources(sources);
}

}  // namespace ssd
