#include "lookalike.h"

#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <fmt/format.h>

namespace ssd {

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    const int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string encode_utf8(std::u32string_view s) {
  std::string out;
  for (const char32_t c : s) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

size_t edit_distance(std::u32string_view a, std::u32string_view b) {
  // Damerau–Levenshtein (optimal string alignment), three rows.
  std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[b.size()];
}

bool close_enough(std::u32string_view wrong, std::u32string_view candidate) {
  const size_t longer = std::max(wrong.size(), candidate.size());
  const size_t allowed = longer <= 4 ? 1 : longer <= 10 ? 2 : 3;
  return edit_distance(wrong, candidate) <= allowed;
}

std::string code_point(char32_t c) { return fmt::format("U+{:04X}", static_cast<unsigned>(c)); }

namespace {

enum class Script { Latin, Cyrillic, Greek, Other };

Script script_of(char32_t c) {
  UErrorCode error = U_ZERO_ERROR;
  switch (uscript_getScript(static_cast<UChar32>(c), &error)) {
    case USCRIPT_LATIN: return Script::Latin;
    case USCRIPT_CYRILLIC: return Script::Cyrillic;
    case USCRIPT_GREEK: return Script::Greek;
    default: return Script::Other;
  }
}

// The script most of the word's letters are in (the first one's on a tie).
Script main_script(std::u32string_view word) {
  int counts[3] = {0, 0, 0};
  Script first = Script::Other;
  for (const char32_t c : word) {
    const Script s = script_of(c);
    if (s == Script::Other) continue;
    if (first == Script::Other) first = s;
    ++counts[static_cast<int>(s)];
  }
  Script best = first;
  for (int s = 0; s < 3; ++s)
    if (first != Script::Other && counts[s] > counts[static_cast<int>(best)]) best = static_cast<Script>(s);
  return best;
}

const USpoofChecker* spoof_checker() {
  static const USpoofChecker* checker = [] {
    UErrorCode error = U_ZERO_ERROR;
    USpoofChecker* c = uspoof_open(&error);
    return U_FAILURE(error) ? nullptr : c;
  }();
  return checker;
}

std::string skeleton(std::string_view word) {
  const USpoofChecker* checker = spoof_checker();
  if (!checker) return std::string(word);
  std::string out(word.size() * 4 + 16, '\0');
  UErrorCode error = U_ZERO_ERROR;
  const int32_t n = uspoof_getSkeletonUTF8(checker, 0, word.data(), static_cast<int32_t>(word.size()), out.data(),
                                           static_cast<int32_t>(out.size()), &error);
  if (U_FAILURE(error)) return std::string(word);
  out.resize(static_cast<size_t>(n));
  return out;
}

// The letters a word of each script is written with: the Kazakh alphabet (which holds the
// Russian one), the Latin and the Greek.
bool letter_of(Script s, char32_t c) {
  switch (s) {
    case Script::Latin: return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    case Script::Greek: return c >= 0x391 && c <= 0x3C9 && c != 0x3A2;
    case Script::Cyrillic: {
      if ((c >= 0x410 && c <= 0x44F) || c == U'Ё' || c == U'ё') return true;
      constexpr std::u32string_view kKazakh = U"ӘәҒғҚқҢңӨөҰұҮүҺһІі";
      return kKazakh.find(c) != std::u32string_view::npos;
    }
    case Script::Other: break;
  }
  return false;
}

// The one letter of script `s` that looks like `c`, or 0.
char32_t lookalike_in(Script s, char32_t c) {
  const std::string target = skeleton(encode_utf8(std::u32string(1, c)));
  static constexpr std::pair<char32_t, char32_t> kRanges[] = {{U'A', U'z'}, {0x391, 0x3C9}, {0x401, 0x4E9}};
  char32_t found = 0;
  for (const auto& [from, to] : kRanges)
    for (char32_t d = from; d <= to; ++d) {
      if (!letter_of(s, d) || skeleton(encode_utf8(std::u32string(1, d))) != target) continue;
      if (found) return 0;  // two letters look like it: which one is meant is not known
      found = d;
    }
  return found;
}

// The Kazakh letters a Russian one stands for when typed on a Russian keyboard.
std::u32string_view kazakh_for(char32_t russian) {
  switch (russian) {
    case U'к': return U"қ";
    case U'К': return U"Қ";
    case U'г': return U"ғ";
    case U'Г': return U"Ғ";
    case U'у': return U"үұ";
    case U'У': return U"ҮҰ";
    case U'о': return U"ө";
    case U'О': return U"Ө";
    case U'н': return U"ң";
    case U'Н': return U"Ң";
    case U'х': return U"һ";
    case U'Х': return U"Һ";
    case U'и': return U"і";
    case U'И': return U"І";
    default: return U"";
  }
}

std::string letter(char32_t c) { return encode_utf8(std::u32string(1, c)); }

Span letter_span(Span word, size_t index) { return {word.line, word.column + static_cast<int>(index), 1}; }

}  // namespace

std::string script_name(char32_t c) {
  switch (script_of(c)) {
    case Script::Latin: return bilingual("латын", "Latin");
    case Script::Cyrillic: return bilingual("кирилл", "Cyrillic");
    case Script::Greek: return bilingual("грек", "Greek");
    case Script::Other: break;
  }
  return bilingual("басқа", "other");
}

std::optional<WrongLetter> mixed_script_letter(std::u32string_view word) {
  const Script own = main_script(word);
  for (size_t i = 0; i < word.size(); ++i) {
    const Script s = script_of(word[i]);
    if (s != Script::Other && s != own) return WrongLetter{i, word[i], lookalike_in(own, word[i])};
  }
  return std::nullopt;
}

bool looks_like(std::string_view a, std::string_view b) { return skeleton(a) == skeleton(b); }

std::optional<std::string> in_one_script(std::u32string_view word) {
  const Script own = main_script(word);
  std::u32string out(word);
  for (char32_t& c : out) {
    const Script s = script_of(c);
    if (s == Script::Other || s == own) continue;
    c = lookalike_in(own, c);
    if (!c) return std::nullopt;
  }
  return encode_utf8(out);
}

std::optional<WrongLetter> russian_for_kazakh(std::u32string_view written, std::u32string_view known) {
  if (written.size() != known.size() || written == known) return std::nullopt;
  std::optional<WrongLetter> first;
  for (size_t i = 0; i < written.size(); ++i) {
    if (written[i] == known[i]) continue;
    if (kazakh_for(written[i]).find(known[i]) == std::u32string_view::npos) return std::nullopt;
    if (!first) first = WrongLetter{i, written[i], known[i]};
  }
  return first;
}

namespace {

// The script of the word's own letters, for the message: that of its first letter in it.
std::string own_script_name(std::u32string_view word) {
  const Script own = main_script(word);
  for (const char32_t c : word)
    if (script_of(c) == own) return script_name(c);
  return script_name(0);
}

void report_mixed(const std::string& written, const std::u32string& w, const WrongLetter& bad, const std::string& meant,
                  const SourceFile* file, Span span, Range range, Diagnostics& diags) {
  diags.report(DiagId::mixed_script, file, letter_span(span, bad.index),
               {written, script_name(bad.written), letter(bad.written), code_point(bad.written), own_script_name(w), meant});
  diags.fix({file, range, meant});
}

}  // namespace

std::optional<std::string> report_lookalike(const std::string& written, const std::vector<std::string>& known,
                                            const SourceFile* file, Span span, Range range, Diagnostics& diags) {
  const std::u32string w = decode_utf8(written);
  if (const std::optional<WrongLetter> bad = mixed_script_letter(w)) {
    const std::string shape = skeleton(written);
    for (const std::string& k : known)
      if (k != written && skeleton(k) == shape) {
        report_mixed(written, w, *bad, k, file, span, range, diags);
        return k;
      }
    return std::nullopt;
  }
  for (const std::string& k : known) {
    const std::optional<WrongLetter> bad = russian_for_kazakh(w, decode_utf8(k));
    if (!bad) continue;
    diags.report(DiagId::russian_letter, file, letter_span(span, bad->index),
                 {written, letter(bad->written), code_point(bad->written), letter(bad->meant), code_point(bad->meant), k});
    diags.fix({file, range, k});
    return k;
  }
  return std::nullopt;
}

std::optional<std::string> report_mixed_script(const std::string& written, const SourceFile* file, Span span,
                                               Range range, Diagnostics& diags) {
  const std::u32string w = decode_utf8(written);
  const std::optional<WrongLetter> bad = mixed_script_letter(w);
  if (!bad) return std::nullopt;
  const std::optional<std::string> fixed = in_one_script(w);
  if (fixed) {
    report_mixed(written, w, *bad, *fixed, file, span, range, diags);
  } else {
    diags.report(DiagId::mixed_script_unfixed, file, letter_span(span, bad->index),
                 {written, script_name(bad->written), letter(bad->written), code_point(bad->written), own_script_name(w)});
  }
  return fixed;
}

}  // namespace ssd
