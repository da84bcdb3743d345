#include <algorithm>
#include <filesystem>

#include "ssd/compiler.h"

namespace ssd {

SourceFiles source_files(const std::string& dir) {
  namespace fs = std::filesystem;
  SourceFiles out;
  auto cannot = [&](const fs::path& path, const char* what, const std::error_code& ec) {
    out.unreadable.emplace_back(path.string(), std::string(what) + ": " + ec.message());
  };
  // Folders still to read. A folder is entered as itself, never through a link.
  std::vector<fs::path> folders = {dir};
  while (!folders.empty()) {
    const fs::path folder = std::move(folders.back());
    folders.pop_back();
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) {
      cannot(folder, "cannot list", ec);
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
      if (entry_ec) cannot(path, "cannot follow", entry_ec);
      else if (fs::is_regular_file(target)) out.files.push_back(path.string());
    }
    if (ec) cannot(folder, "cannot list", ec);
  }
  std::sort(out.files.begin(), out.files.end());
  return out;
}

}  // namespace ssd
