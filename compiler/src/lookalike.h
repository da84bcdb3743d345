// Letters that look alike and words that are nearly right: what the diagnostics of a word need
// to say which letter is wrong and what was meant. A word may mix scripts (a Latin «a» among
// Cyrillic letters: ICU's confusable skeletons tell which word it looks like), hold a Russian
// letter where Kazakh has its own (к for қ, и for і), or be a few edits from a keyword.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ssd/diagnostics.h"

namespace ssd {

// UTF-8 ↔ code points (the input is valid UTF-8: the parser checks it first).
std::u32string decode_utf8(std::string_view s);
std::string encode_utf8(std::u32string_view s);

// Edit distance in code points (an adjacent transposition counts one).
size_t edit_distance(std::u32string_view a, std::u32string_view b);

// Whether `wrong` is close enough to `candidate` for "did you mean": a typo or two, fewer in
// a short word.
bool close_enough(std::u32string_view wrong, std::u32string_view candidate);

// "U+0061".
std::string code_point(char32_t c);

// A letter that is not what the word needs, and the diagnostic's arguments about it.
struct WrongLetter {
  size_t index = 0;   // in code points, within the word
  char32_t written = 0;
  char32_t meant = 0;  // 0 where no one letter is known
};

// The first letter of a word whose script (Latin, Cyrillic, Greek) is not the word's own — the
// script most of its letters are in; nullopt when the word keeps to one script.
std::optional<WrongLetter> mixed_script_letter(std::u32string_view word);

// The script of a letter, for messages: "латын" / "Latin", "кириллица" / "Cyrillic", ...
std::string script_name(char32_t c);  // bilingual()

// True when two words look the same (ICU's confusable skeletons are equal).
bool looks_like(std::string_view a, std::string_view b);

// The word with each letter of a foreign script replaced by the one letter of the word's own
// script that looks like it; nullopt when a foreign letter has no such letter, or more than one.
std::optional<std::string> in_one_script(std::u32string_view word);

// Where `written` is `known` with Russian letters in place of Kazakh ones (к for қ, г for ғ,
// у for ү or ұ, о for ө, н for ң, х for һ, и for і): the first such letter.
std::optional<WrongLetter> russian_for_kazakh(std::u32string_view written, std::u32string_view known);

// Among `known`, the word that `written` stands for: the one it looks like, or the one it spells
// with Russian letters for Kazakh ones. Reported as mixed_script or russian_letter at `span` (the
// word's place) with a fix-it replacing `range` by the known word, which is returned.
std::optional<std::string> report_lookalike(const std::string& written, const std::vector<std::string>& known,
                                            const SourceFile* file, Span span, Range range, Diagnostics& diags);

// The mixed-script diagnostic for a word no known word looks like: its fix-it writes the word in
// one script where each foreign letter has one look-alike. Returns that spelling, if any.
std::optional<std::string> report_mixed_script(const std::string& written, const SourceFile* file, Span span,
                                               Range range, Diagnostics& diags);

}  // namespace ssd
