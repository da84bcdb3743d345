#include "ssd/diagnostics.h"

#include <fmt/args.h>
#include <fmt/format.h>

namespace ssd {

namespace {

struct Row {
  const char* name;
  DiagSeverity severity;
  const char* kk;
  const char* en;
};

constexpr Row kRows[] = {
#define DIAG(id, severity, kk, en) {#id, DiagSeverity::severity, kk, en},
#include "ssd/diagnostics.def"
#undef DIAG
};

const char* severity_word(DiagSeverity s, Lang lang) {
  switch (s) {
    case DiagSeverity::Error: return lang == Lang::Kk ? "қате" : "error";
    case DiagSeverity::Warning: return lang == Lang::Kk ? "ескерту" : "warning";
    case DiagSeverity::Note: return lang == Lang::Kk ? "ескертпе" : "note";
  }
  return "";
}

// The caret line: the source line's own tabs are kept so the caret lands under the place.
std::string caret_line(std::string_view line, const Span& span) {
  std::string out;
  int column = 0;
  for (size_t i = 0; i < line.size() && column < span.column; ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: same code point
    out.push_back(c == '\t' ? '\t' : ' ');
    ++column;
  }
  out.push_back('^');
  for (int i = 1; i < span.length; ++i) out.push_back('~');
  return out;
}

}  // namespace

const char* diag_name(DiagId id) { return kRows[static_cast<int>(id)].name; }

std::string message(const Diagnostic& d, Lang lang) {
  const Row& row = kRows[static_cast<int>(d.id)];
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const std::string& a : d.args) {
    const size_t split = a.find('\x1f');
    if (split == std::string::npos) store.push_back(a);
    else store.push_back(lang == Lang::Kk ? a.substr(0, split) : a.substr(split + 1));
  }
  return fmt::vformat(lang == Lang::Kk ? row.kk : row.en, store);
}

void Diagnostics::report(DiagId id, const SourceFile* file, Span span, std::vector<std::string> args) {
  const DiagSeverity severity = kRows[static_cast<int>(id)].severity;
  if (severity == DiagSeverity::Error) ++errors_;
  list_.push_back({id, severity, file, span, std::move(args)});
}

void Diagnostics::note(DiagId id, const SourceFile* file, Span span, std::vector<std::string> args) {
  list_.push_back({id, DiagSeverity::Note, file, span, std::move(args)});
}

std::string Diagnostics::render(Lang lang) const {
  std::string out;
  for (const Diagnostic& d : list_) {
    if (d.file) {
      out += fmt::format("{}:{}:{}: ", d.file->name(), d.span.line, d.span.column + 1);
    }
    out += fmt::format("{}: {} [{}]\n", severity_word(d.severity, lang), message(d, lang),
                       diag_name(d.id));
    if (d.file && d.span.line > 0) {
      const std::string_view line = d.file->line(d.span.line);
      out += fmt::format("{:>5} | {}\n", d.span.line, line);
      out += fmt::format("      | {}\n", caret_line(line, d.span));
    }
  }
  if (errors_ > 0) {
    out += lang == Lang::Kk ? fmt::format("{} қате табылды.\n", errors_)
                            : fmt::format("{} error{} found.\n", errors_, errors_ == 1 ? "" : "s");
  }
  return out;
}

}  // namespace ssd
