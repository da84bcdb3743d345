// The words of the tools' outputs (labels.def), each in Kazakh and English, in the manner of the
// compiler's words.def: a command writes its own words from here, in the language of --lang.
#pragma once

#include <string>

#include <fmt/format.h>

#include "ssd/diagnostics.h"

namespace ssd::cli {

enum class Label {
#define LABEL(id, kk, en) id,
#include "labels.def"
#undef LABEL
};

// The language labels are written in: one of the two, or Json, the "kk / en" pair that JSON
// output has always carried (programs read it, so it keeps both halves).
enum class LabelLang { Kk, En, Json };

inline LabelLang label_lang(Lang lang) { return lang == Lang::En ? LabelLang::En : LabelLang::Kk; }
// Json for JSON output, else the language of `lang`.
inline LabelLang label_lang(Lang lang, bool json) { return json ? LabelLang::Json : label_lang(lang); }

std::string vlabel(Label id, LabelLang lang, fmt::format_args args, const char* between);

// The label in `lang`, its {0}, {1}, ... replaced by `args`; in Json both halves joined by " / ".
template <typename... Args>
std::string label(Label id, LabelLang lang, const Args&... args) {
  return vlabel(id, lang, fmt::make_format_args(args...), " / ");
}
template <typename... Args>
std::string label(Label id, Lang lang, const Args&... args) {
  return vlabel(id, label_lang(lang), fmt::make_format_args(args...), " / ");
}
// As label(), the halves of Json joined by `between` ("талап қосылды — requirement added").
template <typename... Args>
std::string label_joined(Label id, LabelLang lang, const char* between, const Args&... args) {
  return vlabel(id, lang, fmt::make_format_args(args...), between);
}

// A page's lang attribute.
inline const char* html_lang(Lang lang) { return lang == Lang::En ? "en" : "kk"; }

}  // namespace ssd::cli
