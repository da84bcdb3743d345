#include "common_options.h"

#include "parallel_records.h"

namespace ssd::cli {

unsigned CommonOptions::thread_count() const { return threads ? threads : default_threads(); }

void add_common_options(CLI::App& command, CommonOptions& o, const CommonOptionSet& set) {
  if (set.standards) command.add_option("--standards", o.standards, set.standards);
  if (set.lang) command.add_option("--lang", o.lang, set.lang)->check(CLI::IsMember({"kk", "en"}));
  if (set.threads)
    command.add_option("-j,--threads", o.threads, "check on N threads (default: the machine's cores); results stay in input order")
        ->check(CLI::Range(1u, 1024u));
  if (set.quiet) command.add_flag("-q,--quiet", o.quiet, set.quiet);
  if (set.no_cache)
    command.add_flag("--no-cache", o.no_cache,
                     "compile the standards even when a compiled copy is cached ($SSD_CACHE_DIR, ~/.cache/ssd)");
  o.cache_offered = set.no_cache;
}

bool load_standards(const CommonOptions& o, Library& library) {
  const CompileCache cache = o.cache_offered && !o.no_cache ? CompileCache::open_default() : CompileCache::disabled();
  return load_library(o.standards_folder(), o.language(), library, cache);
}

bool compile_with_folder(const std::string& file, const CommonOptions& o, CompileResult& result) {
  const std::optional<std::vector<std::string>> files = companions(file, folder_of(file, o.standards));
  return files && compile_together(*files, o.language(), result);
}

void add_programs(RecordChecker& checker, const std::vector<std::shared_ptr<const Program>>& programs) {
  for (const auto& p : programs) checker.add(p);
}

}  // namespace ssd::cli
