// A cache of compiled standards, so that `ssd check` does not parse the same sources on every run.
// An entry is found by the hash of everything its result depends on: the source, the prelude and
// the ssd binary itself; anything changed is a miss, and a miss just compiles. An entry is
// trusted only whole: its checksum, the description of what it was compiled from, and every
// program in it (each verified as any loaded program) must hold; a bad entry is removed and the
// next compilation writes it again.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ssd/internal/program.h"

namespace ssd::cli {

class CompileCache {
 public:
  // $SSD_CACHE_DIR, else $XDG_CACHE_HOME/ssd, else ~/.cache/ssd; disabled when none can be made.
  static CompileCache open_default();
  static CompileCache disabled() { return CompileCache(""); }

  std::optional<std::vector<Program>> find(const std::string& source_text) const;
  void store(const std::string& source_text, const std::vector<const Program*>& programs) const;

 private:
  explicit CompileCache(std::string dir) : dir_(std::move(dir)) {}
  std::string path_of(std::uint64_t compiled_from_name) const;
  void prune() const;
  std::string dir_;
};

}  // namespace ssd::cli
