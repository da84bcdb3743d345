#include "json_escape.h"

#include <cstdint>
#include <cstring>

#include "ssd/report.h"

namespace ssd {

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighBits = 0x8080808080808080ull;

// Whether any of eight bytes is a control character, a quote or a backslash (bit tricks of
// "Bit Twiddling Hacks": a byte below n, a byte equal to c). A false answer is exact; a true one
// may be wrong only for bytes after a real one, which the byte loop then reads.
bool any_special(std::uint64_t w) {
  const std::uint64_t below_space = (w - kOnes * 0x20) & ~w;
  const std::uint64_t q = w ^ (kOnes * '"'), b = w ^ (kOnes * '\\');
  return (below_space | ((q - kOnes) & ~q) | ((b - kOnes) & ~b)) & kHighBits;
}

bool special(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void append_escape(unsigned char c, std::string& out) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out.append(u, sizeof u);
    }
  }
}

}  // namespace

void append_json_escaped(std::string_view s, std::string& out) {
  const char* p = s.data();
  const char* const end = p + s.size();
  const char* run = p;  // the start of the bytes copied as they are
  while (p < end) {
    for (std::uint64_t w; end - p >= 8; p += 8) {
      std::memcpy(&w, p, 8);
      if (any_special(w)) break;
    }
    if (p == end) break;
    const auto c = static_cast<unsigned char>(*p++);
    if (!special(c)) continue;
    out.append(run, p - 1 - run);
    append_escape(c, out);
    run = p;
  }
  out.append(run, end - run);
}

void append_json_string(std::string_view s, std::string& out) {
  out.push_back('"');
  append_json_escaped(s, out);
  out.push_back('"');
}

}  // namespace ssd
