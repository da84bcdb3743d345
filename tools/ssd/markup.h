// Small helpers for the pages and JSON that the inspection commands write (checklist, report).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "ssd/program.h"
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

// {"key":n,...} in key order.
inline std::string json_counts(const std::map<std::string, int>& counts) {
  std::string out = "{";
  for (const auto& [key, n] : counts) {
    if (out.size() > 1) out.push_back(',');
    out += json_quote(key) + ":" + std::to_string(n);
  }
  return out + "}";
}

// The degree of violation as the risk criteria print it.
inline const char* severity_kk(Severity s) {
  switch (s) {
    case Severity::Gross: return "өрескел";
    case Severity::Significant: return "елеулі";
    case Severity::Minor: return "болмашы";
    case Severity::None: break;
  }
  return "";
}

// The JSON value of a severity: "gross", ... or null.
inline std::string json_severity(Severity s) {
  const char* code = severity_code(s);
  return code ? json_quote(code) : "null";
}

}  // namespace ssd::cli
