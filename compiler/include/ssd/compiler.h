// The compiler's entry point: .ssd source → checked, lowered Programs, or diagnostics.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ssd/diagnostics.h"
#include "ssd/index.h"
#include "ssd/internal/program.h"
#include "ssd/source.h"

namespace ssd {

// An example (`мысал`) written beside the rules: a record and the results it must give.
struct Example {
  std::string name;
  std::string file;  // where it is written: an instrument's file, or an amending order's
  int line = 0;
  std::string record_json;
  struct Expectation {
    std::string rule;         // empty: the record's status
    std::string requirement;  // non-empty: only this requirement of the rule
    std::string status;  // the contract's word: "pass", "fail", ..., "compliant", ...
    int line = 0;
  };
  std::vector<Expectation> expectations;
};

struct CompiledInstrument {
  Program program;
  std::vector<Example> examples;
};

// One change an amending order makes to an instrument, as compiled with it.
struct OrderChange {
  // RussianTextOnly: an instruction that changes only the Russian text («қазақ тіліндегі мәтін
  // өзгермейді»).
  enum Kind { NewWording, Supplement, Deletion, Repeal, RussianTextOnly };
  Kind kind = NewWording;
  std::string instruction;  // "1.6": the order's paragraph, the instruction's place in it; "" unnumbered
  std::string instrument;   // id
  std::string target;       // contract §2 form; "" the whole instrument (or a part no block encodes)
  std::string wording;      // the target in the law's words: "16-тармақтың екінші абзацы"; "" the whole
  // An instruction that changes no provision encoded: the part it changes in the order's words,
  // the text it gives (where the corpus has it), and why it is no block.
  std::string unit, text, reason;
  // Why the order makes it (негіздемесі), where the order's file says: the instruction's own, or
  // else the whole order's. Empty for an order whose text gives none.
  std::string justification;
  // The provisions (CompiledInstrument::program.provisions) whose wording it ends, and those it
  // puts in force: its previous and its new wording.
  std::vector<std::int32_t> ended, started;
  std::string file;
  int line = 0;
};

// An amending order and its changes, in the order of its instructions.
struct CompiledOrder {
  std::string id, title, name;  // name: its қысқаша, or its title
  std::string file;
  std::optional<Day> registered;     // the date its entry into force counts from
  std::optional<Day> applies_from;   // its first day; a draft: the day it was compiled for
  bool applies_from_earliest = false;  // the earliest possible: the publication date is not known
  bool draft = false;
  std::string justification;  // the whole order's негіздемесі, where its file gives one
  std::vector<OrderChange> changes;
};

struct CompileResult {
  std::vector<std::shared_ptr<const SourceFile>> files;  // what the diagnostics point into
  Diagnostics diagnostics;
  std::vector<CompiledInstrument> instruments;  // empty when there are errors
  std::vector<CompiledOrder> orders;            // likewise
  // With CompileOptions::index, when every file parses: the names, also of a compilation with
  // errors of names or types.
  std::shared_ptr<const SourceIndex> index;
  bool ok() const { return !diagnostics.has_errors(); }
};

// How files are compiled. A draft amending order (`ssd diff --order FILE --as-of DATE`) is
// compiled as if it applied from `draft_day`, whatever its own date, or when it has none.
struct CompileOptions {
  std::string draft_order{};  // the order's id
  Day draft_day = 0;
  bool index = false;  // also make the index of names (for editors)
};

// Compiles files together against the prelude of record fields (stdlib/record.ssd): the
// instruments they declare, with the amending orders among them applied.
CompileResult compile_sources(const std::vector<std::shared_ptr<const SourceFile>>& files,
                              const CompileOptions& options = {});
CompileResult compile(std::shared_ptr<const SourceFile> file);

// An amending order (`өзгеріс`) and the instruments it amends.
struct AmendingOrder {
  std::string id;
  std::string name;  // its қысқаша, or its title
  std::string file;
  std::vector<std::string> instruments;  // ids, in the order of its operations
  std::optional<Day> applies_from;       // its first day, where its file gives one
  bool applies_from_earliest = false;    // the earliest possible: the publication date is not known
  std::string title;
};
// What files declare, read without compiling them; files that do not parse are passed over.
struct Declarations {
  std::vector<std::string> instruments;  // ids
  std::vector<AmendingOrder> orders;
};
Declarations declarations(const std::vector<std::shared_ptr<const SourceFile>>& files);
CompileResult compile_file(const std::string& path);

// The .ssd files below a folder (sub-folders too), in path order. A link to a file is followed,
// a link to a folder is not, so no loop of links can trap the walk. What cannot be listed or
// followed is in `unreadable`, as its path and why ("cannot list: Permission denied", "cannot
// follow: Too many levels of symbolic links"); the walk goes on past it.
struct SourceFiles {
  std::vector<std::string> files;
  std::vector<std::pair<std::string, std::string>> unreadable;
};
SourceFiles source_files(const std::string& dir);
// Every .ssd file below a folder as one compilation (a standards folder); each entry or file that
// cannot be read is an io_error diagnostic, and then nothing is compiled.
CompileResult compile_folder(const std::string& dir);

// The prelude's source text, as compiled into the library.
const char* prelude_source();

}  // namespace ssd
