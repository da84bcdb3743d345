#include "ssd/internal/text.h"

#include <fmt/format.h>

namespace ssd {

namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void append_escaped(std::string_view s, bool quotes, std::string& out) {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '"':
      case '\\':
        if (quotes) out.push_back('\\');
        out.push_back(c);
        break;
      default:
        if (u < 0x20 || u == 0x7F) out += fmt::format("\\u{:04x}", u);
        else out.push_back(c);
    }
  }
}

std::string escaped(std::string_view s, size_t max_bytes, bool quotes) {
  const std::string_view kept = utf8_prefix(s, max_bytes);
  std::string out;
  out.reserve(kept.size() + 4);
  append_escaped(kept, quotes, out);
  if (kept.size() < s.size()) out += "…";
  return out;
}

}  // namespace

std::string_view utf8_prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && continuation(s[cut])) --cut;
  return s.substr(0, cut);
}

std::string shortened(std::string_view s, size_t max_bytes) {
  const std::string_view kept = utf8_prefix(s, max_bytes);
  return kept.size() < s.size() ? std::string(kept) + "…" : std::string(kept);
}

std::string printable(std::string_view s, size_t max_bytes) { return escaped(s, max_bytes, false); }

std::string in_quotes(std::string_view s, size_t max_bytes) { return "\"" + escaped(s, max_bytes, true) + "\""; }

std::string one_line(std::string_view s, size_t max_bytes) {
  std::string joined;
  joined.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\n' && s[i] != '\r') {
      joined.push_back(s[i]);
      continue;
    }
    while (!joined.empty() && (joined.back() == ' ' || joined.back() == '\t')) joined.pop_back();
    while (i + 1 < s.size() && (s[i + 1] == ' ' || s[i + 1] == '\t' || s[i + 1] == '\n' || s[i + 1] == '\r')) ++i;
    joined.push_back(' ');
  }
  return printable(joined, max_bytes);
}

}  // namespace ssd
