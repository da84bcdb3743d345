#include "library.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace ssd::cli {

namespace fs = std::filesystem;

std::string standards_dir(const std::string& option) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv("SSD_STANDARDS"); env && *env) return env;
  std::error_code ec;
  if (fs::is_directory("standards", ec)) return "standards";
  return SSD_DEFAULT_STANDARDS;
}

bool compile_one(const std::string& path, Lang lang, CompileResult& result) {
  result = compile_file(path);
  if (!result.diagnostics.all().empty()) std::cerr << result.diagnostics.render(lang);
  return result.ok();
}

bool load_library(const std::string& dir, Lang lang, Library& library, const CompileCache& cache) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::cerr << "ssd: " << (lang == Lang::Kk ? "стандарттар папкасы жоқ: " : "no standards folder: ") << dir << "\n";
    return false;
  }
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".ssd") files.push_back(it->path());
  std::sort(files.begin(), files.end());
  bool ok = true;
  for (const fs::path& file : files) {
    std::string error;
    std::optional<SourceFile> source = read_source_file(file.string(), &error);
    if (source) {
      if (std::optional<std::vector<Program>> cached = cache.find(source->text())) {
        for (Program& p : *cached) library.programs.push_back(std::make_shared<const Program>(std::move(p)));
        continue;
      }
    }
    CompileResult result;
    ok = compile_one(file.string(), lang, result) && ok;
    std::vector<const Program*> compiled;
    for (const CompiledInstrument& in : result.instruments) {
      library.programs.push_back(std::make_shared<const Program>(in.program));
      compiled.push_back(library.programs.back().get());
    }
    if (source && result.ok()) cache.store(source->text(), compiled);
    library.results.push_back(std::move(result));
  }
  return ok;
}

}  // namespace ssd::cli
