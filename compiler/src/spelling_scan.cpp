#include "spelling_scan.h"

#include <algorithm>
#include <unordered_set>

#include "SsdLexer.h"
#include "lookalike.h"
#include "ssd/compiler.h"
#include "token_place.h"

namespace ssd {

namespace {

using L = grammar::SsdLexer;
using antlr4::Token;

constexpr std::string_view kAppendix = "қосымша";

// The words of a text as the lexer reads them.
std::vector<std::string> identifiers_of(const std::string& text) {
  antlr4::ANTLRInputStream input(text);
  L lexer(&input);
  lexer.removeErrorListeners();
  std::vector<std::string> out;
  for (auto t = lexer.nextToken(); t->getType() != Token::EOF; t = lexer.nextToken())
    if (t->getType() == L::IDENT) out.push_back(t->getText());
  return out;
}

// What a word with a foreign letter may stand for: a keyword, a word of the prelude (field
// names and members), or a word of this file written in one script.
std::vector<std::string> known_words(const std::vector<Token*>& tokens) {
  static const std::vector<std::string> prelude = identifiers_of(prelude_source());
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  auto add = [&](const std::string& w) {
    if (seen.insert(w).second) out.push_back(w);
  };
  for (const auto& [word, type] : keyword_tokens()) add(word);
  for (const std::string& w : prelude) add(w);
  for (const Token* t : tokens)
    if (t->getType() == L::IDENT && !mixed_script_letter(decode_utf8(t->getText()))) add(t->getText());
  return out;
}

bool adjacent(const Token* a, const Token* b) { return a->getStopIndex() + 1 == b->getStartIndex(); }

// Only blanks of one line between two tokens.
bool same_line_blank(antlr4::CharStream& input, const Token* a, const Token* b) {
  if (a->getLine() != b->getLine()) return false;
  const std::string between = input.getText(antlr4::misc::Interval(a->getStopIndex() + 1, b->getStartIndex() - 1));
  return between.find_first_not_of(" \t") == std::string::npos;
}

// `§ 3-косымша [18]`: the lexer read `§ 3`, `-`, a word, and the row's number apart. With the
// word standing for қосымша, the tokens become the one citation the law means.
void appendix_citation(std::vector<Token*>& seen, size_t i, antlr4::CharStream& input, const SourceFile& file,
                       Diagnostics& diags) {
  auto* cite = static_cast<antlr4::CommonToken*>(seen[i]);
  if (i + 2 >= seen.size() || seen[i + 1]->getText() != "-" || seen[i + 2]->getType() != L::IDENT) return;
  if (!adjacent(cite, seen[i + 1]) || !adjacent(seen[i + 1], seen[i + 2])) return;
  if (cite->getText().find('.') != std::string::npos || cite->getText().find(kAppendix) != std::string::npos) return;
  Token* word = seen[i + 2];
  if (!report_lookalike(word->getText(), {std::string(kAppendix)}, &file, token_span(word), token_range(word, word), diags))
    return;
  std::string text = cite->getText() + "-" + std::string(kAppendix);
  Token* last = word;
  // The row: a number after blanks on the same line, with its `.N` and `-N` parts.
  size_t j = i + 3;
  if (j < seen.size() && seen[j]->getType() == L::NUMBER && same_line_blank(input, word, seen[j])) {
    text += " " + seen[j]->getText();
    last = seen[j++];
    while (j + 1 < seen.size() && (seen[j]->getText() == "-" || seen[j]->getText() == ".") &&
           seen[j + 1]->getType() == L::NUMBER && adjacent(last, seen[j]) && adjacent(seen[j], seen[j + 1])) {
      text += seen[j]->getText() + seen[j + 1]->getText();
      last = seen[j + 1];
      j += 2;
    }
  }
  cite->setText(text);
  cite->setStopIndex(last->getStopIndex());
  for (size_t k = i + 1; k < j; ++k) static_cast<antlr4::CommonToken*>(seen[k])->setChannel(Token::HIDDEN_CHANNEL);
}

}  // namespace

const std::vector<std::pair<std::string, size_t>>& keyword_tokens() {
  static const std::vector<std::pair<std::string, size_t>> list = [] {
    std::vector<std::pair<std::string, size_t>> out;
    antlr4::ANTLRInputStream none("");
    const L lexer(&none);
    const antlr4::dfa::Vocabulary& vocabulary = lexer.getVocabulary();
    for (size_t type = 1; type <= vocabulary.getMaxTokenType(); ++type) {
      const std::string literal = vocabulary.getLiteralName(type);
      // A keyword's literal is a quoted word: 'стандарт'; symbols ('{', '->') are not words.
      if (literal.size() < 3 || literal.front() != '\'') continue;
      const std::string word = literal.substr(1, literal.size() - 2);
      const std::u32string w = decode_utf8(word);
      if (std::all_of(w.begin(), w.end(), [](char32_t c) { return c == U'_' || (c >= 0x400 && c <= 0x4FF); })) out.emplace_back(word, type);
    }
    return out;
  }();
  return list;
}

void check_spellings(antlr4::CommonTokenStream& tokens, const SourceFile& file, Diagnostics& diags) {
  std::vector<Token*> seen;
  for (Token* t : tokens.getTokens())
    if (t->getChannel() == Token::DEFAULT_CHANNEL && t->getType() != Token::EOF) seen.push_back(t);
  std::optional<std::vector<std::string>> known;  // made when first needed
  antlr4::CharStream& input = *tokens.getTokenSource()->getInputStream();
  for (size_t i = 0; i < seen.size(); ++i) {
    auto* t = static_cast<antlr4::CommonToken*>(seen[i]);
    if (t->getChannel() != Token::DEFAULT_CHANNEL) continue;  // taken into a citation
    if (t->getType() == L::CITATION) {
      appendix_citation(seen, i, input, file, diags);
      continue;
    }
    if (t->getType() != L::IDENT || !mixed_script_letter(decode_utf8(t->getText()))) continue;
    if (!known) known = known_words(seen);
    const std::string written = t->getText();
    const Span span = token_span(t);
    const Range range = token_range(t, t);
    std::optional<std::string> meant = report_lookalike(written, *known, &file, span, range, diags);
    if (!meant) meant = report_mixed_script(written, &file, span, range, diags);
    if (!meant) continue;
    t->setText(*meant);
    for (const auto& [word, type] : keyword_tokens())
      if (word == *meant) t->setType(type);
  }
}

}  // namespace ssd
