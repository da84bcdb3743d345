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

// --standards DIR, else $SSD_STANDARDS, else the standards installed with this binary
// (<prefix>/share/ssd/standards beside <prefix>/bin/ssd), else the standards/ folder of the
// source tree it was built from. Never a folder of the working directory.
std::string standards_dir(const std::string& option);

// Compiles every .ssd file below `dir` (in path order), or takes it from `cache`. Diagnostics go
// to stderr in `lang`; false when any file has errors, or the folder cannot be read whole or
// holds no .ssd file.
bool load_library(const std::string& dir, Lang lang, Library& library,
                  const CompileCache& cache = CompileCache::disabled());

// Compiles files together (amending orders apply to the instruments of the others); diagnostics
// to stderr.
bool compile_together(const std::vector<std::string>& paths, Lang lang, CompileResult& result,
                      const CompileOptions& options = {});

// The source files, read; false, with the reason on stderr, when one cannot be read.
bool read_sources(const std::vector<std::string>& paths, std::vector<std::shared_ptr<const SourceFile>>& sources);

// The folder a source file is compiled with: `standards_option` (--standards) when given, else
// the file's own folder.
std::string folder_of(const std::string& file, const std::string& standards_option);

// The .ssd files below a folder, in path order; nullopt, with each entry that cannot be read or
// followed said on stderr, when the folder cannot be read whole.
std::optional<std::vector<std::string>> folder_files(const std::string& dir);

// `file` first, then every other .ssd file below `folder`: an instrument goes with the amending
// orders of its folder, an order with the instruments it amends. nullopt, with the reason on
// stderr, when the folder cannot be read whole.
std::optional<std::vector<std::string>> companions(const std::string& file, const std::string& folder);

}  // namespace ssd::cli
