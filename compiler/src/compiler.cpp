#include "ssd/compiler.h"

#include <algorithm>
#include <map>

#include "amend.h"
#include "check.h"
#include "lower.h"
#include "parse.h"
#include "resolve.h"

namespace ssd {

namespace detail {
extern const char kPreludeSource[];
}

const char* prelude_source() { return detail::kPreludeSource; }

namespace {

std::vector<Example> examples_of(const Timeline& timeline) {
  std::vector<Example> out;
  for (const ExampleRef& ref : timeline.examples) {
    const ast::ExampleDecl& x = *ref.decl;
    Example e{x.name, ref.file->name(), x.span.line, x.json, {}};
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
        const Timeline& t = it->second->timeline;
        auto cites = [&](const auto& refs) {
          return std::any_of(refs.begin(), refs.end(), [&](const auto& x) {
            return x.decl->citation && (within(x.decl->citation->rule, link.citation.rule) ||
                                        within(link.citation.rule, x.decl->citation->rule));
          });
        };
        if (!cites(t.requirements) && !cites(t.provisions))
          diags.report(DiagId::unknown_link, r.file, link.citation.span, {link.instrument.text, "§ " + link.citation.rule});
      }
    }
  }
}

}  // namespace

CompileResult compile_sources(const std::vector<std::shared_ptr<const SourceFile>>& files) {
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
    for (const auto& a : p.module.amendments) amendments.push_back({&a, file});
  }
  for (const AmendmentSource& a : amendments) {
    if (!first_day_in_force(a.decl->meta)) diags.report(DiagId::amendment_no_date, a.file, a.decl->span, {a.decl->title});
    check_publication_unit(a.decl->meta, *a.file, diags);
    for (const auto& op : a.decl->operations)
      if (!instruments.count(op.instrument.text))
        diags.report(DiagId::unknown_instrument, a.file, op.instrument.span, {op.instrument.text});
  }

  // Scopes stay where they are made: expressions point into their symbols.
  std::vector<std::unique_ptr<Scope>> scopes;
  for (const Parsed& p : parsed) {
    for (const auto& in : p.module.instruments) {
      if (instruments.at(in.id.text).first != &in) continue;  // a duplicate, reported above
      Timeline timeline = apply_amendments(in, *p.file, amendments, diags);
      // A checker without a requirement calls every record compliant: never what was meant.
      if (timeline.requirements.empty()) diags.report(DiagId::empty_instrument, p.file.get(), in.id.span, {in.id.text});
      scopes.push_back(std::make_unique<Scope>(resolve(prelude, in, *p.file, std::move(timeline), diags)));
      check(*scopes.back(), diags);
    }
  }
  check_links(scopes, diags);
  if (diags.has_errors()) return result;
  for (const auto& scope : scopes) result.instruments.push_back({lower(*scope), examples_of(scope->timeline)});
  return result;
}

Declarations declarations(const std::vector<std::shared_ptr<const SourceFile>>& files) {
  Declarations out;
  for (const auto& file : files) {
    Diagnostics ignored;  // a file that does not parse declares nothing here; compiling it says why
    const ast::Module module = parse_module(*file, ignored);
    for (const ast::InstrumentDecl& in : module.instruments) out.instruments.push_back(in.id.text);
    for (const ast::AmendmentDecl& a : module.amendments) {
      AmendingOrder order{a.meta.short_name ? a.meta.short_name->text : a.title, file->name(), {}};
      for (const auto& op : a.operations)
        if (std::find(order.instruments.begin(), order.instruments.end(), op.instrument.text) == order.instruments.end())
          order.instruments.push_back(op.instrument.text);
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
