#include "library.h"

#include <algorithm>
#include <iterator>
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

std::optional<std::vector<std::string>> ssd_files(const std::string& dir) {
  std::vector<std::string> files;
  bool whole = true;
  auto cannot = [&](const fs::path& path, const char* what, const std::error_code& ec) {
    std::cerr << "ssd: cannot " << what << " " << path.string() << ": " << ec.message() << "\n";
    whole = false;
  };
  // Folders still to read; a folder is entered only as itself, never through a link, so the walk
  // ends whatever links the folder holds.
  std::vector<fs::path> folders = {dir};
  while (!folders.empty()) {
    const fs::path folder = std::move(folders.back());
    folders.pop_back();
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) {
      cannot(folder, "read", ec);
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& path = it->path();
      std::error_code entry_ec;
      if (fs::is_directory(it->symlink_status(entry_ec))) {
        folders.push_back(path);
        continue;
      }
      if (path.extension() != ".ssd") continue;
      const fs::file_status target = fs::status(path, entry_ec);  // through a link
      if (entry_ec) cannot(path, "follow", entry_ec);
      else if (fs::is_regular_file(target)) files.push_back(path.string());
    }
    if (ec) cannot(folder, "read", ec);
  }
  if (!whole) return std::nullopt;
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<std::vector<std::string>> companions(const std::string& file, const std::string& standards_option,
                                                   bool own_folder) {
  std::error_code ec;
  const fs::path self = fs::weakly_canonical(file, ec);
  const fs::path standards = fs::weakly_canonical(standards_dir(standards_option), ec);
  const auto [end, _] = std::mismatch(standards.begin(), standards.end(), self.begin(), self.end());
  const bool in_standards = end == standards.end();
  std::string folder;
  if (in_standards) folder = standards.string();
  else if (own_folder) folder = fs::path(file).parent_path().empty() ? "." : fs::path(file).parent_path().string();
  std::vector<std::string> out = {file};
  if (folder.empty()) return out;
  const std::optional<std::vector<std::string>> others = ssd_files(folder);
  if (!others) return std::nullopt;
  for (const std::string& other : *others)
    if (fs::weakly_canonical(other, ec) != self) out.push_back(other);
  return out;
}

bool compile_together(const std::vector<std::string>& paths, Lang lang, CompileResult& result) {
  std::vector<std::shared_ptr<const SourceFile>> sources;
  for (const std::string& path : paths) {
    std::string error;
    std::optional<SourceFile> file = read_source_file(path, &error);
    if (!file) {
      std::cerr << "ssd: " << path << ": " << error << "\n";
      return false;
    }
    sources.push_back(std::make_shared<const SourceFile>(std::move(*file)));
  }
  result = compile_sources(sources);
  if (!result.diagnostics.all().empty()) std::cerr << result.diagnostics.render(lang);
  return result.ok();
}

bool load_library(const std::string& dir, Lang lang, Library& library, const CompileCache& cache) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::cerr << "ssd: " << (lang == Lang::Kk ? "стандарттар папкасы жоқ: " : "no standards folder: ") << dir << "\n";
    return false;
  }
  const std::optional<std::vector<std::string>> listed = ssd_files(dir);
  if (!listed) return false;
  const std::vector<std::string>& files = *listed;
  if (files.empty()) {
    std::cerr << "ssd: " << (lang == Lang::Kk ? "стандарттар папкасында .ssd файлы жоқ: " : "no .ssd file in the standards folder: ")
              << dir << "\n";
    return false;
  }
  // The whole folder is one compilation (orders amend instruments of other files): one cache entry.
  std::string key;
  bool readable = true;
  for (const std::string& path : files) {
    std::string error;
    std::optional<SourceFile> file = read_source_file(path, &error);
    readable = readable && file.has_value();
    if (file) key += path + '\0' + file->text() + '\0';
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
