#include "ssd/compiler.h"

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

std::vector<Example> examples_of(const ast::InstrumentDecl& in) {
  std::vector<Example> out;
  for (const auto& x : in.examples) {
    Example e{x.name, x.span.line, x.json, {}};
    for (const auto& want : x.expectations) {
      Example::Expectation exp;
      exp.line = want.status.span.line;
      if (want.citation) {
        exp.rule = want.citation->rule;
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

}  // namespace

CompileResult compile(std::shared_ptr<const SourceFile> file) {
  CompileResult result;
  auto prelude_file = std::make_shared<const SourceFile>("stdlib/record.ssd", prelude_source());
  result.files = {prelude_file, file};
  const ast::Module prelude = parse_module(*prelude_file, result.diagnostics);
  const ast::Module module = parse_module(*file, result.diagnostics);
  if (result.diagnostics.has_errors()) return result;
  if (module.instruments.empty())
    result.diagnostics.report(DiagId::no_instrument, file.get(), {1, 0, 1});
  // Enumerations and fields at the top level belong to the prelude only.
  for (const auto& e : module.enums)
    result.diagnostics.report(DiagId::declaration_outside, file.get(), e.name.span, {e.name.text});
  for (const auto& f : module.fields)
    result.diagnostics.report(DiagId::declaration_outside, file.get(), f.path.span, {f.path.text});
  for (size_t i = 0; i < module.instruments.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (module.instruments[i].id.text == module.instruments[j].id.text)
        result.diagnostics.report(DiagId::duplicate_instrument, file.get(), module.instruments[i].id.span,
                                  {module.instruments[i].id.text});
  std::vector<Scope> scopes;
  for (const auto& in : module.instruments) {
    Scope scope = resolve(prelude, in, *file, result.diagnostics);
    check(scope, result.diagnostics);
    scopes.push_back(std::move(scope));
  }
  if (result.diagnostics.has_errors()) return result;
  for (size_t i = 0; i < scopes.size(); ++i)
    result.instruments.push_back({lower(scopes[i]), examples_of(module.instruments[i])});
  return result;
}

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

}  // namespace ssd
