#include "ssd/internal/keys.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace ssd {

namespace {

// The leading number of `s`, and what follows it.
std::pair<std::optional<long>, std::string_view> leading_number(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && n < 9 && std::isdigit(static_cast<unsigned char>(s[n]))) ++n;
  if (n == 0) return {std::nullopt, s};
  return {std::stol(std::string(s.substr(0, n))), s.substr(n)};
}

std::optional<long> whole_number(std::string_view s) {
  const auto [number, rest] = leading_number(s);
  return rest.empty() ? number : std::nullopt;
}

}  // namespace

bool key_less(std::string_view a, std::string_view b) {
  while (!a.empty() && !b.empty()) {
    const auto [na, ra] = leading_number(a);
    const auto [nb, rb] = leading_number(b);
    if (na && nb) {
      if (*na != *nb) return *na < *nb;
      a = ra;
      b = rb;
      continue;
    }
    if (a.front() != b.front()) return a.front() < b.front();
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  return a.size() < b.size();
}

std::string key_ranges(const std::vector<std::string>& keys) {
  std::vector<std::string> sorted = keys;
  std::sort(sorted.begin(), sorted.end(), key_less);
  std::string out;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    const std::optional<long> first = whole_number(sorted[i]);
    while (first && j + 1 < sorted.size() && whole_number(sorted[j + 1]) == *first + static_cast<long>(j + 1 - i)) ++j;
    if (!out.empty()) out += ", ";
    out += sorted[i];
    if (j > i) out += (j == i + 1 ? ", " : "–") + sorted[j];
    i = j + 1;
  }
  return out;
}

}  // namespace ssd
