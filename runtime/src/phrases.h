// The runtime's words (phrases.def), each in Kazakh and English, in the manner of the compiler's
// words.def: no explanation or label of the runtime is written in two languages anywhere else.
// The table is known when compiling, so a phrase's format is parsed and checked against its
// arguments then, as a literal format string is: filling one in costs no more than a literal.
#pragma once

#include <iterator>
#include <string>

#include <fmt/format.h>

#include "ssd/result.h"

namespace ssd {

enum class Phrase {
#define PHRASE(id, kk, en) id,
#include "phrases.def"
#undef PHRASE
};

namespace phrases {

struct Row {
  const char* kk;
  const char* en;
};

inline constexpr Row kRows[] = {
#define PHRASE(id, kk, en) {kk, en},
#include "phrases.def"
#undef PHRASE
};

}  // namespace phrases

// A phrase without values, in Kazakh, or in English where `en`.
constexpr const char* phrase(Phrase p, bool en) {
  const phrases::Row& row = phrases::kRows[static_cast<int>(p)];
  return en ? row.en : row.kk;
}

// A severity of a violation as a reader names it: in English, the contract's code.
constexpr const char* severity_phrase(Severity s, bool en) {
  switch (s) {
    case Severity::Gross: return phrase(Phrase::severity_gross, en);
    case Severity::Significant: return phrase(Phrase::severity_significant, en);
    case Severity::Minor: return phrase(Phrase::severity_minor, en);
    case Severity::None: break;
  }
  return "";
}

// Appends phrase P to `out` in one language, its {0}, {1}, … replaced by `values`.
template <Phrase P, typename... Values>
void append_phrase(std::string& out, bool en, const Values&... values) {
  constexpr phrases::Row row = phrases::kRows[static_cast<int>(P)];
  if (en) fmt::format_to(std::back_inserter(out), fmt::format_string<const Values&...>(row.en), values...);
  else fmt::format_to(std::back_inserter(out), fmt::format_string<const Values&...>(row.kk), values...);
}

// Phrase P in one language as a new string, its values put in.
template <Phrase P, typename... Values>
std::string format_phrase(bool en, const Values&... values) {
  std::string out;
  append_phrase<P>(out, en, values...);
  return out;
}

}  // namespace ssd
