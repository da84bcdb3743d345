#include "parse.h"

#include <antlr4-runtime.h>

#include <cctype>
#include <charconv>
#include <filesystem>

#include "support/StringUtils.h"
#include "wide_lexer.h"
#include "blocks.h"
#include "old_spelling.h"
#include "spelling_scan.h"
#include "source_limits.h"
#include "syntax.h"
#include "ssd/internal/text.h"
#include "recovering_parse.h"
#include "token_place.h"
#include "words.h"

namespace ssd {

namespace g = ssd::grammar;
using antlr4::Token;

namespace {

// The source's characters for the lexer, as ANTLR's stream holds them (UTF-32), decoded from
// text already checked to be valid UTF-8 without the general converter ANTLR uses; a token's text
// is cut from that UTF-8 text, never encoded again. The text must outlive the stream.
class Utf8InputStream : public antlr4::ANTLRInputStream {
 public:
  explicit Utf8InputStream(const std::string& text) { load(text); }

  void load(const std::string& text) override {
    text_ = text;
    _data.clear();
    _data.reserve(text.size());
    offsets_.clear();
    offsets_.reserve(text.size() + 1);
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    for (size_t i = 0; i < text.size();) {
      const unsigned char c = s[i];
      const int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
      char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
      for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
      _data.push_back(cp);
      offsets_.push_back(static_cast<std::uint32_t>(i));
      i += 1 + extra;
    }
    offsets_.push_back(static_cast<std::uint32_t>(text.size()));
    p = 0;
  }

  // As ANTLR's: the characters a to b, b past the end cut at the end.
  std::string getText(const antlr4::misc::Interval& interval) override {
    if (interval.a < 0 || interval.b < 0 || static_cast<size_t>(interval.a) >= _data.size()) return "";
    const size_t start = static_cast<size_t>(interval.a);
    const size_t stop = std::min(static_cast<size_t>(interval.b), _data.size() - 1);
    if (stop < start) return "";
    return std::string(text_.substr(offsets_[start], offsets_[stop + 1] - offsets_[start]));
  }

 private:
  std::string_view text_;
  std::vector<std::uint32_t> offsets_;  // per character, its first byte in text_; then the end
};

// A token as the limits scan sees it (source_limits.h). Keywords not named here start
// declarations and clauses; a new operator of the grammar must be named here to be counted.
ScanToken::Kind scan_kind(const Token& t, const antlr4::dfa::Vocabulary& vocab) {
  using L = g::SsdLexer;
  using K = ScanToken::Kind;
  switch (t.getType()) {
    case L::NOT: return K::Not;
    case L::IF: case L::EVERY: case L::SOME: return K::Prefix;
    case L::AND: case L::OR: case L::IN_LIST: case g::SsdParser::OLD_IN: case L::OTHERWISE: case L::THEN: case L::ELSE:
    case L::WHERE:
      return K::Binary;
    case L::IDENT: case L::NUMBER: case L::STRING: case L::DATE: case L::TRUE: case L::FALSE: case L::CITATION:
      return K::Operand;
    default: break;
  }
  static const std::pair<const char*, K> kPunctuation[] = {
      {"'('", K::Open}, {"'['", K::Open}, {"'{'", K::Open}, {"')'", K::Close}, {"']'", K::Close},
      {"'}'", K::Close}, {"'-'", K::Minus}, {"','", K::Separator}, {"'*'", K::Binary}, {"'/'", K::Binary},
      {"'+'", K::Binary}, {"'<'", K::Binary}, {"'<='", K::Binary}, {"'>'", K::Binary}, {"'>='", K::Binary},
      {"'='", K::Binary}, {"'!='", K::Binary}, {"'≤'", K::Binary}, {"'≥'", K::Binary}, {"'≠'", K::Binary}};
  const std::string literal = vocab.getLiteralName(t.getType());
  for (const auto& [text, kind] : kPunctuation)
    if (literal == text) return kind;
  // A keyword: its literal is a word ('стандарт'), not a symbol.
  const bool word = literal.size() > 2 && (static_cast<unsigned char>(literal[1]) >= 0x80 || std::isalpha(
      static_cast<unsigned char>(literal[1])));
  return word ? K::Boundary : K::Other;
}

std::vector<ScanToken> scan_tokens(const std::vector<Token*>& tokens, const antlr4::dfa::Vocabulary& vocab) {
  std::vector<ScanToken> out;
  out.reserve(tokens.size());
  for (const Token* t : tokens)
    if (t->getChannel() == Token::DEFAULT_CHANNEL && t->getType() != Token::EOF)
      out.push_back({scan_kind(*t, vocab), token_span(t)});
  return out;
}

class Builder {
 public:
  Builder(const SourceFile& file, antlr4::CharStream& input, antlr4::CommonTokenStream& tokens, Diagnostics& diags)
      : file_(file), input_(input), tokens_(tokens), diags_(diags) {
    // ANTLR counts code points; the text is UTF-8.
    const std::string& text = file.text();
    byte_at_.reserve(text.size() + 1);
    for (size_t i = 0; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) byte_at_.push_back(static_cast<std::uint32_t>(i));
    byte_at_.push_back(static_cast<std::uint32_t>(text.size()));
  }

  ast::Module module(g::SsdParser::FileContext* ctx) {
    ast::Module m;
    m.file = &file_;
    for (auto* d : ctx->declaration()) {
      if (auto* i = d->instrument()) m.instruments.push_back(instrument(i));
      else if (auto* a = d->amendment()) m.amendments.push_back(amendment(a));
      else if (auto* e = d->enumDecl()) m.enums.push_back(enum_decl(e));
      else if (auto* f = d->fieldDecl()) m.fields.push_back(field_decl(f));
    }
    return m;
  }

 private:
  using P = g::SsdParser;

  ast::Name name(antlr4::tree::TerminalNode* node) {
    if (!node) return {};
    return {node->getText(), token_span(node->getSymbol())};
  }

  Span span_of(antlr4::ParserRuleContext* ctx) {
    Span s = token_span(ctx->getStart());
    if (ctx->getStop() && ctx->getStop()->getLine() == ctx->getStart()->getLine())
      s.length = std::max<int>(1, static_cast<int>(ctx->getStop()->getStopIndex() - ctx->getStart()->getStartIndex() + 1));
    return s;
  }

  Range range_of(antlr4::ParserRuleContext* ctx) { return token_range(ctx->getStart(), ctx->getStop()); }
  Range range_of(antlr4::tree::TerminalNode* node) { return token_range(node->getSymbol(), node->getSymbol()); }

  std::string text_of(antlr4::ParserRuleContext* ctx) {
    if (!ctx->getStart() || !ctx->getStop()) return "";
    return text_between(ctx->getStart(), ctx->getStop());
  }

  // A name as its tokens read (a word with a letter of another script is read as the word it
  // stands for), without blanks between them.
  std::string words_of(antlr4::ParserRuleContext* ctx) {
    if (!ctx->getStart() || !ctx->getStop() || ctx->getStop()->getTokenIndex() < ctx->getStart()->getTokenIndex()) return "";
    std::string out;
    for (size_t i = ctx->getStart()->getTokenIndex(); i <= ctx->getStop()->getTokenIndex(); ++i) {
      const Token* t = tokens_.get(i);
      if (t->getChannel() == Token::DEFAULT_CHANNEL) out += t->getText();
    }
    return out;
  }

  // An expression as written: a view of the file's text, never a copy, so that an expression and
  // each of its parts cost no more than the file.
  std::string_view source_of(antlr4::ParserRuleContext* ctx) {
    if (!ctx->getStart() || !ctx->getStop()) return {};
    const size_t from = byte_at_[ctx->getStart()->getStartIndex()];
    const size_t to = byte_at_[ctx->getStop()->getStopIndex() + 1];
    return to > from ? std::string_view(file_.text()).substr(from, to - from) : std::string_view();
  }

  std::string text_between(const Token* first, const Token* last) {
    if (last->getStopIndex() + 1 < first->getStartIndex()) return "";
    return input_.getText(antlr4::misc::Interval(first->getStartIndex(), last->getStopIndex()));
  }

  void old_spelling(Span span, Range range, const std::string& old_text, const std::string& new_text,
                    const std::string& replacement) {
    diags_.report(DiagId::old_spelling, &file_, span, {old_text, new_text});
    diags_.fix({&file_, range, replacement});
  }

  // A string literal's value: quotes removed, escapes read; a """block""" is taken as written,
  // with its lines' leading white space folded to one space.
  std::string string_value(antlr4::tree::TerminalNode* node) {
    if (!node) return "";
    const std::string raw = node->getText();
    if (raw.size() >= 6 && raw.compare(0, 3, "\"\"\"") == 0) {
      std::string out;
      bool space = false;
      for (char c : raw.substr(3, raw.size() - 6)) {
        if (c == '\n' || c == ' ' || c == '\t') { space = !out.empty(); continue; }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
      }
      return out;
    }
    std::string out;
    for (size_t i = 1; i + 1 < raw.size(); ++i) {
      if (raw[i] != '\\') { out.push_back(raw[i]); continue; }
      const char e = raw[++i];
      switch (e) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        default: {
          Span s = token_span(node->getSymbol());
          diags_.report(DiagId::bad_escape, &file_, s, {std::string("\\") + e});
        }
      }
    }
    return out;
  }

  std::optional<Day> date_value(antlr4::tree::TerminalNode* node) {
    if (!node) return std::nullopt;
    const std::optional<Day> d = parse_date(node->getText());
    if (!d) diags_.report(DiagId::bad_date, &file_, token_span(node->getSymbol()), {node->getText()});
    return d;
  }

  std::optional<ast::Citation> citation(antlr4::tree::TerminalNode* node) {
    if (!node) return std::nullopt;
    std::optional<ast::Citation> c = parse_citation(node->getText());
    if (!c) {
      diags_.report(DiagId::bad_citation, &file_, token_span(node->getSymbol()), {node->getText()});
      return std::nullopt;
    }
    c->span = token_span(node->getSymbol());
    return c;
  }

  ast::Name id_name(P::InstrumentIdContext* id) {
    if (!id) return {};
    return {words_of(id), span_of(id)};
  }

  ast::MetaValue meta(antlr4::tree::TerminalNode* text, antlr4::tree::TerminalNode* date,
                      antlr4::ParserRuleContext* ctx) {
    ast::MetaValue v;
    v.text = string_value(text);
    if (date) v.date = date_value(date);
    v.span = span_of(ctx);
    return v;
  }

  void set_meta(std::optional<ast::MetaValue>& slot, ast::MetaValue value, const char* keyword) {
    if (slot) diags_.report(DiagId::duplicate_meta, &file_, value.span, {keyword});
    slot = std::move(value);
  }

  ast::InstrumentDecl instrument(P::InstrumentContext* ctx) {
    ast::InstrumentDecl in;
    in.id = id_name(ctx->instrumentId());
    in.title = string_value(ctx->STRING());
    for (auto* m : ctx->member()) {
      if (auto* meta_ctx = m->metaItem()) {
        in.meta_source.push_back(text_of(m));
        instrument_meta(in.meta, meta_ctx);
        continue;
      }
      if (m->enumDecl() || m->fieldDecl() || m->mappingDecl() || m->definition() || m->closedList())
        in.declarations_source.push_back(text_of(m));
      if (auto* e = m->enumDecl()) in.enums.push_back(enum_decl(e));
      else if (auto* f = m->fieldDecl()) in.fields.push_back(field_decl(f));
      else if (auto* mp = m->mappingDecl()) in.mappings.push_back(mapping(mp));
      else if (auto* d = m->definition()) in.definitions.push_back({name(d->IDENT()), expr(d->expr())});
      else if (auto* c = m->closedList()) in.closed_lists.push_back(closed_list(c));
      else if (auto* b = m->block()) in.blocks.push_back(block(b, nullptr, false));
      else if (auto* r = m->requirement()) outside_block(r, in.blocks);
      else if (auto* x = m->example()) in.examples.push_back(example(x));
      else if (auto* p = m->pointer()) in.pointers.push_back({id_name(p->instrumentId())});
      else if (auto* i = m->instruction()) {
        const ast::InstructionRef ref = instruction_ref(i);
        diags_.report(DiagId::instruction_without_operation, &file_, ref.span, {ref.number});
      }
    }
    in.end = token_span(ctx->getStop());
    return in;
  }

  // A requirement outside any block: the old form (with its citation) gets the new one as a fix-it;
  // another is the instrument's own, without a provision to cite, which the checker reports.
  void outside_block(P::RequirementContext* r, std::vector<ast::BlockDecl>& blocks) {
    if (r->CITATION() || has_old_law(r)) {
      old_requirement(r, nullptr);
      return;
    }
    ast::BlockDecl top;
    top.kind = ast::BlockKind::Abzats;
    top.span = token_span(r->getStart());
    top.requirements.push_back(requirement(r));
    blocks.push_back(std::move(top));
  }

  static bool has_old_law(P::RequirementContext* r) {
    for (auto* c : r->clause())
      if (dynamic_cast<P::OldLawClauseContext*>(c)) return true;
    return false;
  }

  // The old requirement (`талап x § 5.1 { заңда "..." ... }`): reported, with the requirement in
  // its provision's blocks as the fix-it (outside a block), or without citation and law (inside).
  void old_requirement(P::RequirementContext* r, const ast::BlockDecl* parent) {
    std::optional<ast::Citation> cite = citation(r->CITATION());
    antlr4::tree::TerminalNode* law = nullptr;
    antlr4::ParserRuleContext* law_clause = nullptr;
    for (auto* c : r->clause())
      if (auto* l = dynamic_cast<P::OldLawClauseContext*>(c)) law = l->STRING(), law_clause = l;
    // The requirement without the old parts, as written.
    std::vector<std::pair<const Token*, const Token*>> dropped;
    if (r->CITATION()) dropped.push_back({r->CITATION()->getSymbol(), r->CITATION()->getSymbol()});
    if (law_clause) dropped.push_back({law_clause->getStart(), law_clause->getStop()});
    const int column = static_cast<int>(r->getStart()->getCharPositionInLine());
    const std::string rule = cite ? cite->rule : parent ? parent->key : "";
    const std::string where = parent ? std::string("«") + keyword(parent->kind) + " " + parent->number + " {…}» ішінде"
                                     : "«" + one_line(wrapped(rule, "", "…", 0), std::string::npos) + "»";
    diags_.report(DiagId::old_requirement, &file_, span_of(r), {where});
    if (parent) {
      // Inside a block already: the law's text becomes an абзац of it, where the citation is its own.
      if (cite && cite->rule != parent->key) return;
      const std::string text = without(r, dropped, law ? 2 : 0);
      diags_.fix({&file_, range_of(r), law ? "абзац " + law->getText() + " {\n" + std::string(column + 2, ' ') + text + "\n" +
                                                 std::string(column, ' ') + "}"
                                           : text});
    } else {
      const std::string head = law ? law->getText() : "";
      const std::string text = without(r, dropped, 2 * static_cast<int>(blocks_of_rule(rule).size()));
      diags_.fix({&file_, range_of(r), wrapped(rule, head, text, column)});
    }
  }

  // What `ctx` says without the token stretches `dropped` (a line left empty goes too), its lines
  // after the first indented `indent` more.
  std::string without(antlr4::ParserRuleContext* ctx, const std::vector<std::pair<const Token*, const Token*>>& dropped,
                      int indent) {
    const size_t start = ctx->getStart()->getStartIndex();
    const std::string all = text_of(ctx);
    UTF32String text = antlrcpp::utf8_to_utf32(all.data(), all.data() + all.size());
    for (auto it = dropped.rbegin(); it != dropped.rend(); ++it) {
      size_t a = it->first->getStartIndex() - start, b = it->second->getStopIndex() + 1 - start;
      size_t line_start = a, line_end = b;
      while (line_start > 0 && (text[line_start - 1] == U' ' || text[line_start - 1] == U'\t')) --line_start;
      while (line_end < text.size() && (text[line_end] == U' ' || text[line_end] == U'\t')) ++line_end;
      if ((line_start == 0 || text[line_start - 1] == U'\n') && line_end < text.size() && text[line_end] == U'\n')
        a = line_start, b = line_end + 1;  // alone on its line: the line goes
      else
        b = line_end;  // within a line: it goes with the spaces after it
      text.erase(a, b - a);
    }
    const std::vector<std::string> lines = lines_of(antlrcpp::utf32_to_utf8(text));
    std::string out = lines.front();
    for (size_t i = 1; i < lines.size(); ++i) out += "\n" + (lines[i].empty() ? "" : std::string(indent, ' ')) + lines[i];
    return out;
  }

  static std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    for (size_t start = 0;;) {
      const size_t nl = s.find('\n', start);
      out.push_back(s.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (nl == std::string::npos) return out;
      start = nl + 1;
    }
  }


  ast::AmendmentDecl amendment(P::AmendmentContext* ctx) {
    ast::AmendmentDecl a;
    a.title = string_value(ctx->STRING());
    a.span = span_of(ctx);
    if (auto* id = ctx->instrumentId()) {
      a.id = id_name(id);
    } else {
      const std::string stem = std::filesystem::path(file_.name()).stem().string();
      diags_.report(DiagId::old_amendment, &file_, span_of(ctx), {stem});
      const Span s = token_span(ctx->STRING()->getSymbol());
      diags_.fix({&file_, {s.line, s.column, s.line, s.column}, stem + " "});
    }
    for (auto* m : ctx->metaItem()) instrument_meta(a.meta, m);
    for (auto* c : ctx->change()) {
      if (std::optional<ast::ChangeSection> section = change(c)) a.sections.push_back(std::move(*section));
    }
    return a;
  }

  std::optional<ast::ChangeSection> change(P::ChangeContext* ctx) {
    ast::ChangeSection s;
    s.span = span_of(ctx);
    if (auto* c = dynamic_cast<P::ChangesContext*>(ctx)) {
      s.kind = ast::ChangeSection::Blocks;
      s.instrument = id_name(c->instrumentId());
      for (auto* b : c->block()) s.blocks.push_back(block(b, nullptr, true));
      for (auto* x : c->example()) s.examples.push_back(example(x));
      for (auto* u : c->unencodedInstruction()) s.unencoded.push_back(unencoded_instruction(u));
    } else if (auto* c = dynamic_cast<P::WholeNewWordingContext*>(ctx)) {
      s.kind = ast::ChangeSection::WholeNewWording;
      s.instrument = id_name(c->instrumentId());
      for (auto* m : c->member()) {
        if (auto* b = m->block()) s.blocks.push_back(block(b, nullptr, false));
        else if (auto* x = m->example()) s.examples.push_back(example(x));
        else if (auto* r = m->requirement()) outside_block(r, s.blocks);
        else if (auto* i = m->instruction()) {
          if (s.instruction) diags_.report(DiagId::duplicate_clause, &file_, span_of(i), {"нұсқау"});
          s.instruction = instruction_ref(i);
        }
        else diags_.report(DiagId::syntax_error, &file_, span_of(m), {text_of(m).substr(0, 40)});
      }
    } else if (auto* c = dynamic_cast<P::RepealContext*>(ctx)) {
      s.kind = ast::ChangeSection::Repeal;
      s.instrument = id_name(c->instrumentId());
      if (auto* i = c->instruction()) s.instruction = instruction_ref(i);
    } else if (auto* c = dynamic_cast<P::OldOperationContext*>(ctx)) {
      old_operation(c->instrumentId(), c->CITATION(), c->op, c);
      for (auto* m : c->member()) {
        if (auto* b = m->block()) block(b, nullptr, true);
        else if (auto* r = m->requirement()) old_requirement(r, nullptr);
      }
      return std::nullopt;
    } else if (auto* c = dynamic_cast<P::OldDeletionContext*>(ctx)) {
      old_operation(c->instrumentId(), c->CITATION(), c->DELETE()->getSymbol(), c);
      return std::nullopt;
    }
    return s;
  }

  ast::InstructionRef instruction_ref(P::InstructionContext* ctx) {
    return {ctx->NUMBER() ? ctx->NUMBER()->getText() : "", span_of(ctx), ctx->STRING() ? string_value(ctx->STRING()) : ""};
  }

  ast::UnencodedInstruction unencoded_instruction(P::UnencodedInstructionContext* ctx) {
    ast::UnencodedInstruction u;
    u.span = span_of(ctx);
    u.instruction = {ctx->NUMBER() ? ctx->NUMBER()->getText() : "", u.span, ""};
    const auto strings = ctx->STRING();
    if (!strings.empty()) u.unit = string_value(strings[0]);
    size_t next = 1;  // the strings after the unit: the new text, then those of кодталмайды and ескертпе
    if (auto* op = ctx->blockOperation()) {
      u.operation = op->NEW_WORDING() ? ast::OperationKind::NewWording
                    : op->SUPPLEMENT() ? ast::OperationKind::Supplement : ast::OperationKind::Delete;
      // The new text is the string right after the operation, where there is one.
      if (strings.size() > 1 && strings[1]->getSymbol()->getTokenIndex() == op->getStop()->getTokenIndex() + 1)
        u.text = string_value(strings[next++]);
    }
    for (auto* child : ctx->children) {
      auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child);
      const size_t type = t ? t->getSymbol()->getType() : 0;
      if (type != g::SsdLexer::REASON && type != g::SsdLexer::NOTE && type != g::SsdLexer::JUSTIFICATION) continue;
      if (next >= strings.size()) break;
      ast::MetaValue v{string_value(strings[next++]), std::nullopt, token_span(t->getSymbol())};
      if (type == g::SsdLexer::JUSTIFICATION) {
        if (!u.instruction.justification.empty()) diags_.report(DiagId::duplicate_clause, &file_, v.span, {"негіздемесі"});
        u.instruction.justification = std::move(v.text);
      } else if (type == g::SsdLexer::NOTE) {
        u.notes.push_back(std::move(v));
      } else {
        if (u.reason) diags_.report(DiagId::duplicate_clause, &file_, v.span, {"кодталмайды"});
        u.reason = std::move(v);
      }
    }
    return u;
  }

  // `id § 5 мынадай_редакцияда { ... }`: the operation now heads the block it changes.
  void old_operation(P::InstrumentIdContext* id, antlr4::tree::TerminalNode* cite, const Token* op,
                     antlr4::ParserRuleContext* ctx) {
    const std::optional<ast::Citation> c = citation(cite);
    const std::string rule = c ? c->rule : "";
    const std::string instrument = text_of(id);
    const int column = static_cast<int>(ctx->getStart()->getCharPositionInLine());
    const bool deletion = op->getType() == g::SsdLexer::DELETE;
    // A deletion's block has no braces.
    std::string deleted = one_line(wrapped(rule, op->getText(), "", 0), std::string::npos);
    if (deletion) {
      deleted.erase(deleted.find(op->getText()) + op->getText().size(), 2);  // " {"
      deleted.erase(deleted.rfind(" }"));                                      // its own "}"
    }
    diags_.report(DiagId::old_operation, &file_, span_of(ctx),
                  {"«" + instrument + " { " + (deletion ? deleted : one_line(wrapped(rule, op->getText(), "…", 0), std::string::npos)) + " }»"});
    // The header becomes the instrument's section and the block's opening; the body stays.
    const bool body = ctx->getStop()->getText() == "}";
    std::string opening = wrapped(rule, op->getText(), "", column + 2);
    const size_t depth = blocks_of_rule(rule).size();
    if (body) {
      // Without the closing braces that `wrapped` writes: the body's own brace closes the innermost.
      for (size_t i = 0; i < depth; ++i) opening.erase(opening.rfind('\n'));
      diags_.fix({&file_, token_range(ctx->getStart(), tokens_.get(op->getTokenIndex() + 1)),
                  instrument + " {\n" + std::string(column + 2, ' ') + opening});
      std::string closing;
      for (size_t i = depth; i-- > 1;) closing += "\n" + std::string(column + 2 * i, ' ') + "}";
      const Span end = token_span(ctx->getStop());
      diags_.fix({&file_, {end.line, end.column + 1, end.line, end.column + 1}, closing + "\n" + std::string(column, ' ') + "}"});
    } else {
      diags_.fix({&file_, range_of(ctx), instrument + " { " + deleted + " }"});
    }
  }

  // A block: its place gives its key, `parent` being the block it is written in (none at the top
  // of an instrument or of an order's section).
  ast::BlockDecl block(P::BlockContext* ctx, const ast::BlockDecl* parent, bool in_order) {
    using L = g::SsdLexer;
    ast::BlockDecl b;
    b.span = token_span(ctx->kind);
    b.source = text_of(ctx);
    switch (ctx->kind->getType()) {
      case L::PARAGRAPH: b.kind = ast::BlockKind::Paragraph; break;
      case L::SUBPARAGRAPH: b.kind = ast::BlockKind::SubParagraph; break;
      case L::ABZATS: b.kind = ast::BlockKind::Abzats; break;
      case L::APPENDIX: b.kind = ast::BlockKind::Appendix; break;
      case L::ROW: b.kind = ast::BlockKind::Row; break;
      default: b.kind = ast::BlockKind::Title; break;
    }
    if (ctx->CITATION()) {
      old_provision(ctx);
      return b;
    }
    if (auto* n = ctx->blockNumber()) {
      b.number = text_of(n);
      if (b.number.find('.') != std::string::npos)
        diags_.report(DiagId::bad_block_number, &file_, span_of(n), {b.number});
    }
    place(b, parent);
    if (auto* op = ctx->blockOperation()) {
      b.operation_span = span_of(op);
      b.operation = op->NEW_WORDING() ? ast::OperationKind::NewWording
                    : op->SUPPLEMENT() ? ast::OperationKind::Supplement : ast::OperationKind::Delete;
      if (!in_order) diags_.report(DiagId::operation_outside_order, &file_, b.operation_span, {text_of(op)});
    }
    if (auto* t = dynamic_cast<P::LiteralTextContext*>(ctx->blockText())) {
      b.text = string_value(t->STRING());
      b.text_span = token_span(t->STRING()->getSymbol());
    } else if (auto* t = dynamic_cast<P::SharedTextContext*>(ctx->blockText())) {
      b.text_from_instrument = id_name(t->instrumentId());
      b.text_from = t->CITATION() ? citation(t->CITATION()) : ast::Citation{};
      b.text_span = span_of(t);
    }
    if (auto* body = ctx->blockBody()) {
      b.open = token_span(body->getStart());
      b.close = token_span(body->getStop());
      for (auto* m : body->blockMember()) member_of_block(m, b, in_order);
    }
    return b;
  }

  // The key and the law's words of a block from the blocks around it; a block where it cannot
  // stand is reported.
  void place(ast::BlockDecl& b, const ast::BlockDecl* parent) {
    using K = ast::BlockKind;
    auto inside = [&](K k) { return parent && parent->kind == k; };
    const bool numbered = !b.number.empty();
    const char* where = nullptr;
    std::string key;
    switch (b.kind) {
      case K::Paragraph:
        if (parent) where = "стандарттың не өзгерістің өзінде ғана жазылады / only at the top of an instrument or of an order's section";
        key = b.number;
        break;
      case K::SubParagraph:
        if (!inside(K::Paragraph)) where = "тармақтың ішінде ғана жазылады / only inside a тармақ";
        else key = parent->key + "." + b.number;
        break;
      case K::Abzats:
        if (!numbered) key = parent ? parent->key : "";
        else if (inside(K::SubParagraph)) key = parent->key + "." + b.number;
        // The contract cites a paragraph's абзац as the paragraph; its key tells it apart.
        else if (inside(K::Paragraph)) key = parent->key + kAbzatsMark + b.number;
        else where = "нөмірлі абзац тармақтың не тармақшаның ішінде ғана жазылады / a numbered абзац stands only inside a тармақ or a тармақша";
        break;
      case K::Appendix:
        if (parent) where = "стандарттың не өзгерістің өзінде ғана жазылады / only at the top of an instrument or of an order's section";
        key = "app" + b.number;
        break;
      case K::Row:
        if (!parent) key = b.number;
        else if (inside(K::Appendix)) key = parent->key + ":" + b.number;
        else where = "қосымшаның ішінде не стандарттың өзінде ғана жазылады / only inside a қосымша or at the top";
        break;
      case K::Title:
        if (!inside(K::Appendix)) where = "қосымшаның ішінде ғана жазылады / only inside a қосымша";
        else key = parent->key + ":title";
        break;
    }
    if (where) {
      const size_t split = std::string(where).find(" / ");
      diags_.report(DiagId::bad_block_place, &file_, b.span,
                    {keyword(b.kind), bilingual(std::string(where).substr(0, split), std::string(where).substr(split + 3))});
      return;
    }
    const bool needs_number = b.kind != K::Abzats && b.kind != K::Title;
    if (needs_number && !numbered) {
      diags_.report(DiagId::missing_block_number, &file_, b.span, {keyword(b.kind)});
      return;
    }
    if (b.kind == K::Title && numbered) diags_.report(DiagId::bad_block_number, &file_, b.span, {b.number});
    b.key = key;
    if (key.empty()) return;  // an unnumbered абзац at the top: the instrument's own text
    if (std::optional<ast::Citation> c = citation_of_key(key)) b.wording = c->wording;
  }

  void member_of_block(P::BlockMemberContext* m, ast::BlockDecl& b, bool in_order) {
    if (auto* child = m->block()) {
      b.blocks.push_back(block(child, &b, in_order));
    } else if (auto* r = m->requirement()) {
      if (r->CITATION() || has_old_law(r)) old_requirement(r, &b);
      else b.requirements.push_back(requirement(r));
    } else if (auto* x = m->example()) {
      b.examples.push_back(example(x));
    } else if (auto* p = m->pointer()) {
      b.pointers.push_back({id_name(p->instrumentId())});
    } else if (auto* i = m->instruction()) {
      ast::InstructionRef ref = instruction_ref(i);
      if (!b.operation) diags_.report(DiagId::instruction_without_operation, &file_, ref.span, {ref.number});
      else if (b.instruction) diags_.report(DiagId::duplicate_clause, &file_, ref.span, {"нұсқау"});
      b.instruction = std::move(ref);
    } else if (m->REASON()) {
      ast::MetaValue v = meta(m->STRING(), nullptr, m);
      if (b.reason) diags_.report(DiagId::duplicate_clause, &file_, v.span, {"кодталмайды"});
      b.reason = std::move(v);
    } else if (m->TODO()) {
      if (b.to_do) diags_.report(DiagId::duplicate_clause, &file_, token_span(m->TODO()->getSymbol()), {"әлі_кодталмаған"});
      b.to_do = token_span(m->TODO()->getSymbol());
    } else if (m->NOTE()) {
      b.notes.push_back(meta(m->STRING(), nullptr, m));
    } else {
      // заңда / себебі in a block of the new form: the old provision's clauses.
      diags_.report(DiagId::old_provision, &file_, span_of(m));
    }
  }

  // `тармақ § 5 { заңда "..." себебі "..." }`: reported, with the new block as the fix-it (where
  // the old form is all there is: a block with other content is the reader's to mend).
  void old_provision(P::BlockContext* ctx) {
    const std::optional<ast::Citation> c = citation(ctx->CITATION());
    std::string law, reason;
    bool other = false;
    if (auto* body = ctx->blockBody())
      for (auto* m : body->blockMember()) {
        if (m->OLD_LAW()) law = m->STRING()->getText();
        else if (m->OLD_REASON()) reason = m->STRING()->getText();
        else other = true;
      }
    diags_.report(DiagId::old_provision, &file_, span_of(ctx));
    if (other) return;
    diags_.fix({&file_, range_of(ctx), wrapped(c ? c->rule : "", law, reason.empty() ? "" : "кодталмайды " + reason,
                                              static_cast<int>(ctx->getStart()->getCharPositionInLine()))});
  }

  void instrument_meta(ast::Metadata& in, P::MetaItemContext* ctx) {
    if (auto* c = dynamic_cast<P::ApprovedContext*>(ctx)) {
      set_meta(in.approved, meta(c->STRING(), nullptr, c), "бекітілген");
    } else if (auto* c = dynamic_cast<P::WordingContext*>(ctx)) {
      set_meta(in.wording, meta(c->STRING(), nullptr, c), "редакция");
    } else if (auto* c = dynamic_cast<P::ShortNameContext*>(ctx)) {
      set_meta(in.short_name, meta(c->STRING(), nullptr, c), "қысқаша");
    } else if (auto* c = dynamic_cast<P::InForceOnContext*>(ctx)) {
      set_meta(in.in_force, meta(c->STRING(), c->DATE(), c), "күшіне_енеді");
    } else if (auto* c = dynamic_cast<P::InForceAfterPublicationContext*>(ctx)) {
      ast::MetaValue v = meta(c->STRING(), nullptr, c);
      const auto dates = c->DATE();
      if (!dates.empty()) v.date = date_value(dates[0]);  // the registration: the earliest possible publication
      if (dates.size() > 1) in.published = date_value(dates[1]);
      set_meta(in.in_force, std::move(v), "күшіне_енеді");
      int days = 0;
      const std::string n = c->NUMBER() ? c->NUMBER()->getText() : "0";
      std::from_chars(n.data(), n.data() + n.size(), days);
      in.in_force_days_after_publication = days;
      if (c->unit()) in.in_force_unit = ast::Name{unit_name(c->unit()), span_of(c->unit())};
    } else if (auto* c = dynamic_cast<P::PartialContext*>(ctx)) {
      set_meta(in.partial, meta(c->STRING(), nullptr, c), "ішінара");
    } else if (auto* c = dynamic_cast<P::JustificationContext*>(ctx)) {
      set_meta(in.justification, meta(c->STRING(), nullptr, c), "негіздемесі");
    } else if (auto* c = dynamic_cast<P::NoteContext*>(ctx)) {
      in.notes.push_back(meta(c->STRING(), nullptr, c));
    } else if (auto* c = dynamic_cast<P::RepealedContext*>(ctx)) {
      set_meta(in.repealed, meta(c->STRING(), c->DATE(), c), "күші_жойылады");
      if (c->publicationTerm()) in.repeal_term = publication_term(c->publicationTerm(), c->STRING());
    } else if (auto* c = dynamic_cast<P::PublicationTermItemContext*>(ctx)) {
      if (in.publication_term) diags_.report(DiagId::duplicate_meta, &file_, span_of(c), {"жариялау_мерзімі"});
      in.publication_term = publication_term(c->publicationTerm(), c->STRING());
    }
  }

  ast::PublicationTerm publication_term(P::PublicationTermContext* ctx, antlr4::tree::TerminalNode* why) {
    ast::PublicationTerm t;
    const std::string n = ctx->NUMBER() ? ctx->NUMBER()->getText() : "0";
    std::from_chars(n.data(), n.data() + n.size(), t.count);
    if (ctx->unit()) t.unit = ast::Name{unit_name(ctx->unit()), span_of(ctx->unit())};
    t.why = string_value(why);
    return t;
  }

  ast::EnumDecl enum_decl(P::EnumDeclContext* ctx) {
    ast::EnumDecl e;
    e.name = name(ctx->IDENT());
    e.open = ctx->OPEN() != nullptr;
    for (auto* m : ctx->enumMember()) {
      ast::EnumMemberDecl member;
      member.name = name(m->IDENT());
      const auto strings = m->STRING();
      if (!strings.empty()) member.code = string_value(strings[0]);
      if (strings.size() > 1) member.label = string_value(strings[1]);
      if (auto c = citation(m->CITATION())) member.rule = c->rule;
      member.span = span_of(m);
      e.members.push_back(std::move(member));
    }
    return e;
  }

  ast::TypeRef type_ref(P::TypeRefContext* t) {
    ast::TypeRef r;
    if (!t) return r;
    r.list = t->LIST() != nullptr;
    r.table = t->TABLE() != nullptr;
    r.name = name(t->IDENT());
    return r;
  }

  ast::FieldDecl field_decl(P::FieldDeclContext* ctx) {
    ast::FieldDecl f;
    if (auto* p = ctx->path()) f.path = {words_of(p), span_of(p)};
    if (auto* t = ctx->typeRef()) f.type = type_ref(t);
    else f.object_list = true;
    for (auto* e : ctx->elementField())
      f.elements.push_back({name(e->IDENT()), type_ref(e->typeRef()), string_value(e->STRING())});
    f.json_path = string_value(ctx->STRING());
    if (ctx->STRING()) f.json_span = token_span(ctx->STRING()->getSymbol());
    return f;
  }

  ast::ClosedListDecl closed_list(P::ClosedListContext* ctx) {
    ast::ClosedListDecl c;
    if (auto* p = ctx->path()) c.field = {text_of(p), span_of(p)};
    if (ctx->GROUP()) c.group = name(ctx->IDENT());
    return c;
  }

  std::vector<ast::Name> names(P::NamesContext* ctx) {
    std::vector<ast::Name> out;
    if (ctx)
      for (auto* n : ctx->IDENT()) out.push_back(name(n));
    return out;
  }

  ast::MappingDecl mapping(P::MappingDeclContext* ctx) {
    ast::MappingDecl m;
    const auto ids = ctx->IDENT();
    if (ids.size() > 0) m.name = name(ids[0]);
    if (ids.size() > 1) m.from_enum = name(ids[1]);
    if (ids.size() > 2) m.to_enum = name(ids[2]);
    if (auto c = citation(ctx->CITATION())) m.rule = c->rule;
    for (auto* row : ctx->mappingRow()) {
      const auto sides = row->names();
      if (sides.size() == 2) m.rows.push_back({names(sides[0]), names(sides[1])});
    }
    return m;
  }

  ast::RequirementDecl requirement(P::RequirementContext* ctx) {
    ast::RequirementDecl r;
    r.source = text_of(ctx);
    const auto ids = ctx->IDENT();
    if (!ids.empty()) r.name = name(ids[0]);
    if (ctx->SEVERITY() && ids.size() > 1) r.severity = name(ids[1]);
    r.attested = ctx->ATTESTED() != nullptr;
    bool description = false, condition = false, group = false;
    auto once = [&](bool& seen, antlr4::ParserRuleContext* c, const char* keyword) {
      if (seen) diags_.report(DiagId::duplicate_clause, &file_, span_of(c), {keyword});
      seen = true;
    };
    for (auto* clause : ctx->clause()) {
      if (auto* c = dynamic_cast<P::DescriptionClauseContext*>(clause)) {
        once(description, c, "сипаттама");
        const auto s = c->STRING();
        if (!s.empty()) r.description_kk = string_value(s[0]);
        if (s.size() > 1) r.description_en = string_value(s[1]);
      } else if (auto* c = dynamic_cast<P::ConditionClauseContext*>(clause)) {
        once(condition, c, "талап_етіледі");
        r.condition = expr(c->expr());
      } else if (auto* c = dynamic_cast<P::GroupClauseContext*>(clause)) {
        once(group, c, "тобы");
        r.group = name(c->IDENT());
      } else if (auto* c = dynamic_cast<P::InspectsClauseContext*>(clause)) {
        if (auto cite = citation(c->CITATION())) r.inspects.push_back({id_name(c->instrumentId()), *cite});
      }
    }
    return r;
  }

  ast::ExampleDecl example(P::ExampleContext* ctx) {
    ast::ExampleDecl x;
    x.name = string_value(ctx->STRING());
    x.span = span_of(ctx);
    if (auto* j = dynamic_cast<P::JsonRecordContext*>(ctx->record())) {
      x.json = json_text(j->json());
      x.record_span = span_of(j);
    } else if (auto* k = dynamic_cast<P::KazakhRecordContext*>(ctx->record())) {
      x.record_span = span_of(k);
      x.entries.emplace();
      for (auto* e : k->recordEntry()) x.entries->push_back(record_entry(e));
    }
    for (auto* e : ctx->expectation()) {
      const auto ids = e->IDENT();
      if (ids.size() == 2) x.expectations.push_back({citation(e->CITATION()), name(ids[0]), name(ids[1])});
      else if (ids.size() == 1) x.expectations.push_back({citation(e->CITATION()), std::nullopt, name(ids[0])});
    }
    return x;
  }

  ast::RecordEntry record_entry(P::RecordEntryContext* ctx) {
    ast::RecordEntry out;
    if (auto* f = dynamic_cast<P::FieldEntryContext*>(ctx)) {
      out.field = {words_of(f->path()), span_of(f->path())};
      if (f->STRING()) out.key = string_value(f->STRING());
      out.value = record_value(f->recordValue());
    } else if (auto* a = dynamic_cast<P::AttestationEntryContext*>(ctx)) {
      out.answer = citation(a->CITATION());
      out.value = record_value(a->recordValue());
    }
    return out;
  }

  ast::RecordValuePtr record_value(P::RecordValueContext* ctx) {
    auto v = std::make_unique<ast::RecordValue>();
    v->span = span_of(ctx);
    if (auto* c = dynamic_cast<P::NumberValueContext*>(ctx)) {
      v->kind = ast::RecordValue::Number;
      v->text = text_of(c);
      std::erase(v->text, ' ');
    } else if (auto* c = dynamic_cast<P::DateValueContext*>(ctx)) {
      v->kind = ast::RecordValue::Date;
      v->text = c->DATE()->getText();
      date_value(c->DATE());
    } else if (auto* c = dynamic_cast<P::StringValueContext*>(ctx)) {
      v->kind = ast::RecordValue::String;
      v->text = string_value(c->STRING());
    } else if (dynamic_cast<P::TrueValueContext*>(ctx)) {
      v->kind = ast::RecordValue::True;
    } else if (dynamic_cast<P::FalseValueContext*>(ctx)) {
      v->kind = ast::RecordValue::False;
    } else if (auto* c = dynamic_cast<P::MemberValueContext*>(ctx)) {
      v->kind = ast::RecordValue::Name;
      v->text = words_of(c->path());
    } else if (auto* c = dynamic_cast<P::ElementValueContext*>(ctx)) {
      v->kind = ast::RecordValue::Element;
      for (auto* e : c->elementEntry()) v->fields.emplace_back(name(e->IDENT()), record_value(e->recordValue()));
    } else if (auto* c = dynamic_cast<P::ListValueContext*>(ctx)) {
      v->kind = ast::RecordValue::List;
      for (auto* item : c->recordValue()) v->items.push_back(record_value(item));
    }
    return v;
  }

  std::string unit_name(P::UnitContext* ctx) {
    std::string out;
    for (auto* id : ctx->IDENT()) {
      if (!out.empty()) out += ' ';
      out += id->getText();
    }
    return out;
  }

  ast::ExprPtr make(ast::ExprKind kind, antlr4::ParserRuleContext* ctx) {
    auto e = std::make_unique<ast::Expr>();
    e->kind = kind;
    e->span = span_of(ctx);
    e->range = range_of(ctx);
    e->source = source_of(ctx);
    return e;
  }

  ast::ExprPtr binary(ast::BinOp op, antlr4::ParserRuleContext* ctx,
                      const std::vector<P::ExprContext*>& operands) {
    auto e = make(ast::ExprKind::Binary, ctx);
    e->binop = op;
    for (auto* o : operands) e->args.push_back(expr(o));
    return e;
  }

  static ast::BinOp binop_of(const std::string& op) {
    static const std::pair<const char*, ast::BinOp> kOps[] = {
        {"*", ast::BinOp::Mul}, {"/", ast::BinOp::Div}, {"+", ast::BinOp::Add},
        {"-", ast::BinOp::Sub}, {"<", ast::BinOp::Lt},  {"<=", ast::BinOp::Le},
        {"≤", ast::BinOp::Le},  {">", ast::BinOp::Gt},  {">=", ast::BinOp::Ge},
        {"≥", ast::BinOp::Ge},  {"=", ast::BinOp::Eq},  {"!=", ast::BinOp::Ne},
        {"≠", ast::BinOp::Ne}};
    for (const auto& [text, value] : kOps)
      if (op == text) return value;
    return ast::BinOp::Eq;
  }

  // The name of a list a quantifier ranges over, as an expression.
  ast::ExprPtr list_name(P::PathContext* path) {
    auto e = make(ast::ExprKind::Name, path);
    e->text = words_of(path);
    return e;
  }

  ast::ExprPtr negation(antlr4::ParserRuleContext* ctx, P::ExprContext* operand) {
    auto e = make(ast::ExprKind::Unary, ctx);
    e->unop = ast::UnOp::Not;
    e->args.push_back(expr(operand));
    return e;
  }

  // `емес a`, the old prefix negation: `a емес` now. An operand that extends to the right (егер,
  // a quantifier) is put in parentheses so that `емес` still negates all of it.
  ast::ExprPtr old_negation(P::OldNotExprContext* c) {
    auto e = negation(c, c->expr());
    const ast::Expr& a = *e->args[0];
    const bool open = a.kind == ast::ExprKind::If || a.kind == ast::ExprKind::Every || a.kind == ast::ExprKind::Some;
    const Token* not_token = c->NOT()->getSymbol();
    Range operand = range_of(c->expr());
    // `емес (x ішінде S)`: the parentheses were for the prefix; `x ішінде S емес` needs none.
    if (auto* primary = dynamic_cast<P::PrimaryExprContext*>(c->expr()))
      if (auto* parens = dynamic_cast<P::ParensContext*>(primary->primary())) {
        P::ExprContext* inner = parens->expr();
        const bool loose = dynamic_cast<P::AndExprContext*>(inner) || dynamic_cast<P::OrExprContext*>(inner) ||
                           dynamic_cast<P::IfExprContext*>(inner) || dynamic_cast<P::EveryExprContext*>(inner) ||
                           dynamic_cast<P::SomeExprContext*>(inner) || dynamic_cast<P::OldEveryExprContext*>(inner) ||
                           dynamic_cast<P::OldSomeExprContext*>(inner) || dynamic_cast<P::OldNotExprContext*>(inner);
        if (!loose) {
          const Range within = range_of(inner);
          diags_.report(DiagId::old_spelling, &file_, token_span(not_token), {"емес " + one_line(a.source), one_line(text_of(inner)) + " емес"});
          diags_.fix({&file_, {range_of(c->NOT()).line, range_of(c->NOT()).column, within.line, within.column}, ""});
          diags_.fix({&file_, {within.end_line, within.end_column, operand.end_line, operand.end_column}, " емес"});
          return e;
        }
      }
    diags_.report(DiagId::old_spelling, &file_, token_span(not_token), {"емес " + one_line(a.source), one_line(a.source) + " емес"});
    diags_.fix({&file_, {range_of(c->NOT()).line, range_of(c->NOT()).column, operand.line, operand.column}, open ? "(" : ""});
    diags_.fix({&file_, {operand.end_line, operand.end_column, operand.end_line, operand.end_column}, open ? ") емес" : " емес"});
    return e;
  }


  // `v ішінде L`, the old range of a quantifier: `L тізімінде v` now, and `әрбір v ішінде L` is
  // `L тізімінде әрбір v`. `first`..`last` is what the new words replace.
  void old_range(const Token* first, const Token* last, const std::string& replacement) {
    const Range r = token_range(first, last);
    const std::string old = text_between(first, last);
    diags_.report(DiagId::old_spelling, &file_, token_span(first), {one_line(old), one_line(replacement)});
    diags_.fix({&file_, r, replacement});
  }

  ast::ExprPtr expr(P::ExprContext* ctx) {
    if (!ctx) return nullptr;
    if (auto* c = dynamic_cast<P::PrimaryExprContext*>(ctx)) return primary(c->primary());
    if (auto* c = dynamic_cast<P::NegExprContext*>(ctx)) {
      auto e = make(ast::ExprKind::Unary, c);
      e->unop = ast::UnOp::Neg;
      e->args.push_back(expr(c->expr()));
      return e;
    }
    if (auto* c = dynamic_cast<P::NotExprContext*>(ctx)) return negation(c, c->expr());
    if (auto* c = dynamic_cast<P::OldNotExprContext*>(ctx)) return old_negation(c);
    if (auto* c = dynamic_cast<P::OtherwiseExprContext*>(ctx)) return binary(ast::BinOp::Otherwise, c, c->expr());
    if (auto* c = dynamic_cast<P::MulExprContext*>(ctx)) return binary(binop_of(c->op ? c->op->getText() : ""), c, c->expr());
    if (auto* c = dynamic_cast<P::AddExprContext*>(ctx)) return binary(binop_of(c->op ? c->op->getText() : ""), c, c->expr());
    if (auto* c = dynamic_cast<P::CompareExprContext*>(ctx)) return binary(binop_of(c->op ? c->op->getText() : ""), c, c->expr());
    if (auto* c = dynamic_cast<P::InListExprContext*>(ctx))
      return binary(c->SOME() ? ast::BinOp::ContainsSome : ast::BinOp::Contains, c, c->expr());
    if (auto* c = dynamic_cast<P::OldInExprContext*>(ctx)) return binary(ast::BinOp::In, c, c->expr());
    if (auto* c = dynamic_cast<P::AndExprContext*>(ctx)) return binary(ast::BinOp::And, c, c->expr());
    if (auto* c = dynamic_cast<P::OrExprContext*>(ctx)) return binary(ast::BinOp::Or, c, c->expr());
    if (auto* c = dynamic_cast<P::IfExprContext*>(ctx)) {
      auto e = make(ast::ExprKind::If, c);
      for (auto* o : c->expr()) e->args.push_back(expr(o));
      return e;
    }
    if (auto* c = dynamic_cast<P::EveryExprContext*>(ctx)) return quantifier(ast::ExprKind::Every, c, c->path(), c->IDENT(), c->expr());
    if (auto* c = dynamic_cast<P::SomeExprContext*>(ctx)) return quantifier(ast::ExprKind::Some, c, c->path(), c->IDENT(), c->expr());
    if (auto* c = dynamic_cast<P::OldEveryExprContext*>(ctx)) return old_quantifier(ast::ExprKind::Every, c, c->EVERY()->getSymbol(), c->IDENT(), c->expr());
    if (auto* c = dynamic_cast<P::OldSomeExprContext*>(ctx)) return old_quantifier(ast::ExprKind::Some, c, c->SOME()->getSymbol(), c->IDENT(), c->expr());
    return nullptr;
  }

  ast::ExprPtr quantifier(ast::ExprKind kind, antlr4::ParserRuleContext* ctx, P::PathContext* list,
                          antlr4::tree::TerminalNode* var, P::ExprContext* body) {
    auto e = make(kind, ctx);
    e->variable = name(var);
    e->args.push_back(list_name(list));
    e->args.push_back(expr(body));
    return e;
  }

  // `әрбір v ішінде L: c` → `L тізімінде әрбір v: c`.
  ast::ExprPtr old_quantifier(ast::ExprKind kind, antlr4::ParserRuleContext* ctx, const Token* word,
                              antlr4::tree::TerminalNode* var, const std::vector<P::ExprContext*>& operands) {
    auto e = make(kind, ctx);
    e->variable = name(var);
    for (auto* o : operands) e->args.push_back(expr(o));
    if (operands.size() == 2)
      old_range(word, operands[0]->getStop(),
                text_of(operands[0]) + " тізімінде " + word->getText() + " " + var->getText());
    return e;
  }

  ast::ExprPtr primary(P::PrimaryContext* ctx) {
    if (!ctx) return nullptr;
    if (auto* c = dynamic_cast<P::NumberLitContext*>(ctx)) {
      auto e = make(ast::ExprKind::Number, c);
      const std::string text = c->NUMBER()->getText();
      e->number = std::strtod(text.c_str(), nullptr);
      if (auto* u = c->unit()) e->unit = ast::Name{unit_name(u), span_of(u)};
      return e;
    }
    if (auto* c = dynamic_cast<P::DateLitContext*>(ctx)) {
      auto e = make(ast::ExprKind::Date, c);
      e->date = date_value(c->DATE()).value_or(0);
      return e;
    }
    if (auto* c = dynamic_cast<P::StringLitContext*>(ctx)) {
      auto e = make(ast::ExprKind::String, c);
      e->text = string_value(c->STRING());
      return e;
    }
    if (auto* c = dynamic_cast<P::TrueLitContext*>(ctx)) {
      auto e = make(ast::ExprKind::Bool, c);
      e->boolean = true;
      return e;
    }
    if (dynamic_cast<P::FalseLitContext*>(ctx)) return make(ast::ExprKind::Bool, ctx);
    if (auto* c = dynamic_cast<P::SumContext*>(ctx)) {
      // Written L, v, [c,] e; kept as L, e[, c].
      auto e = make(ast::ExprKind::Sum, c);
      e->variable = name(c->IDENT());
      e->args.push_back(list_name(c->path()));
      const auto operands = c->expr();
      e->args.push_back(expr(operands.back()));
      if (c->WHERE()) e->args.push_back(expr(operands.front()));
      return e;
    }
    if (auto* c = dynamic_cast<P::OldSumContext*>(ctx)) {
      auto e = make(ast::ExprKind::Sum, c);
      e->variable = name(c->IDENT());
      const auto operands = c->expr();
      e->args.push_back(expr(operands[0]));
      e->args.push_back(expr(operands.back()));
      if (c->WHERE()) e->args.push_back(expr(operands[1]));
      old_range(c->IDENT()->getSymbol(), operands[0]->getStop(), text_of(operands[0]) + " тізімінде " + c->IDENT()->getText());
      return e;
    }
    if (auto* c = dynamic_cast<P::CountWhereContext*>(ctx)) {
      auto e = make(ast::ExprKind::CountWhere, c);
      e->text = c->IDENT(0)->getText();
      e->variable = name(c->IDENT(1));
      e->args.push_back(list_name(c->path()));
      e->args.push_back(expr(c->expr()));
      return e;
    }
    if (auto* c = dynamic_cast<P::OldCountWhereContext*>(ctx)) {
      auto e = make(ast::ExprKind::CountWhere, c);
      e->text = c->IDENT(0)->getText();
      e->variable = name(c->IDENT(1));
      const auto operands = c->expr();
      for (auto* o : operands) e->args.push_back(expr(o));
      old_range(c->IDENT(1)->getSymbol(), operands[0]->getStop(), text_of(operands[0]) + " тізімінде " + c->IDENT(1)->getText());
      return e;
    }
    if (auto* c = dynamic_cast<P::IndexContext*>(ctx)) {
      auto e = make(ast::ExprKind::Index, c);
      e->text = words_of(c->path());
      e->args.push_back(expr(c->expr()));
      return e;
    }
    if (auto* c = dynamic_cast<P::CallContext*>(ctx)) {
      auto e = make(ast::ExprKind::Call, c);
      e->text = c->IDENT()->getText();
      for (auto* a : c->expr()) e->args.push_back(expr(a));
      return e;
    }
    if (auto* c = dynamic_cast<P::NameContext*>(ctx)) {
      auto e = make(ast::ExprKind::Name, c);
      e->text = words_of(c->path());
      return e;
    }
    if (auto* c = dynamic_cast<P::SetLitContext*>(ctx)) {
      auto e = make(ast::ExprKind::Set, c);
      for (auto* a : c->expr()) e->args.push_back(expr(a));
      return e;
    }
    if (auto* c = dynamic_cast<P::ParensContext*>(ctx)) return expr(c->expr());
    return nullptr;
  }

  // The example's JSON as its tokens say it, comments left out; a bare word must be a JSON one.
  std::string json_text(antlr4::ParserRuleContext* ctx) {
    std::string out;
    for (size_t i = ctx->getStart()->getTokenIndex(); i <= ctx->getStop()->getTokenIndex(); ++i) {
      const Token* t = tokens_.get(i);
      if (t->getChannel() != Token::DEFAULT_CHANNEL) continue;
      const std::string text = t->getText();
      if (t->getType() == g::SsdLexer::IDENT && text != "true" && text != "false" && text != "null")
        diags_.report(DiagId::bad_json, &file_, token_span(t), {"«" + text + "»: true, false, null?"});
      if (!out.empty()) out.push_back(' ');
      out += text;
    }
    return out;
  }

  const SourceFile& file_;
  antlr4::CharStream& input_;
  antlr4::CommonTokenStream& tokens_;
  std::vector<std::uint32_t> byte_at_;  // per code point, and one past the end
  Diagnostics& diags_;
};

}  // namespace

std::optional<ast::Citation> parse_citation(std::string_view text) {
  if (text.substr(0, 2) != "§") return std::nullopt;
  text.remove_prefix(2);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  ast::Citation c;
  static constexpr std::string_view kAppendix = "-қосымша";
  const size_t appendix = text.find(kAppendix);
  if (appendix != std::string_view::npos) {
    const std::string_view number = text.substr(0, appendix);
    std::string_view row = text.substr(appendix + kAppendix.size());
    while (!row.empty() && (row.front() == ' ' || row.front() == '\t')) row.remove_prefix(1);
    if (number.empty()) return std::nullopt;
    if (row.empty()) {  // the whole appendix
      c.rule = "app" + std::string(number);
      c.wording = std::string(number) + "-қосымша";
      return c;
    }
    c.rule = "app" + std::string(number) + ":" + std::string(row);
    c.wording = std::string(number) + "-қосымшаның " + std::string(row) + "-жолы";
    return c;
  }
  if (text.empty()) return std::nullopt;
  c.rule = std::string(text);
  // 5 → 5-тармақ; 5.1 → 5-тармақтың 1) тармақшасы; 5.1.2 → ..., 2-абзацы
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t dot = text.find('.', start);
    parts.push_back(text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  c.wording = std::string(parts[0]) + (parts.size() == 1 ? "-тармақ" : "-тармақтың");
  if (parts.size() >= 2) c.wording += " " + std::string(parts[1]) + (parts.size() == 2 ? ") тармақшасы" : ") тармақшасының");
  // As the law cites an абзац: by its ordinal word, «…тармақшасының екінші абзацы».
  for (size_t i = 2; i < parts.size(); ++i) c.wording += " " + ordinal_kk(std::string(parts[i])) + " абзацы";
  return c;
}

std::unique_ptr<Syntax> parse_syntax(const SourceFile& file, Diagnostics& diags) {
  if (const std::optional<size_t> bad = file.invalid_utf8_at()) {
    diags.report(DiagId::invalid_utf8, &file, {file.line_of_offset(*bad), 0, 1}, {std::to_string(*bad)});
    return nullptr;
  }
  if (!size_within_limits(file, diags)) return nullptr;
  auto syntax = std::make_unique<Syntax>();
  syntax->input = std::make_unique<Utf8InputStream>(file.text());
  syntax->lexer = std::make_unique<g::SsdLexer>(syntax->input.get());
  WideLexerSimulator::install(*syntax->lexer);
  syntax->lexer->removeErrorListeners();
  syntax->tokens = std::make_unique<antlr4::CommonTokenStream>(syntax->lexer.get());
  antlr4::CommonTokenStream& tokens = *syntax->tokens;
  tokens.fill();
  mark_old_spellings(tokens, file, diags);
  check_spellings(tokens, file, diags);
  bool lexical_errors = false;
  for (Token* t : tokens.getTokens()) {
    if (t->getType() == g::SsdLexer::UNEXPECTED_CHAR)
      diags.report(DiagId::unexpected_char, &file, token_span(t), {t->getText()});
    else if (t->getType() == g::SsdLexer::UNTERMINATED_STRING)
      diags.report(DiagId::unterminated_string, &file, token_span(t));
    else continue;
    lexical_errors = true;
  }
  if (!tokens_within_limits(file, scan_tokens(tokens.getTokens(), syntax->lexer->getVocabulary()), diags)) return nullptr;
  ParseTree parsed = parse_tokens(tokens, file, diags);
  syntax->parser = std::move(parsed.parser);
  syntax->tree = parsed.tree;
  syntax->whole = parsed.whole && !lexical_errors;
  return syntax;
}

ast::Module parse_module(const SourceFile& file, Diagnostics& diags) {
  const std::unique_ptr<Syntax> syntax = parse_syntax(file, diags);
  // A tree with syntax errors has holes; the later passes never see one.
  if (!syntax || !syntax->whole) return {};
  Builder builder(file, *syntax->input, *syntax->tokens, diags);
  return builder.module(syntax->tree);
}

}  // namespace ssd
