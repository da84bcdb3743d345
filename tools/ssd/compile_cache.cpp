#include "compile_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
// Header-only: the hash is inlined, and no library is linked for it.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "ssd/internal/artifact.h"
#include "ssd/compiler.h"

namespace ssd::cli {

namespace {

namespace fs = std::filesystem;

constexpr char kEntryMagic[4] = {'S', 'S', 'D', 'K'};
constexpr std::uint32_t kEntryVersion = 3;
constexpr size_t kHeaderSize = 4 + 4 + 8 + 8;

// An entry is megabytes read at every start of ssd check: its checksum and the hash of what it was
// compiled from are XXH3 (many bytes a cycle), not zlib's CRC-32 (a few cycles a byte).
std::uint64_t hash_of(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

// The running binary's identity: a rebuilt compiler never reads its predecessor's entries.
std::string binary_identity() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  struct stat st {};
  if (ec || stat(exe.c_str(), &st) != 0) return "";
  return fmt::format("{}:{}:{}", exe.string(), st.st_size, st.st_mtim.tv_sec * 1000000000ll + st.st_mtim.tv_nsec);
}

// Everything an entry's programs depend on — the binary's identity, the prelude and the source,
// joined by NUL bytes — as its length and a 128-bit hash, without joining them: one half of the
// hash names the entry, the other is stored in it, so that two sources whose names collide are no
// hit. nullopt when the binary cannot say who it is.
struct Origin {
  std::uint64_t size = 0, name = 0, check = 0;
};
std::optional<Origin> compiled_from(const std::string& source) {
  static const std::string identity = binary_identity();
  if (identity.empty()) return std::nullopt;
  XXH3_state_t state;
  XXH3_128bits_reset(&state);
  Origin origin;
  for (std::string_view part : {std::string_view(identity), std::string_view("\0", 1), std::string_view(prelude_source()),
                                std::string_view("\0", 1), std::string_view(source)}) {
    XXH3_128bits_update(&state, part.data(), part.size());
    origin.size += part.size();
  }
  const XXH128_hash_t hash = XXH3_128bits_digest(&state);
  origin.name = hash.low64;
  origin.check = hash.high64;
  return origin;
}

// A file's bytes mapped into memory: they are read from the page cache as they are used, not copied.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (fstat(fd, &st) == 0) {
      size_ = static_cast<size_t>(st.st_size);
      void* p = size_ ? mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0) : nullptr;
      data_ = p == MAP_FAILED ? nullptr : p;
      opened_ = data_ || !size_;
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) munmap(data_, size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  // False when the file cannot be opened or mapped.
  bool opened() const { return opened_; }
  std::string_view bytes() const { return opened_ ? std::string_view(static_cast<const char*>(data_), size_) : std::string_view(); }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
  bool opened_ = false;
};

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}
void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}

// Reads little-endian integers off the front of `bytes`; false when too few are left.
template <class T>
bool take(std::string_view& bytes, T& v) {
  if (bytes.size() < sizeof(T)) return false;
  v = 0;
  for (size_t i = 0; i < sizeof(T); ++i) v |= static_cast<T>(static_cast<unsigned char>(bytes[i])) << (8 * i);
  bytes.remove_prefix(sizeof(T));
  return true;
}

// The programs of an entry, or nullopt when any part of it does not hold.
std::optional<std::vector<Program>> read_entry(std::string_view bytes, const Origin& from) {
  if (bytes.size() < kHeaderSize || bytes.substr(0, 4) != std::string_view(kEntryMagic, 4)) return std::nullopt;
  bytes.remove_prefix(4);
  std::uint32_t version = 0;
  std::uint64_t length = 0, checksum = 0;
  take(bytes, version);
  take(bytes, length);
  take(bytes, checksum);
  if (version != kEntryVersion || length != bytes.size() || hash_of(bytes) != checksum) return std::nullopt;
  // What it was compiled from, against what is compiled now: a collision of names is no hit.
  std::uint64_t from_size = 0, from_check = 0;
  std::uint32_t count = 0;
  if (!take(bytes, from_size) || !take(bytes, from_check) || from_size != from.size || from_check != from.check ||
      !take(bytes, count))
    return std::nullopt;
  std::vector<Program> programs;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint64_t size = 0;
    if (!take(bytes, size) || size > bytes.size()) return std::nullopt;
    // Verified there; its bytes are the entry's, whose checksum held.
    std::optional<Program> p = deserialize(bytes.substr(0, size), nullptr, Checksum::Trusted);
    if (!p) return std::nullopt;
    programs.push_back(std::move(*p));
    bytes.remove_prefix(size);
  }
  if (!bytes.empty()) return std::nullopt;
  return programs;
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

// Named by (half) the hash of what it was compiled from.
std::string CompileCache::path_of(std::uint64_t from_name) const {
  return fmt::format("{}/{:016x}.ssdk", dir_, from_name);
}

// An entry: a header — "SSDK", u32 version, u64 length and u64 XXH3 of the body — then the
// body: u64 length and the check half of the hash of what it was compiled from (compiled_from),
// u32 number of programs, and each program as a u64 size and a .ssdc artifact.
std::optional<std::vector<Program>> CompileCache::find(const std::string& source) const {
  if (dir_.empty()) return std::nullopt;
  const std::optional<Origin> from = compiled_from(source);
  if (!from) return std::nullopt;
  const std::string path = path_of(from->name);
  const MappedFile entry(path);
  if (!entry.opened()) return std::nullopt;
  std::optional<std::vector<Program>> programs = read_entry(entry.bytes(), *from);
  if (!programs) {
    // Corrupt, cut short, of another format or of another source: it would fail every run.
    std::error_code ec;
    fs::remove(path, ec);
  }
  return programs;
}

void CompileCache::store(const std::string& source, const std::vector<const Program*>& programs) const {
  if (dir_.empty()) return;
  const std::optional<Origin> from = compiled_from(source);
  if (!from) return;
  const std::string path = path_of(from->name);
  std::string body;
  put_u64(body, from->size);
  put_u64(body, from->check);
  put_u32(body, static_cast<std::uint32_t>(programs.size()));
  for (const Program* p : programs) {
    const std::string artifact = serialize(*p);
    put_u64(body, artifact.size());
    body += artifact;
  }
  std::string bytes(kEntryMagic, 4);
  put_u32(bytes, kEntryVersion);
  put_u64(bytes, body.size());
  put_u64(bytes, hash_of(body));
  bytes += body;
  // Written aside and renamed: a reader never sees half an entry, and a failed write leaves
  // nothing behind.
  const std::string tmp = fmt::format("{}.{}.tmp", path, getpid());
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  std::error_code ec;
  if (!out || (fs::rename(tmp, path, ec), ec)) {
    fs::remove(tmp, ec);
    return;
  }
  prune();
}

// Every rebuilt binary or edited folder makes a new entry: keep the newest few. A .tmp file is
// another process's entry being written, or one that ended before renaming it: gone after a day.
void CompileCache::prune() const {
  constexpr size_t kKeep = 32;
  constexpr auto kAbandoned = std::chrono::hours(24);
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  std::error_code ec;
  const fs::file_time_type now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(dir_, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code entry_ec;
    const fs::file_time_type written = it->last_write_time(entry_ec);
    if (entry_ec) continue;
    if (it->path().extension() == ".ssdk") entries.emplace_back(written, it->path());
    else if (it->path().extension() == ".tmp" && now - written > kAbandoned) fs::remove(it->path(), entry_ec);
  }
  if (entries.size() <= kKeep) return;
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = kKeep; i < entries.size(); ++i) fs::remove(entries[i].second, ec);
}

}  // namespace ssd::cli
