#include "old_spelling.h"

#include <string_view>

#include "SsdLexer.h"
#include "SsdParser.h"
#include "token_place.h"

namespace ssd {

namespace {

using L = grammar::SsdLexer;
using antlr4::Token;

// Tokens after which an expression has ended: the next word cannot be an operand.
bool ends_operand(size_t type) {
  switch (type) {
    case L::IDENT: case L::STRING: case L::NUMBER: case L::DATE: case L::TRUE: case L::FALSE:
    case L::CITATION:
      return true;
    default: return false;
  }
}

bool is_symbol(const Token* t, std::string_view s) { return t && t->getText() == s; }

// A renamed keyword: its old word, the token it is now, and that token's word.
struct Renamed {
  std::string_view old_word;
  size_t type;
  std::string_view new_word;
};

constexpr Renamed kRenamed[] = {
    {"шарт", L::REQUIRED, "талап_етіледі"},
    {"онда", L::THEN, "болса"},
    {"қамтиды", L::IN_LIST, "тізімінде"},
    {"анықтама", L::DEFINE, "бұдан_әрі"},
    {"сәйкестік", L::MAPPING, "сәйкестік_кестесі"},
    {"кіріс", L::RECORD, "жазба"},
};

}  // namespace

void mark_old_spellings(antlr4::CommonTokenStream& tokens, const SourceFile& file, Diagnostics& diags) {
  // The tokens the parser sees, in order.
  std::vector<antlr4::CommonToken*> seen;
  for (Token* t : tokens.getTokens())
    if (t->getChannel() == Token::DEFAULT_CHANNEL && t->getType() != Token::EOF)
      seen.push_back(static_cast<antlr4::CommonToken*>(t));
  auto at = [&](size_t i, int offset) -> antlr4::CommonToken* {
    const auto j = static_cast<std::ptrdiff_t>(i) + offset;
    return j >= 0 && j < static_cast<std::ptrdiff_t>(seen.size()) ? seen[j] : nullptr;
  };
  auto type_at = [&](size_t i, int offset) -> size_t {
    const Token* t = at(i, offset);
    return t ? t->getType() : Token::EOF;
  };

  int open_ifs = 0;                // `егер` still waiting for its `болса` (once `онда`)
  int depth = 0;                   // braces
  std::vector<int> requirement_bodies;  // the depth of each requirement body we are in
  bool requirement_header = false;
  for (size_t i = 0; i < seen.size(); ++i) {
    antlr4::CommonToken* t = seen[i];
    const size_t type = t->getType();
    if (type == L::REQUIREMENT) requirement_header = true;
    if (is_symbol(t, "{")) {
      ++depth;
      if (requirement_header) requirement_bodies.push_back(depth), requirement_header = false;
    } else if (is_symbol(t, "}")) {
      if (!requirement_bodies.empty() && requirement_bodies.back() == depth) requirement_bodies.pop_back();
      --depth;
    }
    if (type == L::IF) ++open_ifs;
    if (type == L::THEN && open_ifs > 0) --open_ifs;
    if (type != L::IDENT) continue;

    const std::string word = t->getText();
    const bool path_part = is_symbol(at(i, -1), ".") || is_symbol(at(i, 1), ".");
    if (path_part) continue;
    const size_t next = type_at(i, 1);
    bool old = false;
    if (word == "шарт") {
      // A clause of a requirement body: after the end of the clause before it, never an operand.
      old = !requirement_bodies.empty() && requirement_bodies.back() == depth &&
            (ends_operand(type_at(i, -1)) || is_symbol(at(i, -1), "{") || is_symbol(at(i, -1), ")") ||
             is_symbol(at(i, -1), "}"));
    } else if (word == "онда") {
      old = open_ifs > 0;
      if (old) --open_ifs;
    } else if (word == "қамтиды") {
      old = ends_operand(type_at(i, -1)) || is_symbol(at(i, -1), ")") || is_symbol(at(i, -1), "}");
    } else if (word == "анықтама") {
      old = next == L::IDENT && is_symbol(at(i, 2), "=");
    } else if (word == "сәйкестік") {
      old = next == L::IDENT && is_symbol(at(i, 2), ":");
    } else if (word == "кіріс") {
      old = is_symbol(at(i, -1), "{") && type_at(i, -2) == L::STRING && type_at(i, -3) == L::EXAMPLE;
    } else if (word == "заңда" || word == "себебі") {
      // Clauses of the old requirement and provision forms, which the parser adapter reports.
      if (next == L::STRING) t->setType(word == "заңда" ? grammar::SsdParser::OLD_LAW : grammar::SsdParser::OLD_REASON);
      continue;
    } else if (word == "ішінде") {
      // Membership (x ішінде S) or a quantifier's range (әрбір v ішінде L): between two operands.
      if (ends_operand(type_at(i, -1)) || is_symbol(at(i, -1), ")") || is_symbol(at(i, -1), "}"))
        t->setType(grammar::SsdParser::OLD_IN);
      continue;
    }
    if (!old) continue;
    for (const Renamed& r : kRenamed) {
      if (word != r.old_word) continue;
      t->setType(r.type);
      const Span span = token_span(t);
      diags.report(DiagId::old_spelling, &file, span, {word, std::string(r.new_word)});
      diags.fix({&file, {span.line, span.column, span.line, span.column + span.length}, std::string(r.new_word)});
    }
  }
}

}  // namespace ssd
