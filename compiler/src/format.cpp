// ssd fmt: the canonical layout, made from the parser's tokens (comments included) and the parse
// tree, never from the text by patterns. The rules (docs/cli.md, "ssd fmt"):
//
// - Line breaks are the author's, with three exceptions: a body whose braces are on different
//   lines has each statement on a line of its own and its closing brace on its own line; a run of
//   blank lines becomes one; a body starts and ends without a blank line.
// - A line is indented two spaces a level: statements of a body one level deeper than the body's
//   owner; a statement's continuation lines one level deeper than the statement, or, inside a
//   bracket opened on an earlier line, one level deeper than the line that opened it.
// - Between tokens of a line, one space, except around the `.` of a path and the `-` of an id or
//   a number (6-1), after a unary minus, inside ( ) [ ] and the { } of a set or list, before `,`,
//   before the `:` of a quantifier or a JSON key, and before the `(` of a call or the `[` of an
//   index.
// - Law text in """ keeps its words and line breaks: only the white space that starts and ends its
//   lines changes, continuation lines being one level deeper than the line it starts on. The
//   compiler reads every run of white space in it as one space, so the text means what it meant.
// - Comments are kept byte for byte, each where it was: on the line of the token before it or on
//   a line of its own, indented as the line after it.
#include "ssd/format.h"

#include <algorithm>
#include <stdexcept>

#include "ssd/tokens.h"
#include "spelling_scan.h"
#include "syntax.h"

namespace ssd {

namespace {

namespace g = ssd::grammar;
using antlr4::Token;
using P = g::SsdParser;
using antlr4::tree::TerminalNode;

// What a token is to the layout, from its place in the parse tree.
struct Mark {
  enum Bracket : uint8_t { None, BodyOpen, BodyClose, Open, Close };
  Bracket bracket = None;
  bool statement = false;    // the first token of a statement of a body, or of the file
  bool padded = false;       // a JSON object's brace: a space inside
  bool joiner = false;       // `.` of a path, `-` of an id or a number: no space on either side
  bool prefix = false;       // unary minus: no space after
  bool attached = false;     // `(` of a call, `[` of an index: no space before
  bool tight_colon = false;  // `v: …`, `"key": …`
  size_t partner = 0;        // a body brace's other brace
};

bool owns_body(antlr4::ParserRuleContext* c) {
  return dynamic_cast<P::InstrumentContext*>(c) || dynamic_cast<P::AmendmentContext*>(c) ||
         dynamic_cast<P::ChangesContext*>(c) || dynamic_cast<P::WholeNewWordingContext*>(c) ||
         dynamic_cast<P::OldOperationContext*>(c) || dynamic_cast<P::BlockBodyContext*>(c) ||
         dynamic_cast<P::EnumDeclContext*>(c) || dynamic_cast<P::FieldDeclContext*>(c) ||
         dynamic_cast<P::MappingDeclContext*>(c) || dynamic_cast<P::RequirementContext*>(c) ||
         dynamic_cast<P::ExampleContext*>(c) || dynamic_cast<P::KazakhRecordContext*>(c);
}

bool calls(antlr4::ParserRuleContext* c) {
  return dynamic_cast<P::CallContext*>(c) || dynamic_cast<P::CountWhereContext*>(c) ||
         dynamic_cast<P::OldCountWhereContext*>(c) || dynamic_cast<P::SumContext*>(c) ||
         dynamic_cast<P::OldSumContext*>(c);
}

bool binds_with_colon(antlr4::ParserRuleContext* c) {
  return dynamic_cast<P::EveryExprContext*>(c) || dynamic_cast<P::SomeExprContext*>(c) ||
         dynamic_cast<P::OldEveryExprContext*>(c) || dynamic_cast<P::OldSomeExprContext*>(c) ||
         dynamic_cast<P::SumContext*>(c) || dynamic_cast<P::OldSumContext*>(c) || dynamic_cast<P::JsonPairContext*>(c);
}

class Marker {
 public:
  explicit Marker(std::vector<Mark>& marks) : marks_(marks) {}

  void walk(antlr4::tree::ParseTree* node) {
    auto* ctx = dynamic_cast<antlr4::ParserRuleContext*>(node);
    if (!ctx) return;
    if (dynamic_cast<P::FileContext*>(ctx)) {
      for (auto* d : dynamic_cast<P::FileContext*>(ctx)->declaration()) at(d->getStart()).statement = true;
    } else if (owns_body(ctx)) {
      body(ctx);
    }
    for (auto* child : ctx->children) {
      if (auto* t = dynamic_cast<TerminalNode*>(child)) terminal(ctx, t->getSymbol());
      else walk(child);
    }
  }

 private:
  Mark& at(const Token* t) { return marks_[t->getTokenIndex()]; }

  // The braces of a body and the first token of each statement between them. An example's record
  // is part of its `жазба` statement.
  void body(antlr4::ParserRuleContext* ctx) {
    const Token* open = nullptr;
    for (auto* child : ctx->children) {
      auto* t = dynamic_cast<TerminalNode*>(child);
      const std::string text = t ? t->getText() : "";
      if (!open) {
        if (text == "{") open = t->getSymbol();
        continue;
      }
      if (text == "}") {
        const Token* close = t->getSymbol();
        at(open) .bracket = Mark::BodyOpen;
        at(close).bracket = Mark::BodyClose;
        at(open).partner = close->getTokenIndex();
        at(close).partner = open->getTokenIndex();
        return;
      }
      if (dynamic_cast<P::RecordContext*>(child)) continue;
      if (t) at(t->getSymbol()).statement = true;
      else if (auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(child)) at(rule->getStart()).statement = true;
    }
  }

  void terminal(antlr4::ParserRuleContext* ctx, const Token* t) {
    const std::string text = t->getText();
    Mark& m = at(t);
    if (m.bracket == Mark::BodyOpen || m.bracket == Mark::BodyClose) return;
    const bool set = dynamic_cast<P::SetLitContext*>(ctx) || dynamic_cast<P::ListValueContext*>(ctx) ||
                     dynamic_cast<P::ElementValueContext*>(ctx);
    const bool json = dynamic_cast<P::JsonContext*>(ctx);
    if (text == "{" || text == "}") {
      if (!set && !json) return;
      m.bracket = text == "{" ? Mark::Open : Mark::Close;
      m.padded = json;
    } else if (text == "(" || text == ")" || text == "[" || text == "]") {
      m.bracket = text == "(" || text == "[" ? Mark::Open : Mark::Close;
      m.attached = (text == "(" && calls(ctx)) ||
                   (text == "[" && (dynamic_cast<P::IndexContext*>(ctx) || dynamic_cast<P::FieldEntryContext*>(ctx)));
    } else if (text == ".") {
      m.joiner = true;
    } else if (text == "-") {
      if (dynamic_cast<P::InstrumentIdContext*>(ctx) || dynamic_cast<P::BlockNumberContext*>(ctx)) m.joiner = true;
      else if (dynamic_cast<P::NegExprContext*>(ctx) || dynamic_cast<P::NumberValueContext*>(ctx) || json) m.prefix = true;
    } else if (text == ":") {
      m.tight_colon = binds_with_colon(ctx);
    }
  }

  std::vector<Mark>& marks_;
};

bool is_comment(const Token* t) { return t->getChannel() != Token::DEFAULT_CHANNEL; }

int end_line(const Token* t) {
  const std::string text = t->getText();
  return static_cast<int>(t->getLine()) + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

std::string indent(int level) { return std::string(2 * static_cast<size_t>(std::max(level, 0)), ' '); }

// A """law text""" over lines, its continuation lines at `level`: each line's white space at its
// start and end goes, its words and line breaks stay.
std::string reindented(const std::string& text, int level) {
  std::string out;
  size_t start = 0;
  for (bool first = true;; first = false) {
    const size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!first) {
      line.erase(0, line.find_first_not_of(" \t") == std::string::npos ? line.size() : line.find_first_not_of(" \t"));
      if (!line.empty()) out += indent(level);
    }
    if (nl == std::string::npos) return out + line;
    line.erase(line.find_last_not_of(" \t") + 1);
    out += line + '\n';
    start = nl + 1;
  }
}

class Layout {
 public:
  Layout(const std::vector<Token*>& tokens, const std::vector<Mark>& marks) : tokens_(tokens), marks_(marks) {}

  std::string run() {
    frames_.push_back({true, 0, 0, true});
    const Token* prev = nullptr;
    for (const Token* t : tokens_) {
      if (t->getType() == Token::EOF) break;
      const Mark& m = mark(t);
      if (!prev) {
        line_level_ = level_at_line_start(t);
        out_ += indent(line_level_);
      } else if (breaks_before(prev, t)) {
        const int blank = t->getLine() > static_cast<size_t>(end_line(prev)) + 1 && blank_allowed(prev, t) ? 1 : 0;
        out_ += blank ? "\n\n" : "\n";
        line_level_ = level_at_line_start(t);
        out_ += indent(line_level_);
      } else if (spaced(prev, t)) {
        out_ += ' ';
      }
      out_ += text_of(t);
      if (m.bracket == Mark::BodyOpen) frames_.push_back({true, frames_.back().inner + 1, 0, multiline(t)});
      else if (m.bracket == Mark::Open) frames_.push_back({false, line_level_ + 1, line_level_, false});
      else if ((m.bracket == Mark::BodyClose || m.bracket == Mark::Close) && frames_.size() > 1) frames_.pop_back();
      prev = t;
    }
    if (!out_.empty()) out_ += '\n';
    return out_;
  }

 private:
  struct Frame {
    bool body;       // a body of statements, else a bracket
    int inner;       // the level of the lines inside
    int anchor;      // a bracket: the level of the line it opened on
    bool multiline;  // a body: its braces were on different lines
  };

  const Mark& mark(const Token* t) const { return marks_[t->getTokenIndex()]; }

  bool multiline(const Token* open) const {
    return tokens_[mark(open).partner]->getLine() != open->getLine();
  }

  bool breaks_before(const Token* prev, const Token* t) const {
    const Mark& m = mark(t);
    const bool original = t->getLine() > static_cast<size_t>(end_line(prev));
    if (prev->getType() == g::SsdLexer::LINE_COMMENT) return true;
    if (is_comment(t)) return original;
    if (m.statement && frames_.back().body && frames_.back().multiline) return true;
    if (m.bracket == Mark::BodyClose && frames_.back().multiline) return true;
    // After the brace that opens a body over lines, only a comment stays on the brace's line.
    if (const Token* open = last_body_open(t); open && multiline(open)) return true;
    return original;
  }

  // The opening brace of a body when only comments stand between it and `t`.
  const Token* last_body_open(const Token* t) const {
    for (size_t i = t->getTokenIndex(); i-- > 0;) {
      const Token* before = tokens_[i];
      if (is_comment(before)) continue;
      return mark(before).bracket == Mark::BodyOpen ? before : nullptr;
    }
    return nullptr;
  }

  // Not at a body's start (after its brace and a comment on the brace's line) nor at its end.
  bool blank_allowed(const Token* prev, const Token* t) const {
    if (mark(t).bracket == Mark::BodyClose || mark(prev).bracket == Mark::BodyOpen) return false;
    const Token* open = last_body_open(t);
    return !(open && is_comment(prev) && prev->getLine() == open->getLine());
  }

  int level_at_line_start(const Token* t) const {
    const Frame& f = frames_.back();
    if (is_comment(t)) {
      // As the line after it, but inside a body or bracket that closes there.
      for (size_t i = t->getTokenIndex() + 1; i < tokens_.size(); ++i) {
        const Token* next = tokens_[i];
        if (is_comment(next)) continue;
        if (next->getType() == Token::EOF) return 0;
        const Mark& m = mark(next);
        if (m.bracket == Mark::BodyClose || m.bracket == Mark::Close) return f.inner;
        return level_of(next);
      }
      return 0;
    }
    return level_of(t);
  }

  int level_of(const Token* t) const {
    const Frame& f = frames_.back();
    const Mark& m = mark(t);
    if (m.bracket == Mark::BodyClose) return f.inner - 1;
    if (m.bracket == Mark::Close) return f.anchor;
    if (m.statement || !f.body) return f.inner;
    return f.inner + 1;  // a statement's continuation
  }

  bool spaced(const Token* prev, const Token* t) const {
    const Mark& p = mark(prev);
    const Mark& m = mark(t);
    if (is_comment(prev) || is_comment(t)) return true;
    if (p.joiner || m.joiner || p.prefix || m.attached || m.tight_colon || t->getText() == ",") return false;
    if (p.bracket == Mark::Open && !p.padded) return false;
    if (m.bracket == Mark::Close && !m.padded) return false;
    const bool opens = p.bracket == Mark::Open || p.bracket == Mark::BodyOpen;
    const bool closes = m.bracket == Mark::Close || m.bracket == Mark::BodyClose;
    return !(opens && closes);  // {} and [] when empty
  }

  std::string text_of(const Token* t) const {
    const std::string text = t->getText();
    if (t->getType() == g::SsdLexer::CITATION) return layout_free_text({"CITATION", text, 0, 0, false});
    if (t->getType() == g::SsdLexer::STRING && text.find('\n') != std::string::npos) return reindented(text, line_level_ + 1);
    return text;
  }

  const std::vector<Token*>& tokens_;
  const std::vector<Mark>& marks_;
  std::vector<Frame> frames_;
  int line_level_ = 0;
  std::string out_;
};

// The tokens of a text, each with the kind and meaning that a layout must not change.
std::vector<std::pair<std::string, std::string>> meaning(const SourceFile& file) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const SourceToken& t : lex(file)) out.emplace_back(t.kind, layout_free_text(t));
  return out;
}

}  // namespace

std::vector<SourceToken> lex(const SourceFile& file) {
  std::vector<SourceToken> out;
  if (file.invalid_utf8_at()) return out;
  antlr4::ANTLRInputStream input(file.text());
  g::SsdLexer lexer(&input);
  lexer.removeErrorListeners();
  for (std::unique_ptr<Token> t = lexer.nextToken(); t->getType() != Token::EOF; t = lexer.nextToken()) {
    out.push_back({lexer.getVocabulary().getDisplayName(t->getType()), t->getText(), static_cast<int>(t->getLine()),
                   static_cast<int>(t->getCharPositionInLine()), t->getChannel() != Token::DEFAULT_CHANNEL});
  }
  return out;
}

std::vector<std::string> keywords() {
  std::vector<std::string> out;
  for (const auto& [word, type] : keyword_tokens()) out.push_back(word);
  return out;
}

std::string layout_free_text(const SourceToken& token) {
  const std::string& text = token.text;
  if (token.kind == "CITATION") {
    // "§", one space, and the rest with each run of spaces as one.
    std::string out = "§ ";
    bool space = false;
    for (size_t i = 2; i < text.size(); ++i) {
      const bool blank = text[i] == ' ' || text[i] == '\t';
      if (blank) { space = out.size() > 3; continue; }
      if (space) out += ' ';
      space = false;
      out += text[i];
    }
    return out;
  }
  if (token.kind == "STRING" && text.size() >= 6 && text.compare(0, 3, "\"\"\"") == 0) {
    std::string out;
    bool space = false;
    for (char c : text) {
      if (c == '\n' || c == ' ' || c == '\t') { space = true; continue; }
      if (space) out += ' ';
      space = false;
      out += c;
    }
    return out;
  }
  return text;
}

std::optional<std::string> format_source(const SourceFile& file, Diagnostics& diags) {
  Diagnostics mine;
  const std::unique_ptr<Syntax> syntax = parse_syntax(file, mine);
  if (!syntax || mine.has_errors()) {
    for (const Diagnostic& d : mine.all()) {
      if (d.severity == DiagSeverity::Note) diags.note(d.id, d.file, d.span, d.args);
      else diags.report(d.id, d.file, d.span, d.args);
      for (const FixIt& f : d.fixits) diags.fix(f);
    }
    return std::nullopt;
  }
  const std::vector<Token*>& tokens = syntax->tokens->getTokens();
  std::vector<Mark> marks(tokens.size());
  Marker(marks).walk(syntax->tree);
  std::string text = Layout(tokens, marks).run();
  // The layout changes white space only; should it ever change a token, the file is left as it is.
  if (meaning(SourceFile(file.name(), text)) != meaning(file))
    throw std::logic_error("ssd fmt would change the tokens of " + file.name());
  return text;
}

}  // namespace ssd
