// The options several commands share, registered in one place, and the one way a command loads
// its standards folder from them.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "library.h"
#include "ssd/diagnostics.h"
#include "ssd/runtime.h"

namespace ssd::cli {

struct CommonOptions {
  std::string standards{};  // --standards; empty: the default folder (standards_dir)
  std::string lang = "kk";  // --lang
  bool no_cache = false;    // --no-cache
  bool cache_offered = false;  // the command takes --no-cache: it may read the compile cache
  unsigned threads = 0;     // -j, --threads; 0: the machine's cores
  bool quiet = false;       // -q, --quiet

  Lang language() const { return lang == "en" ? Lang::En : Lang::Kk; }
  // The standards folder: --standards, else the default (library.h).
  std::string standards_folder() const { return standards_dir(standards); }
  // The threads to check records on.
  unsigned thread_count() const;
};

// Which of the common options a command takes. The help of --standards, --lang and --quiet says
// what they mean to the command; nullptr: the command does not take the option.
struct CommonOptionSet {
  const char* standards = nullptr;
  const char* lang = nullptr;
  bool no_cache = false;
  bool threads = false;
  const char* quiet = nullptr;
};

inline constexpr const char* kStandardsFolderHelp = "folder of .ssd standards";
inline constexpr const char* kLangHelp = "language of diagnostics: kk or en";
inline constexpr const char* kQuietHelp = "no progress on standard error";

// Registers the options of `set` on `command`, stored in `options`.
void add_common_options(CLI::App& command, CommonOptions& options, const CommonOptionSet& set);

// Compiles the standards folder of `options` (diagnostics on stderr in --lang), or takes it from
// the compile cache when the command takes --no-cache and it was not given. False when it does
// not compile or cannot be read (library.h, load_library).
bool load_standards(const CommonOptions& options, Library& library);

// Compiles a source file with the other files of its folder (--standards, else the file's own:
// library.h, companions), diagnostics on stderr in --lang; false when it does not compile.
bool compile_with_folder(const std::string& file, const CommonOptions& options, CompileResult& result);

// Adds every program to the checker.
void add_programs(RecordChecker& checker, const std::vector<std::shared_ptr<const Program>>& programs);

}  // namespace ssd::cli
