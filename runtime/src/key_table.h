// A perfect hash of a fixed set of short strings: the keys of one JSON object a program reads, or
// the codes of one enumeration. Built once when a program is loaded; a lookup samples a few bytes
// of the key, takes one multiply to a bucket that holds at most one key, and compares that key
// once. No allocation, no string built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ssd {

class KeyTable {
 public:
  KeyTable() = default;
  explicit KeyTable(std::vector<std::string> keys);

  // The key's index in the constructor's list, or -1.
  int find(std::string_view key) const {
    if (keys_.empty()) return -1;
    const std::int32_t i = buckets_[(signature(key) * seed_) >> shift_];
    return i >= 0 && keys_[i] == key ? i : -1;
  }
  const std::vector<std::string>& keys() const { return keys_; }

 private:
  // The length and five sampled bytes, or (when two keys of the set share those) a hash of every
  // byte.
  std::uint64_t signature(std::string_view key) const {
    if (whole_) return whole_hash(key);
    const auto at = [&](size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(key[i])); };
    const size_t n = key.size();
    if (n == 0) return 0;
    return n | at(0) << 8 | at(n - 1) << 16 | at(n / 2) << 24 | at(n / 4) << 32 | at(3 * n / 4) << 40;
  }
  static std::uint64_t whole_hash(std::string_view key);

  std::vector<std::string> keys_;
  std::vector<std::int32_t> buckets_;  // 2^(64 - shift_) buckets: a key's index, or -1
  std::uint64_t seed_ = 0;
  int shift_ = 63;
  bool whole_ = false;
};

}  // namespace ssd
