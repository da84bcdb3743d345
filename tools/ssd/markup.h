// Small helpers for the pages and JSON that the inspection commands write (checklist, report).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "ssd/internal/program.h"
#include "ssd/report.h"

namespace ssd::cli {

// Text for HTML element content and attribute values.
inline std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// `s` as a JSON string, quotes included.
inline std::string json_quote(std::string_view s) {
  std::string out;
  append_json_string(s, out);
  return out;
}

// Appends `item` to a list joined by `separator`.
inline void append_joined(std::string& list, std::string_view separator, std::string_view item) {
  if (!list.empty()) list += separator;
  list += item;
}

// The text with its first letter capitalised (Latin, Cyrillic and the Kazakh letters): the
// descriptions of requirements are written to follow a colon in messages, a form row begins a
// sentence.
inline std::string capitalised(std::string s) {
  if (s.empty()) return s;
  const unsigned char b0 = s[0];
  if (b0 >= 'a' && b0 <= 'z') {
    s[0] = static_cast<char>(b0 - 32);
    return s;
  }
  if (s.size() < 2 || (b0 & 0xE0) != 0xC0) return s;
  unsigned cp = ((b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[1]) & 0x3F);
  if (cp >= 0x430 && cp <= 0x44F) cp -= 0x20;                        // а … я
  else if (cp >= 0x450 && cp <= 0x45F) cp -= 0x50;                   // ё, і, …
  else if (cp == 0x4D9 || cp == 0x493 || cp == 0x49B || cp == 0x4A3 || cp == 0x4E9 || cp == 0x4B1 || cp == 0x4AF ||
           cp == 0x4BB)
    cp -= 1;  // ә ғ қ ң ө ұ ү һ
  else return s;
  s[0] = static_cast<char>(0xC0 | (cp >> 6));
  s[1] = static_cast<char>(0x80 | (cp & 0x3F));
  return s;
}

// {"key":n,...} in key order.
inline std::string json_counts(const std::map<std::string, int>& counts) {
  std::string out = "{";
  for (const auto& [key, n] : counts) {
    if (out.size() > 1) out.push_back(',');
    out += json_quote(key) + ":" + std::to_string(n);
  }
  return out + "}";
}

// The JSON value of a severity: "gross", ... or null.
inline std::string json_severity(Severity s) {
  const char* code = severity_code(s);
  return code ? json_quote(code) : "null";
}

}  // namespace ssd::cli
