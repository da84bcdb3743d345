// Words whose letters are wrong in a way the eye does not see, found in the tokens before the
// parser reads them: a word that mixes scripts (a Latin «a» in «тaлап»), and an appendix citation
// with a Russian or Latin letter (`§ 3-косымша`, which the lexer cannot read as one citation).
// Each is reported with the letter, its script and code point, and the word meant as a fix-it;
// the token is then read as that word, so that nothing else is reported because of it.
#pragma once

#include <antlr4-runtime.h>

#include <string>
#include <vector>

#include "ssd/diagnostics.h"

namespace ssd {

void check_spellings(antlr4::CommonTokenStream& tokens, const SourceFile& file, Diagnostics& diags);

// The keywords of the language, as written (the lexer's literal tokens that are words), and the
// token type of each.
const std::vector<std::pair<std::string, size_t>>& keyword_tokens();

}  // namespace ssd
