#include "key_table.h"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace ssd {

std::uint64_t KeyTable::whole_hash(std::string_view key) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  return h;
}

KeyTable::KeyTable(std::vector<std::string> keys) : keys_(std::move(keys)) {
  if (keys_.empty()) return;
  // A key given twice is found at its first place.
  std::vector<std::string> distinct = keys_;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  auto signatures = [&] {
    std::vector<std::uint64_t> s;
    for (const std::string& k : distinct) s.push_back(signature(k));
    std::sort(s.begin(), s.end());
    return s;
  };
  std::vector<std::uint64_t> sigs = signatures();
  if (std::adjacent_find(sigs.begin(), sigs.end()) != sigs.end()) {
    whole_ = true;
    sigs = signatures();
  }
  // Seeds from a SplitMix64 sequence, in tables from twice the keys up: a small table of few
  // keys is found at once; failing that, a larger one.
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  const int least = std::bit_width(keys_.size() * 2 - 1);
  for (int bits = least; bits <= 20; ++bits) {
    for (int attempt = 0; attempt < 64; ++attempt) {
      state += 0x9E3779B97F4A7C15ull;
      std::uint64_t z = state;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      seed_ = (z ^ (z >> 31)) | 1;
      shift_ = 64 - bits;
      buckets_.assign(std::size_t{1} << bits, -1);
      bool perfect = true;
      for (size_t i = 0; i < keys_.size() && perfect; ++i) {
        std::int32_t& b = buckets_[(signature(keys_[i]) * seed_) >> shift_];
        if (b >= 0 && keys_[b] == keys_[i]) continue;
        perfect = b < 0;
        b = static_cast<std::int32_t>(i);
      }
      if (perfect) return;
    }
  }
  // Unreachable: distinct keys have distinct signatures. Said, not looped on.
  throw std::logic_error("no perfect hash for the keys");
}

}  // namespace ssd
