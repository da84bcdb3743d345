// The instruments a command works with: every .ssd file of a standards folder, compiled.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compile_cache.h"
#include "ssd/compiler.h"
#include "ssd/diagnostics.h"

namespace ssd::cli {

struct Library {
  std::vector<std::shared_ptr<const Program>> programs;
  std::vector<CompileResult> results;  // the compilation, unless taken from the cache
};

// --standards DIR, else $SSD_STANDARDS, else ./standards, else the project's own standards/.
std::string standards_dir(const std::string& option);

// Compiles every .ssd file below `dir` (in path order), or takes it from `cache`. Diagnostics go
// to stderr in `lang`; false when any file has errors or the folder cannot be read.
bool load_library(const std::string& dir, Lang lang, Library& library,
                  const CompileCache& cache = CompileCache::disabled());

// Compiles one file; diagnostics to stderr.
bool compile_one(const std::string& path, Lang lang, CompileResult& result);

// Compiles files together (amending orders apply to the instruments of the others); diagnostics
// to stderr.
bool compile_together(const std::vector<std::string>& paths, Lang lang, CompileResult& result);

// The .ssd files below a folder, in path order (symbolic links to files are followed, to folders
// not). What cannot be read or followed is said on stderr and the walk goes on; nullopt then.
std::optional<std::vector<std::string>> ssd_files(const std::string& dir);

// The files `file` is compiled with: a file of the standards folder (`standards_option`, as
// standards_dir() resolves it) goes with the whole folder, amending orders and all; any other
// file with the files of its own folder when `own_folder`, else alone. `file` comes first.
// nullopt, with the reason on stderr, when the folder cannot be read whole.
std::optional<std::vector<std::string>> companions(const std::string& file, const std::string& standards_option,
                                                   bool own_folder);

}  // namespace ssd::cli
