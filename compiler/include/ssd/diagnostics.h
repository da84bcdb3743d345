// Diagnostics: each is a row of diagnostics.def (Kazakh and English text), emitted by id with a
// source location, and rendered as file:line:col, the line, and a caret under the place.
#pragma once

#include <string>
#include <vector>

#include "ssd/source.h"

namespace ssd {

enum class DiagId {
#define DIAG(id, severity, kk, en) id,
#include "ssd/diagnostics.def"
#undef DIAG
};

enum class DiagSeverity { Error, Warning, Note };
enum class Lang { Kk, En };

struct Diagnostic {
  DiagId id;
  DiagSeverity severity;
  const SourceFile* file;  // null for a diagnostic with no place
  Span span;
  std::vector<std::string> args;
};

class Diagnostics {
 public:
  void report(DiagId id, const SourceFile* file, Span span, std::vector<std::string> args = {});
  // A note attached to the previous diagnostic.
  void note(DiagId id, const SourceFile* file, Span span, std::vector<std::string> args = {});

  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  const std::vector<Diagnostic>& all() const { return list_; }

  // All diagnostics, in the order reported, as the user sees them.
  std::string render(Lang lang) const;

 private:
  std::vector<Diagnostic> list_;
  int errors_ = 0;
};

// An argument that reads differently in each language: the renderer takes the right half.
inline std::string bilingual(const std::string& kk, const std::string& en) { return kk + '\x1f' + en; }

// The message of one diagnostic, without place or caret.
std::string message(const Diagnostic& diagnostic, Lang lang);
// The diagnostic's name as written in diagnostics.def, e.g. "unknown_name".
const char* diag_name(DiagId id);

}  // namespace ssd
