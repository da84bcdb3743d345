#include "compile_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "ssd/internal/artifact.h"
#include "ssd/compiler.h"

namespace ssd::cli {

namespace {

namespace fs = std::filesystem;

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// The running binary's identity: a rebuilt compiler never reads its predecessor's entries.
std::string binary_identity() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  struct stat st {};
  if (ec || stat(exe.c_str(), &st) != 0) return "";
  return fmt::format("{}:{}:{}", exe.string(), st.st_size, st.st_mtim.tv_sec * 1000000000ll + st.st_mtim.tv_nsec);
}

}  // namespace

CompileCache CompileCache::open_default() {
  std::string dir;
  if (const char* d = std::getenv("SSD_CACHE_DIR"); d && *d) dir = d;
  else if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) dir = std::string(x) + "/ssd";
  else if (const char* h = std::getenv("HOME"); h && *h) dir = std::string(h) + "/.cache/ssd";
  std::error_code ec;
  if (dir.empty() || (!fs::create_directories(dir, ec) && !fs::is_directory(dir, ec))) return disabled();
  return CompileCache(dir);
}

std::string CompileCache::path_of(const std::string& source) const {
  static const std::string identity = binary_identity();
  if (dir_.empty() || identity.empty()) return "";
  std::uint64_t h = fnv1a(identity);
  h = fnv1a(prelude_source(), h);
  h = fnv1a(source, h);
  return fmt::format("{}/{:016x}.ssdk", dir_, h);
}

// An entry: the number of programs, then each as a length and a .ssdc artifact.
std::optional<std::vector<Program>> CompileCache::find(const std::string& source) const {
  const std::string path = path_of(source);
  if (path.empty()) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string_view bytes = buf.view();
  auto take_u64 = [&](std::uint64_t& v) {
    if (bytes.size() < 8) return false;
    v = 0;
    for (int i = 0; i < 8; ++i) v |= std::uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
    bytes.remove_prefix(8);
    return true;
  };
  std::uint64_t count = 0;
  if (!take_u64(count)) return std::nullopt;
  std::vector<Program> programs;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t size = 0;
    if (!take_u64(size) || size > bytes.size()) return std::nullopt;
    std::optional<Program> p = deserialize(bytes.substr(0, size), nullptr);
    if (!p) return std::nullopt;  // corrupt or of another format: compile instead
    programs.push_back(std::move(*p));
    bytes.remove_prefix(size);
  }
  return programs;
}

void CompileCache::store(const std::string& source, const std::vector<const Program*>& programs) const {
  const std::string path = path_of(source);
  if (path.empty()) return;
  std::string bytes;
  auto put_u64 = [&](std::uint64_t v) { for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>(v >> (8 * i))); };
  put_u64(programs.size());
  for (const Program* p : programs) {
    const std::string artifact = serialize(*p);
    put_u64(artifact.size());
    bytes += artifact;
  }
  // Written aside and renamed: a reader never sees half an entry.
  const std::string tmp = fmt::format("{}.{}.tmp", path, getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
  prune();
}

// Every rebuilt binary or edited folder makes a new entry: keep the newest few.
void CompileCache::prune() const {
  constexpr size_t kKeep = 32;
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir_, ec))
    if (e.path().extension() == ".ssdk") entries.emplace_back(e.last_write_time(ec), e.path());
  if (entries.size() <= kKeep) return;
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = kKeep; i < entries.size(); ++i) fs::remove(entries[i].second, ec);
}

}  // namespace ssd::cli
