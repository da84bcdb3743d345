#include "parse.h"

#include <antlr4-runtime.h>

#include <charconv>

#include "SsdLexer.h"
#include "SsdParser.h"
#include "wide_lexer.h"
#include "ssd/internal/text.h"

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

// How a token kind reads in "expected ..." (symbolic tokens; keywords read as themselves).
std::string token_description(size_t type, const antlr4::dfa::Vocabulary& vocab) {
  switch (type) {
    case Token::EOF: return "файл соңы (end of file)";
    case g::SsdLexer::IDENT: return "атау (name)";
    case g::SsdLexer::STRING: return "жол (\"string\")";
    case g::SsdLexer::NUMBER: return "сан (number)";
    case g::SsdLexer::DATE: return "дата (YYYY-MM-DD)";
    case g::SsdLexer::CITATION: return "сілтеме (§ 5.1)";
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

std::string expected_list(const antlr4::misc::IntervalSet& set, const antlr4::dfa::Vocabulary& vocab) {
  std::string out;
  std::vector<ssize_t> types = set.toList();
  const bool expression = set.contains(size_t{g::SsdLexer::IDENT}) && set.contains(size_t{g::SsdLexer::NUMBER}) &&
                          set.contains(size_t{g::SsdLexer::IF});
  if (expression) {
    std::erase_if(types, [&](ssize_t t) { return starts_expression(t, vocab); });
    out = "өрнек (expression)";
    if (!types.empty()) out += ", ";
  }
  const size_t shown = std::min<size_t>(types.size(), 8);
  for (size_t i = 0; i < shown; ++i) {
    if (i) out += i + 1 == shown && shown == types.size() ? " / " : ", ";
    out += token_description(static_cast<size_t>(types[i]), vocab);
  }
  if (shown < types.size()) out += ", ...";
  return out;
}

Span token_span(const Token* t) {
  if (!t) return {};
  const int length = t->getType() == Token::EOF
      ? 1 : static_cast<int>(t->getStopIndex() - t->getStartIndex() + 1);
  return {static_cast<int>(t->getLine()), static_cast<int>(t->getCharPositionInLine()),
          std::max(length, 1)};
}

std::string token_text(const Token* t) {
  if (!t) return "";
  if (t->getType() == Token::EOF) return "<EOF>";
  return printable(t->getText(), 40);
}

bool is_lexical_error(const Token* t) {
  return t && (t->getType() == g::SsdLexer::UNEXPECTED_CHAR ||
               t->getType() == g::SsdLexer::UNTERMINATED_STRING);
}

// Syntax errors as diagnostics from the table, each naming what was expected. Errors at a token
// the lexer already reported (an unterminated string, a stray character) are not repeated.
class ErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  ErrorStrategy(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

 protected:
  void reportNoViableAlternative(antlr4::Parser* p, const antlr4::NoViableAltException& e) override {
    const Token* t = e.getOffendingToken();
    if (is_lexical_error(t)) return;
    diags_.report(DiagId::syntax_expected, &file_, token_span(t),
                  {token_text(t), expected_list(e.getExpectedTokens(), p->getVocabulary())});
  }
  void reportInputMismatch(antlr4::Parser* p, const antlr4::InputMismatchException& e) override {
    const Token* t = e.getOffendingToken();
    if (is_lexical_error(t)) return;
    diags_.report(DiagId::syntax_expected, &file_, token_span(t),
                  {token_text(t), expected_list(e.getExpectedTokens(), p->getVocabulary())});
  }
  void reportFailedPredicate(antlr4::Parser*, const antlr4::FailedPredicateException& e) override {
    diags_.report(DiagId::syntax_error, &file_, token_span(e.getOffendingToken()),
                  {token_text(e.getOffendingToken())});
  }
  void reportUnwantedToken(antlr4::Parser* p) override {
    if (inErrorRecoveryMode(p)) return;
    beginErrorCondition(p);
    const Token* t = p->getCurrentToken();
    if (is_lexical_error(t)) return;
    diags_.report(DiagId::syntax_extraneous, &file_, token_span(t),
                  {token_text(t), expected_list(getExpectedTokens(p), p->getVocabulary())});
  }
  void reportMissingToken(antlr4::Parser* p) override {
    if (inErrorRecoveryMode(p)) return;
    beginErrorCondition(p);
    const Token* t = p->getCurrentToken();
    if (is_lexical_error(t)) return;
    diags_.report(DiagId::syntax_expected, &file_, token_span(t),
                  {token_text(t), expected_list(getExpectedTokens(p), p->getVocabulary())});
  }

 private:
  const SourceFile& file_;
  Diagnostics& diags_;
};

// Silences ANTLR's console output; every error is reported through ErrorStrategy instead.
class QuietListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer*, Token*, size_t, size_t, const std::string&,
                   std::exception_ptr) override {}
};

class Builder {
 public:
  Builder(const SourceFile& file, antlr4::CharStream& input, antlr4::CommonTokenStream& tokens, Diagnostics& diags)
      : file_(file), input_(input), tokens_(tokens), diags_(diags) {}

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

  std::string text_of(antlr4::ParserRuleContext* ctx) {
    if (!ctx->getStart() || !ctx->getStop()) return "";
    return input_.getText(antlr4::misc::Interval(ctx->getStart()->getStartIndex(),
                                                 ctx->getStop()->getStopIndex()));
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

  ast::InstrumentDecl instrument(g::SsdParser::InstrumentContext* ctx) {
    ast::InstrumentDecl in;
    if (auto* id = ctx->instrumentId()) {
      in.id.text = text_of(id);
      in.id.span = span_of(id);
    }
    in.title = string_value(ctx->STRING());
    for (auto* m : ctx->member()) {
      if (m->metaItem()) in.meta_source.push_back(text_of(m));
      else if (!m->requirement() && !m->provision() && !m->example()) in.declarations_source.push_back(text_of(m));
      if (auto* meta_ctx = m->metaItem()) instrument_meta(in.meta, meta_ctx);
      else if (auto* e = m->enumDecl()) in.enums.push_back(enum_decl(e));
      else if (auto* f = m->fieldDecl()) in.fields.push_back(field_decl(f));
      else if (auto* mp = m->mappingDecl()) in.mappings.push_back(mapping(mp));
      else if (auto* d = m->definition()) in.definitions.push_back({name(d->IDENT()), expr(d->expr())});
      else if (auto* r = m->requirement()) in.requirements.push_back(requirement(r));
      else if (auto* pr = m->provision()) in.provisions.push_back(provision(pr));
      else if (auto* x = m->example()) in.examples.push_back(example(x));
    }
    return in;
  }

  ast::AmendmentDecl amendment(g::SsdParser::AmendmentContext* ctx) {
    ast::AmendmentDecl a;
    a.title = string_value(ctx->STRING());
    a.span = span_of(ctx);
    for (auto* m : ctx->metaItem()) instrument_meta(a.meta, m);
    for (auto* op : ctx->operation()) a.operations.push_back(operation(op));
    return a;
  }

  ast::Operation operation(g::SsdParser::OperationContext* ctx) {
    using P = g::SsdParser;
    ast::Operation op{ast::Operation::Repeal, {}, std::nullopt, span_of(ctx), {}, {}, {}};
    std::vector<P::OperationMemberContext*> members;
    if (auto* c = dynamic_cast<P::NewWordingContext*>(ctx)) {
      op.kind = ast::Operation::NewWording;
      op.instrument = {text_of(c->instrumentId()), span_of(c->instrumentId())};
      op.target = citation(c->CITATION());
      members = c->operationMember();
    } else if (auto* c = dynamic_cast<P::SupplementContext*>(ctx)) {
      op.kind = ast::Operation::Supplement;
      op.instrument = {text_of(c->instrumentId()), span_of(c->instrumentId())};
      op.target = citation(c->CITATION());
      members = c->operationMember();
    } else if (auto* c = dynamic_cast<P::DeletionContext*>(ctx)) {
      op.kind = ast::Operation::Delete;
      op.instrument = {text_of(c->instrumentId()), span_of(c->instrumentId())};
      op.target = citation(c->CITATION());
    } else if (auto* c = dynamic_cast<P::RepealContext*>(ctx)) {
      op.instrument = {text_of(c->instrumentId()), span_of(c->instrumentId())};
    }
    for (auto* m : members) {
      if (auto* r = m->requirement()) op.requirements.push_back(requirement(r));
      else if (auto* p = m->provision()) op.provisions.push_back(provision(p));
      else if (auto* x = m->example()) op.examples.push_back(example(x));
    }
    return op;
  }

  void instrument_meta(ast::Metadata& in, g::SsdParser::MetaItemContext* ctx) {
    if (auto* c = dynamic_cast<g::SsdParser::ApprovedContext*>(ctx)) {
      set_meta(in.approved, meta(c->STRING(), nullptr, c), "бекітілген");
    } else if (auto* c = dynamic_cast<g::SsdParser::WordingContext*>(ctx)) {
      set_meta(in.wording, meta(c->STRING(), nullptr, c), "редакция");
    } else if (auto* c = dynamic_cast<g::SsdParser::ShortNameContext*>(ctx)) {
      set_meta(in.short_name, meta(c->STRING(), nullptr, c), "қысқаша");
    } else if (auto* c = dynamic_cast<g::SsdParser::InForceOnContext*>(ctx)) {
      set_meta(in.in_force, meta(c->STRING(), c->DATE(), c), "күшіне_енеді");
    } else if (auto* c = dynamic_cast<g::SsdParser::InForceAfterPublicationContext*>(ctx)) {
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
    } else if (auto* c = dynamic_cast<g::SsdParser::PartialContext*>(ctx)) {
      set_meta(in.partial, meta(c->STRING(), nullptr, c), "ішінара");
    } else if (auto* c = dynamic_cast<g::SsdParser::NoteContext*>(ctx)) {
      in.notes.push_back(meta(c->STRING(), nullptr, c));
    } else if (auto* c = dynamic_cast<g::SsdParser::RepealedContext*>(ctx)) {
      set_meta(in.repealed, meta(c->STRING(), c->DATE(), c), "күші_жойылады");
    }
  }

  ast::EnumDecl enum_decl(g::SsdParser::EnumDeclContext* ctx) {
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

  ast::TypeRef type_ref(g::SsdParser::TypeRefContext* t) {
    ast::TypeRef r;
    if (!t) return r;
    r.list = t->LIST() != nullptr;
    r.table = t->TABLE() != nullptr;
    r.name = name(t->IDENT());
    return r;
  }

  ast::FieldDecl field_decl(g::SsdParser::FieldDeclContext* ctx) {
    ast::FieldDecl f;
    if (auto* p = ctx->path()) f.path = {text_of(p), span_of(p)};
    if (auto* t = ctx->typeRef()) f.type = type_ref(t);
    else f.object_list = true;
    for (auto* e : ctx->elementField())
      f.elements.push_back({name(e->IDENT()), type_ref(e->typeRef()), string_value(e->STRING())});
    f.json_path = string_value(ctx->STRING());
    if (ctx->STRING()) f.json_span = token_span(ctx->STRING()->getSymbol());
    return f;
  }

  std::vector<ast::Name> names(g::SsdParser::NamesContext* ctx) {
    std::vector<ast::Name> out;
    if (ctx)
      for (auto* n : ctx->IDENT()) out.push_back(name(n));
    return out;
  }

  ast::MappingDecl mapping(g::SsdParser::MappingDeclContext* ctx) {
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

  ast::RequirementDecl requirement(g::SsdParser::RequirementContext* ctx) {
    ast::RequirementDecl r;
    r.source = text_of(ctx);
    const auto ids = ctx->IDENT();
    if (!ids.empty()) r.name = name(ids[0]);
    if (ctx->SEVERITY() && ids.size() > 1) r.severity = name(ids[1]);
    r.citation = citation(ctx->CITATION());
    r.attested = ctx->ATTESTED() != nullptr;
    bool law = false, description = false, condition = false, group = false;
    auto once = [&](bool& seen, antlr4::ParserRuleContext* c, const char* keyword) {
      if (seen) diags_.report(DiagId::duplicate_clause, &file_, span_of(c), {keyword});
      seen = true;
    };
    for (auto* clause : ctx->clause()) {
      if (auto* c = dynamic_cast<g::SsdParser::LawClauseContext*>(clause)) {
        once(law, c, "заңда");
        r.law = string_value(c->STRING());
      } else if (auto* c = dynamic_cast<g::SsdParser::DescriptionClauseContext*>(clause)) {
        once(description, c, "сипаттама");
        const auto s = c->STRING();
        if (!s.empty()) r.description_kk = string_value(s[0]);
        if (s.size() > 1) r.description_en = string_value(s[1]);
      } else if (auto* c = dynamic_cast<g::SsdParser::ConditionClauseContext*>(clause)) {
        once(condition, c, "шарт");
        r.condition = expr(c->expr());
      } else if (auto* c = dynamic_cast<g::SsdParser::GroupClauseContext*>(clause)) {
        once(group, c, "тобы");
        r.group = name(c->IDENT());
      } else if (auto* c = dynamic_cast<g::SsdParser::InspectsClauseContext*>(clause)) {
        if (auto cite = citation(c->CITATION()))
          r.inspects.push_back({{text_of(c->instrumentId()), span_of(c->instrumentId())}, *cite});
      }
    }
    return r;
  }

  ast::ProvisionDecl provision(g::SsdParser::ProvisionContext* ctx) {
    ast::ProvisionDecl p;
    p.source = text_of(ctx);
    p.citation = citation(ctx->CITATION());
    p.span = span_of(ctx);
    for (auto* clause : ctx->provisionClause()) {
      if (auto* c = dynamic_cast<g::SsdParser::ProvisionLawContext*>(clause)) p.law = string_value(c->STRING());
      else if (auto* c = dynamic_cast<g::SsdParser::ProvisionReasonContext*>(clause)) p.reason = string_value(c->STRING());
    }
    return p;
  }

  ast::ExampleDecl example(g::SsdParser::ExampleContext* ctx) {
    ast::ExampleDecl x;
    x.name = string_value(ctx->STRING());
    x.span = span_of(ctx);
    if (auto* j = ctx->json()) {
      x.json = json_text(j);
      x.json_span = span_of(j);
    }
    for (auto* e : ctx->expectation()) {
      const auto ids = e->IDENT();
      if (ids.size() == 2) x.expectations.push_back({citation(e->CITATION()), name(ids[0]), name(ids[1])});
      else if (ids.size() == 1) x.expectations.push_back({citation(e->CITATION()), std::nullopt, name(ids[0])});
    }
    return x;
  }

  std::string unit_name(g::SsdParser::UnitContext* ctx) {
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
    e->source = text_of(ctx);
    return e;
  }

  ast::ExprPtr binary(ast::BinOp op, antlr4::ParserRuleContext* ctx,
                      const std::vector<g::SsdParser::ExprContext*>& operands) {
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

  ast::ExprPtr expr(g::SsdParser::ExprContext* ctx) {
    if (!ctx) return nullptr;
    using P = g::SsdParser;
    if (auto* c = dynamic_cast<P::PrimaryExprContext*>(ctx)) return primary(c->primary());
    if (auto* c = dynamic_cast<P::NegExprContext*>(ctx)) {
      auto e = make(ast::ExprKind::Unary, c);
      e->unop = ast::UnOp::Neg;
      e->args.push_back(expr(c->expr()));
      return e;
    }
    if (auto* c = dynamic_cast<P::NotExprContext*>(ctx)) {
      auto e = make(ast::ExprKind::Unary, c);
      e->unop = ast::UnOp::Not;
      e->args.push_back(expr(c->expr()));
      return e;
    }
    if (auto* c = dynamic_cast<P::OtherwiseExprContext*>(ctx)) return binary(ast::BinOp::Otherwise, c, c->expr());
    if (auto* c = dynamic_cast<P::MulExprContext*>(ctx)) return binary(binop_of(c->op ? c->op->getText() : ""), c, c->expr());
    if (auto* c = dynamic_cast<P::AddExprContext*>(ctx)) return binary(binop_of(c->op ? c->op->getText() : ""), c, c->expr());
    if (auto* c = dynamic_cast<P::CompareExprContext*>(ctx)) return binary(binop_of(c->op ? c->op->getText() : ""), c, c->expr());
    if (auto* c = dynamic_cast<P::InExprContext*>(ctx)) return binary(ast::BinOp::In, c, c->expr());
    if (auto* c = dynamic_cast<P::ContainsExprContext*>(ctx)) return binary(ast::BinOp::Contains, c, c->expr());
    if (auto* c = dynamic_cast<P::AndExprContext*>(ctx)) return binary(ast::BinOp::And, c, c->expr());
    if (auto* c = dynamic_cast<P::OrExprContext*>(ctx)) return binary(ast::BinOp::Or, c, c->expr());
    if (auto* c = dynamic_cast<P::IfExprContext*>(ctx)) {
      auto e = make(ast::ExprKind::If, c);
      for (auto* o : c->expr()) e->args.push_back(expr(o));
      return e;
    }
    if (auto* c = dynamic_cast<P::EveryExprContext*>(ctx)) return binder(ast::ExprKind::Every, c, c->IDENT(), c->expr());
    if (auto* c = dynamic_cast<P::SomeExprContext*>(ctx)) return binder(ast::ExprKind::Some, c, c->IDENT(), c->expr());
    return nullptr;
  }

  // A form that binds a name to each element of a list: args as the operands come, in order.
  ast::ExprPtr binder(ast::ExprKind kind, antlr4::ParserRuleContext* ctx, antlr4::tree::TerminalNode* var,
                      const std::vector<g::SsdParser::ExprContext*>& operands) {
    auto e = make(kind, ctx);
    e->variable = name(var);
    for (auto* o : operands) e->args.push_back(expr(o));
    return e;
  }

  ast::ExprPtr primary(g::SsdParser::PrimaryContext* ctx) {
    if (!ctx) return nullptr;
    using P = g::SsdParser;
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
      auto e = binder(ast::ExprKind::Sum, c, c->IDENT(), c->expr());
      // Written L, [c,] v; kept as L, v[, c].
      if (c->WHERE() && e->args.size() == 3) std::swap(e->args[1], e->args[2]);
      return e;
    }
    if (auto* c = dynamic_cast<P::CountWhereContext*>(ctx)) {
      auto e = binder(ast::ExprKind::CountWhere, c, c->IDENT(1), c->expr());
      e->text = c->IDENT(0)->getText();
      return e;
    }
    if (auto* c = dynamic_cast<P::IndexContext*>(ctx)) {
      auto e = make(ast::ExprKind::Index, c);
      e->text = text_of(c->path());
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
      e->text = text_of(c->path());
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
  if (parts.size() >= 2) c.wording += " " + std::string(parts[1]) + ") тармақшасы";
  for (size_t i = 2; i < parts.size(); ++i) c.wording += ", " + std::string(parts[i]) + "-абзацы";
  return c;
}

ast::Module parse_module(const SourceFile& file, Diagnostics& diags) {
  if (const std::optional<size_t> bad = file.invalid_utf8_at()) {
    diags.report(DiagId::invalid_utf8, &file, {file.line_of_offset(*bad), 0, 1}, {std::to_string(*bad)});
    return {};
  }
  Utf8InputStream input(file.text());
  g::SsdLexer lexer(&input);
  WideLexerSimulator::install(lexer);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  for (Token* t : tokens.getTokens()) {
    if (t->getType() == g::SsdLexer::UNEXPECTED_CHAR)
      diags.report(DiagId::unexpected_char, &file, token_span(t), {t->getText()});
    else if (t->getType() == g::SsdLexer::UNTERMINATED_STRING)
      diags.report(DiagId::unterminated_string, &file, token_span(t));
  }
  g::SsdParser parser(&tokens);
  parser.removeErrorListeners();
  // In two stages, as ANTLR advises: SLL prediction, much the faster, parses every well-formed
  // file of the standards; where it meets an error, the file is parsed again with full LL
  // prediction, which alone reports syntax errors (SLL may stop where LL would go on).
  auto* prediction = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  prediction->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  g::SsdParser::FileContext* tree = nullptr;
  try {
    tree = parser.file();
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  }
  QuietListener quiet;
  if (!tree) {
    parser.reset();
    prediction->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser.addErrorListener(&quiet);
    parser.setErrorHandler(std::make_shared<ErrorStrategy>(file, diags));
    tree = parser.file();
  }
  // A tree with syntax errors has holes; the later passes never see one.
  if (diags.has_errors()) return {};
  Builder builder(file, input, tokens, diags);
  return builder.module(tree);
}

}  // namespace ssd
