#include "library.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "labels.h"

namespace ssd::cli {

namespace fs = std::filesystem;

std::string standards_dir(const std::string& option) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv("SSD_STANDARDS"); env && *env) return env;
  std::error_code ec;
  const fs::path installed = fs::read_symlink("/proc/self/exe", ec).parent_path().parent_path() / "share/ssd/standards";
  if (!ec && fs::is_directory(installed, ec)) return installed.string();
  return SSD_DEFAULT_STANDARDS;
}

std::string folder_of(const std::string& file, const std::string& standards_option) {
  if (!standards_option.empty()) return standards_option;
  const fs::path parent = fs::path(file).parent_path();
  return parent.empty() ? "." : parent.string();
}

std::optional<std::vector<std::string>> folder_files(const std::string& dir) {
  SourceFiles listed = source_files(dir);
  for (const auto& [path, reason] : listed.unreadable) std::cerr << "ssd: " << path << ": " << reason << "\n";
  if (!listed.unreadable.empty()) return std::nullopt;
  return std::move(listed.files);
}

std::optional<std::vector<std::string>> companions(const std::string& file, const std::string& folder) {
  const std::optional<std::vector<std::string>> others = folder_files(folder);
  if (!others) return std::nullopt;
  std::error_code ec;
  const fs::path self = fs::weakly_canonical(file, ec);
  std::vector<std::string> out = {file};
  for (const std::string& other : *others)
    if (fs::weakly_canonical(other, ec) != self) out.push_back(other);
  return out;
}

bool read_sources(const std::vector<std::string>& paths, std::vector<std::shared_ptr<const SourceFile>>& sources) {
  for (const std::string& path : paths) {
    std::string error;
    std::optional<SourceFile> file = read_source_file(path, &error);
    if (!file) {
      std::cerr << "ssd: " << path << ": " << error << "\n";
      return false;
    }
    sources.push_back(std::make_shared<const SourceFile>(std::move(*file)));
  }
  return true;
}

bool compile_together(const std::vector<std::string>& paths, Lang lang, CompileResult& result, const CompileOptions& options) {
  std::vector<std::shared_ptr<const SourceFile>> sources;
  if (!read_sources(paths, sources)) return false;
  result = compile_sources(sources, options);
  if (!result.diagnostics.all().empty()) std::cerr << result.diagnostics.render(lang);
  return result.ok();
}

bool load_library(const std::string& dir, Lang lang, Library& library, const CompileCache& cache) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::cerr << "ssd: " << label(Label::no_standards_folder, lang, dir) << "\n";
    return false;
  }
  const std::optional<std::vector<std::string>> listed = folder_files(dir);
  if (!listed) return false;
  const std::vector<std::string>& files = *listed;
  if (files.empty()) {
    std::cerr << "ssd: " << label(Label::no_ssd_in_folder, lang, dir) << "\n";
    return false;
  }
  // The whole folder is one compilation (orders amend instruments of other files): one cache entry.
  std::string key;
  bool readable = true;
  for (const std::string& path : files) {
    std::string error;
    std::optional<SourceFile> file = read_source_file(path, &error);
    readable = readable && file.has_value();
    if (file) key.append(path).append(1, '\0').append(file->text()).append(1, '\0');
  }
  std::optional<std::vector<Program>> cached = readable ? cache.find(key) : std::nullopt;
  if (cached) {
    for (Program& p : *cached) library.programs.push_back(std::make_shared<const Program>(std::move(p)));
    return true;
  }
  CompileResult result;
  const bool ok = compile_together(files, lang, result);
  std::vector<const Program*> compiled;
  for (const CompiledInstrument& in : result.instruments) {
    library.programs.push_back(std::make_shared<const Program>(in.program));
    compiled.push_back(library.programs.back().get());
  }
  if (ok && readable) cache.store(key, compiled);
  library.results.push_back(std::move(result));
  return ok;
}

}  // namespace ssd::cli
