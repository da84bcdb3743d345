// The words of the compiler's messages (words.def), each in Kazakh and English, in the manner of
// diagnostics.def: no message text is written in two languages anywhere else.
#pragma once

#include <string>
#include <vector>

#include "ssd/diagnostics.h"

namespace ssd {

enum class Word {
#define WORD(id, kk, en) id,
#include "words.def"
#undef WORD
};

// The word in one language, with {0} replaced by `arg`.
std::string word(Word w, Lang lang, const std::string& arg = "");
// The word as a diagnostic's argument: the renderer takes the half of its language.
std::string bilingual(Word w, const std::string& arg = "");

// Words of the language (keywords, units, result words) listed in a message: each in the quotes
// of the message's language, «a», «b» or 'a', 'b'.
std::string code_words(const std::vector<std::string>& words);

}  // namespace ssd
