#include "ssd/diagnostics.h"

#include <algorithm>

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

// A fix-it as Clang shows one: a one-line replacement on the diagnostic's line under the caret,
// anything else as the range and the new text, line by line.
std::string render_fixit(const FixIt& f, Lang lang) {
  const Range& r = f.range;
  const bool one_line = r.line == r.end_line && f.replacement.find('\n') == std::string::npos;
  std::string out = fmt::format("      = {} {}:{}", lang == Lang::Kk ? "түзету" : "fix-it", r.line, r.column + 1);
  if (r.end_line != r.line || r.end_column != r.column) out += fmt::format("-{}:{}", r.end_line, r.end_column + 1);
  if (r.end_line == r.line && r.end_column == r.column) out += lang == Lang::Kk ? " кірістіру" : " insert";
  if (one_line) return out + fmt::format(": «{}»\n", f.replacement);
  out += ":\n";
  for (size_t start = 0;;) {
    const size_t nl = f.replacement.find('\n', start);
    out += "      + " + f.replacement.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

}  // namespace

std::vector<std::pair<const SourceFile*, std::string>> apply_fixits(const Diagnostics& diagnostics, int* applied) {
  struct Edit {
    size_t begin, end;
    const std::string* text;
  };
  std::vector<const SourceFile*> files;
  std::vector<std::vector<Edit>> edits;
  int taken = 0;
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.severity != DiagSeverity::Warning || d.fixits.empty()) continue;
    // One diagnostic's edits go in together or not at all.
    std::vector<std::pair<size_t, Edit>> mine;
    bool clash = false;
    for (const FixIt& f : d.fixits) {
      auto it = std::find(files.begin(), files.end(), f.file);
      const size_t i = static_cast<size_t>(it - files.begin());
      if (it == files.end()) files.push_back(f.file), edits.emplace_back();
      const Edit e{f.file->offset_of(f.range.line, f.range.column), f.file->offset_of(f.range.end_line, f.range.end_column),
                   &f.replacement};
      for (const Edit& o : edits[i]) clash = clash || (e.begin < o.end && o.begin < e.end) || (e.begin == o.begin && e.end == o.end);
      mine.push_back({i, e});
    }
    if (clash) continue;
    for (auto& [i, e] : mine) edits[i].push_back(e);
    ++taken;
  }
  std::vector<std::pair<const SourceFile*, std::string>> out;
  for (size_t i = 0; i < files.size(); ++i) {
    std::sort(edits[i].begin(), edits[i].end(), [](const Edit& a, const Edit& b) {
      return a.begin != b.begin ? a.begin > b.begin : a.end > b.end;  // a replacement before an insertion at its start
    });
    std::string text = files[i]->text();
    for (const Edit& e : edits[i]) text.replace(e.begin, e.end - e.begin, *e.text);
    out.emplace_back(files[i], std::move(text));
  }
  if (applied) *applied = taken;
  return out;
}

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
  list_.push_back({id, severity, file, span, std::move(args), {}});
}

void Diagnostics::fix(FixIt fixit) {
  if (!list_.empty()) list_.back().fixits.push_back(std::move(fixit));
}

void Diagnostics::note(DiagId id, const SourceFile* file, Span span, std::vector<std::string> args) {
  list_.push_back({id, DiagSeverity::Note, file, span, std::move(args), {}});
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
    for (const FixIt& f : d.fixits) out += render_fixit(f, lang);
  }
  if (errors_ > 0) {
    out += lang == Lang::Kk ? fmt::format("{} қате табылды.\n", errors_)
                            : fmt::format("{} error{} found.\n", errors_, errors_ == 1 ? "" : "s");
  }
  return out;
}

}  // namespace ssd
