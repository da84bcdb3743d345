#include "recovering_parse.h"

#include <algorithm>

#include "SsdLexer.h"
#include "lookalike.h"
#include "spelling_scan.h"
#include "ssd/internal/text.h"
#include "token_place.h"
#include "words.h"

namespace ssd {

namespace g = ssd::grammar;
using antlr4::Token;

namespace {

// How a token kind reads in "expected ..." (symbolic tokens; keywords read as themselves).
std::string token_description(size_t type, const antlr4::dfa::Vocabulary& vocab, Lang lang) {
  switch (type) {
    case Token::EOF: return word(Word::end_of_file, lang);
    case g::SsdLexer::IDENT: return word(Word::name, lang);
    case g::SsdLexer::STRING: return word(Word::text_literal, lang);
    case g::SsdLexer::NUMBER: return word(Word::number_literal, lang);
    case g::SsdLexer::DATE: return word(Word::date_literal, lang);
    case g::SsdLexer::CITATION: return word(Word::citation, lang);
    default: return vocab.getDisplayName(type);
  }
}

// The tokens an expression can start with: where all are expected, "an expression" says it.
bool starts_expression(ssize_t type, const antlr4::dfa::Vocabulary& vocab) {
  using L = g::SsdLexer;
  switch (type) {
    case L::EVERY: case L::SOME: case L::SUM: case L::IF: case L::NOT: case L::TRUE: case L::FALSE:
    case L::DATE: case L::NUMBER: case L::STRING: case L::IDENT:
      return true;
    default: {
      const std::string name = vocab.getDisplayName(static_cast<size_t>(type));
      return name == "'{'" || name == "'-'" || name == "'('";
    }
  }
}

bool is_old_spelling(ssize_t t) {
  return t == g::SsdParser::OLD_LAW || t == g::SsdParser::OLD_REASON || t == g::SsdParser::OLD_IN;
}

std::string expected_in(const antlr4::misc::IntervalSet& set, const antlr4::dfa::Vocabulary& vocab, Lang lang) {
  std::string out;
  std::vector<ssize_t> types = set.toList();
  // The old spellings are read to be reported, never asked for.
  std::erase_if(types, is_old_spelling);
  const bool expression = set.contains(size_t{g::SsdLexer::IDENT}) && set.contains(size_t{g::SsdLexer::NUMBER}) &&
                          set.contains(size_t{g::SsdLexer::IF});
  if (expression) {
    std::erase_if(types, [&](ssize_t t) { return starts_expression(t, vocab); });
    out = word(Word::expression, lang);
    if (!types.empty()) out += ", ";
  }
  const size_t shown = std::min<size_t>(types.size(), 8);
  for (size_t i = 0; i < shown; ++i) {
    if (i) out += i + 1 == shown && shown == types.size() ? " / " : ", ";
    out += token_description(static_cast<size_t>(types[i]), vocab, lang);
  }
  if (shown < types.size()) out += ", ...";
  return out;
}

// What was expected, as a diagnostic's argument in both languages.
std::string expected_list(const antlr4::misc::IntervalSet& set, const antlr4::dfa::Vocabulary& vocab) {
  return bilingual(expected_in(set, vocab, Lang::Kk), expected_in(set, vocab, Lang::En));
}

std::string token_text(const Token* t) {
  if (!t) return "";
  if (t->getType() == Token::EOF) return "<EOF>";
  return printable(t->getText(), 40);
}

bool is_lexical_error(const Token* t) {
  return t && (t->getType() == g::SsdLexer::UNEXPECTED_CHAR || t->getType() == g::SsdLexer::UNTERMINATED_STRING);
}

// Where the parser stopped: the token it could not take, the token the failed decision started
// at (the same, unless the parser looked ahead), and what it could have taken there.
struct Failure {
  const Token* offending;
  const Token* start;
  antlr4::misc::IntervalSet expected;
};

// Syntax errors as diagnostics from the table, each naming what was expected, kept apart until
// the parse is final. Errors at a token the lexer already reported (an unterminated string, a
// stray character) are not repeated.
class ErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit ErrorStrategy(const SourceFile& file) : file_(file) {}

  const std::vector<Failure>& failures() const { return failures_; }
  const Diagnostics& diagnostics() const { return diags_; }

 protected:
  void reportNoViableAlternative(antlr4::Parser* p, const antlr4::NoViableAltException& e) override {
    fail(p, e.getOffendingToken(), e.getStartToken(), e.getExpectedTokens());
  }
  void reportInputMismatch(antlr4::Parser* p, const antlr4::InputMismatchException& e) override {
    fail(p, e.getOffendingToken(), e.getOffendingToken(), e.getExpectedTokens());
  }
  void reportFailedPredicate(antlr4::Parser*, const antlr4::FailedPredicateException& e) override {
    failures_.push_back({e.getOffendingToken(), e.getOffendingToken(), {}});
    diags_.report(DiagId::syntax_error, &file_, token_span(e.getOffendingToken()), {token_text(e.getOffendingToken())});
  }
  void reportUnwantedToken(antlr4::Parser* p) override {
    if (inErrorRecoveryMode(p)) return;
    beginErrorCondition(p);
    const Token* t = p->getCurrentToken();
    failures_.push_back({t, t, getExpectedTokens(p)});
    if (is_lexical_error(t)) return;
    diags_.report(DiagId::syntax_extraneous, &file_, token_span(t),
                  {token_text(t), expected_list(getExpectedTokens(p), p->getVocabulary())});
  }
  void reportMissingToken(antlr4::Parser* p) override {
    if (inErrorRecoveryMode(p)) return;
    beginErrorCondition(p);
    fail(p, p->getCurrentToken(), p->getCurrentToken(), getExpectedTokens(p));
  }

 private:
  void fail(antlr4::Parser* p, const Token* t, const Token* start, const antlr4::misc::IntervalSet& expected) {
    failures_.push_back({t, start ? start : t, expected});
    if (is_lexical_error(t)) return;
    diags_.report(DiagId::syntax_expected, &file_, token_span(t), {token_text(t), expected_list(expected, p->getVocabulary())});
  }

  const SourceFile& file_;
  Diagnostics diags_;
  std::vector<Failure> failures_;
};

// Silences ANTLR's console output; every error is reported through ErrorStrategy instead.
class QuietListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer*, Token*, size_t, size_t, const std::string&, std::exception_ptr) override {}
};

struct Attempt {
  std::unique_ptr<g::SsdParser> parser;
  std::shared_ptr<ErrorStrategy> strategy;
  g::SsdParser::FileContext* tree = nullptr;
};

Attempt parse_once(antlr4::CommonTokenStream& tokens, const SourceFile& file, QuietListener& quiet) {
  Attempt a;
  tokens.seek(0);
  a.parser = std::make_unique<g::SsdParser>(&tokens);
  a.parser->removeErrorListeners();
  a.parser->addErrorListener(&quiet);
  a.strategy = std::make_shared<ErrorStrategy>(file);
  a.parser->setErrorHandler(a.strategy);
  a.tree = a.parser->file();
  return a;
}

// A keyword a word may have been meant as, and how near it is: 0 for a Russian or a foreign
// letter in its place, else the edit distance.
struct Candidate {
  std::string word;
  size_t type;
  size_t distance;
};

std::vector<Candidate> candidates(const std::string& written, const antlr4::misc::IntervalSet* expected) {
  const std::u32string w = decode_utf8(written);
  std::vector<Candidate> out;
  for (const auto& [word, type] : keyword_tokens()) {
    if (expected && !expected->contains(type)) continue;
    const std::u32string k = decode_utf8(word);
    if (russian_for_kazakh(w, k) || looks_like(written, word)) out.push_back({word, type, 0});
    else if (close_enough(w, k)) out.push_back({word, type, edit_distance(w, k)});
  }
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.distance < b.distance; });
  if (out.size() > 3) out.resize(3);
  return out;
}

// The words the parser may have stopped at because of them: the token it could not take and the
// one before, or every token of the decision that failed.
std::vector<Token*> suspects(antlr4::CommonTokenStream& tokens, const Failure& f) {
  std::vector<Token*> out;
  const size_t last = f.offending->getTokenIndex();
  size_t first = std::min(f.start->getTokenIndex(), last);
  if (first == last)
    for (size_t i = last; i-- > 0;)
      if (tokens.get(i)->getChannel() == Token::DEFAULT_CHANNEL) {
        first = i;
        break;
      }
  for (size_t i = first; i <= last && out.size() < 4; ++i) {
    Token* t = tokens.get(i);
    if (t->getChannel() == Token::DEFAULT_CHANNEL && t->getType() == g::SsdLexer::IDENT) out.push_back(t);
  }
  return out;
}

// The first token index of an attempt's failures, or none.
std::optional<size_t> first_failure(const Attempt& a) {
  if (a.strategy->failures().empty()) return std::nullopt;
  return a.strategy->failures().front().offending->getTokenIndex();
}

struct Repair {
  Token* token;
  std::string written;  // the word as it was
  std::string keyword;
  Attempt attempt;      // the parse with the word read as the keyword
};

// A word of the first failure read as a keyword, when the parse then gets past it.
std::optional<Repair> repair(antlr4::CommonTokenStream& tokens, const SourceFile& file, QuietListener& quiet,
                             const Failure& f) {
  for (Token* t : suspects(tokens, f)) {
    // The expected set is the one of the failure's own place; elsewhere any keyword may be meant.
    const bool at_failure = t == f.start || t == f.offending;
    const std::string written = t->getText();
    auto* token = static_cast<antlr4::CommonToken*>(t);
    // The keywords the parser could take there first; then any keyword, since a rule that may
    // end (a block without its operation) leaves the word's own keywords out of that set.
    std::vector<Candidate> tried;
    if (at_failure && !f.expected.isEmpty()) tried = candidates(written, &f.expected);
    for (const Candidate& c : candidates(written, nullptr))
      if (std::none_of(tried.begin(), tried.end(), [&](const Candidate& t) { return t.type == c.type; })) tried.push_back(c);
    for (const Candidate& c : tried) {
      token->setType(c.type);
      token->setText(c.word);
      Attempt a = parse_once(tokens, file, quiet);
      const std::optional<size_t> next = first_failure(a);
      if (!next || *next > t->getTokenIndex()) return Repair{t, written, c.word, std::move(a)};
      token->setType(g::SsdLexer::IDENT);
      token->setText(written);
    }
  }
  return std::nullopt;
}

void report_repair(const Repair& r, const SourceFile& file, Diagnostics& diags) {
  const Span span = token_span(r.token);
  const Range range = token_range(r.token, r.token);
  if (report_lookalike(r.written, {r.keyword}, &file, span, range, diags)) return;
  diags.report(DiagId::unknown_keyword, &file, span, {r.written, r.keyword});
  diags.fix({&file, range, r.keyword});
}

// SLL prediction, much the faster, parses every well-formed file of the standards; only where it
// meets an error is the file parsed again with full LL prediction, which alone reports syntax errors
// (SLL may stop where LL would go on), as ANTLR advises.
ParseTree parse_sll(antlr4::CommonTokenStream& tokens) {
  tokens.seek(0);
  auto parser = std::make_unique<g::SsdParser>(&tokens);
  parser->removeErrorListeners();
  parser->getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser->setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    g::SsdParser::FileContext* tree = parser->file();
    return {std::move(parser), tree, true};
  } catch (const antlr4::ParseCancellationException&) {
    return {};
  }
}

}  // namespace

ParseTree parse_tokens(antlr4::CommonTokenStream& tokens, const SourceFile& file, Diagnostics& diags) {
  if (ParseTree fast = parse_sll(tokens); fast.whole) return fast;
  static QuietListener quiet;
  constexpr int kMostRepairs = 50;
  Attempt a = parse_once(tokens, file, quiet);
  for (int repairs = 0; !a.strategy->failures().empty() && repairs < kMostRepairs; ++repairs) {
    std::optional<Repair> r = repair(tokens, file, quiet, a.strategy->failures().front());
    if (!r) break;
    report_repair(*r, file, diags);
    a = std::move(r->attempt);
  }
  for (const Diagnostic& d : a.strategy->diagnostics().all()) diags.report(d.id, d.file, d.span, d.args);
  return {std::move(a.parser), a.tree, a.strategy->failures().empty()};
}

}  // namespace ssd
