// The compiler's entry point: .ssd source → checked, lowered Programs, or diagnostics.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ssd/diagnostics.h"
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

struct CompileResult {
  std::vector<std::shared_ptr<const SourceFile>> files;  // what the diagnostics point into
  Diagnostics diagnostics;
  std::vector<CompiledInstrument> instruments;  // empty when there are errors
  bool ok() const { return !diagnostics.has_errors(); }
};

// Compiles files together against the prelude of record fields (stdlib/record.ssd): the
// instruments they declare, with the amending orders among them applied.
CompileResult compile_sources(const std::vector<std::shared_ptr<const SourceFile>>& files);
CompileResult compile(std::shared_ptr<const SourceFile> file);

// An amending order (`өзгеріс`) and the instruments it amends.
struct AmendingOrder {
  std::string name;  // its қысқаша, or its title
  std::string file;
  std::vector<std::string> instruments;  // ids, in the order of its operations
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
