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

// A replacement that mends what a diagnostic reports (an old spelling, with its new form): an
// editor applies it as a code action; `ssd compile --fix` writes it into the file.
struct FixIt {
  const SourceFile* file;
  Range range;  // what is replaced; an empty range inserts
  std::string replacement;
};

struct Diagnostic {
  DiagId id;
  DiagSeverity severity;
  const SourceFile* file;  // null for a diagnostic with no place
  Span span;
  std::vector<std::string> args;
  std::vector<FixIt> fixits;
};

class Diagnostics {
 public:
  void report(DiagId id, const SourceFile* file, Span span, std::vector<std::string> args = {});
  // A note attached to the previous diagnostic.
  void note(DiagId id, const SourceFile* file, Span span, std::vector<std::string> args = {});

  // A replacement for the previous diagnostic; several make one fix together.
  void fix(FixIt fixit);

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

// The texts of the files with the fix-its of the warnings applied (errors' fix-its are left to
// the reader: they move whole blocks). Fix-its that overlap one already taken wait for the next
// round; `applied` counts those taken.
std::vector<std::pair<const SourceFile*, std::string>> apply_fixits(const Diagnostics& diagnostics, int* applied);

}  // namespace ssd
