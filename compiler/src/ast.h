// The compiler's own syntax tree: what a .ssd file says, with places, and nothing of ANTLR.
// The parser adapter (parse.cpp) builds it; resolve.cpp and check.cpp annotate expressions
// (`symbol`, `type`); lower.cpp turns it into a Program.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ssd/dates.h"
#include "ssd/source.h"
#include "types.h"

namespace ssd {
struct Symbol;  // scope.h: what a name means, filled in by resolve.cpp
}

namespace ssd::ast {

struct Name {
  std::string text;
  Span span;
};

enum class ExprKind {
  Number, Date, String, Bool, Name, Call, Set, Unary, Binary, If,
  Every,       // L тізімінде әрбір v: body          args: L, body
  Some,        // L тізімінде кемінде_біреуі v: body  args: L, body
  Sum,         // қосынды(L тізімінде v [қайда c]: e) args: L, e[, c]
  CountWhere,  // саны(L тізімінде v қайда c)         args: L, c
  Index,       // m["key"]                          args: key; text: the path of m
};

enum class BinOp {
  And, Or, Otherwise, Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, Ne,
  Contains,      // S тізімінде x: x is a member of S, a subset of it, or a text of the list S
  ContainsSome,  // S тізімінде кемінде_біреуі T: some member of T is in S
  In,            // x ішінде S, the old spelling: reported with its new form, read as before
};
enum class UnOp { Not, Neg };

const char* to_string(BinOp op);

struct Expr {
  ExprKind kind;
  Span span;
  Range range;         // all of it, over lines: for fix-its
  std::string_view source;  // the expression as written, in the file's text, for explanations

  double number = 0;        // Number
  std::optional<Name> unit; // Number: its unit as written
  Day date = 0;             // Date
  bool boolean = false;     // Bool
  std::string text;         // String; Name: the dotted path; Call: the function
  BinOp binop = BinOp::And;
  UnOp unop = UnOp::Not;
  std::vector<std::unique_ptr<Expr>> args;  // operands, call arguments, set members; If: c, t[, e]
  Name variable;                            // Every, Some, Sum, CountWhere: the bound name

  // Filled by the later passes.
  const Symbol* symbol = nullptr;
  Type type;
};
using ExprPtr = std::unique_ptr<Expr>;

struct EnumMemberDecl {
  Name name;
  std::string code;
  std::string label;
  std::string rule;  // from § ...
  Span span;
};

struct EnumDecl {
  Name name;
  bool open = false;
  std::vector<EnumMemberDecl> members;
};

struct TypeRef {
  bool list = false;   // тізім T
  bool table = false;  // кесте T: an object of T keyed by text
  Name name;
};

struct ElementField {
  Name name;
  TypeRef type;
  std::string json_key;
};

struct FieldDecl {
  Name path;
  TypeRef type;
  std::vector<ElementField> elements;  // a list of objects: the fields of each
  bool object_list = false;
  std::string json_path;
  Span json_span;
};

struct MappingRow {
  std::vector<Name> from, to;
};

struct MappingDecl {
  Name name;
  Name from_enum, to_enum;
  std::string rule;
  std::vector<MappingRow> rows;
};

struct DefinitionDecl {
  Name name;
  ExprPtr expr;
};

// жабық <field> [тобы <member>]: the texts of the field (a list of texts), or its keys (a table),
// may only be keys of the instrument's requirements, of that group where one is named.
struct ClosedListDecl {
  Name field;
  std::optional<Name> group;
};

struct Citation {
  std::string rule;     // contract form: "5.1", "app3:18"
  std::string wording;  // the law's form: "5-тармақтың 1) тармақшасы"
  Span span;
};

struct Inspects {
  Name instrument;
  Citation citation;
};

struct RequirementDecl {
  std::string source;  // as written, for consolidated texts
  Name name;
  std::optional<Name> severity;
  bool attested = false;
  std::string description_kk, description_en;
  ExprPtr condition;
  std::vector<Inspects> inspects;
  std::optional<Name> group;  // a member of one of the instrument's enumerations (risk criteria: the source group)
};

// The inspector's answer in an example record written in the drafter's words: `§ 6.4 = ақиқат`.
struct RecordValue;
using RecordValuePtr = std::unique_ptr<RecordValue>;
struct RecordValue {
  enum Kind { Number, Date, String, True, False, Name, List, Element } kind;
  Span span;
  std::string text;  // Number, Date, String (its value), Name (the path as written)
  std::vector<RecordValuePtr> items;                        // List
  std::vector<std::pair<ast::Name, RecordValuePtr>> fields;  // Element: one record of a list
};

// One line of an example record in the drafter's words: a field by its Kazakh path (with a key,
// for a table), or an inspector's answer by citation.
struct RecordEntry {
  Name field;                       // empty for an answer
  std::optional<std::string> key;   // шағымдар["85"]
  std::optional<Citation> answer;   // § 6.4 = ...
  RecordValuePtr value;
};

struct Expectation {
  std::optional<Citation> citation;  // none: the record's status
  std::optional<Name> requirement;   // one requirement of the citation, by name
  Name status;
};

struct ExampleDecl {
  std::string name;
  Span span;
  std::string json;  // the input record in the contract's JSON, verbatim; or empty, and:
  std::optional<std::vector<RecordEntry>> entries;  // the record in the drafter's words
  Span record_span;  // `жазба { … }`
  std::vector<Expectation> expectations;
};

struct MetaValue {
  std::string text;
  std::optional<Day> date;
  Span span;
};

// `391-2024 өзгерісінде`: the amending order that words this provision (or instrument).
struct Pointer {
  Name order;
};

enum class BlockKind { Paragraph, SubParagraph, Abzats, Appendix, Row, Title };

enum class OperationKind { NewWording, Supplement, Delete, Repeal };

// `нұсқау 1.6`: the instruction of the amending order that makes a change — the order's paragraph,
// and the instruction's place in it.
struct InstructionRef {
  std::string number;
  Span span;
  std::string justification;  // негіздемесі "…": why the order makes it, where the file says
};

// `нұсқау 1.2 "1-тараудың тақырыбы" мынадай_редакцияда "…" { кодталмайды "…" }`: an instruction
// that changes no provision encoded here (the approving act's preamble, a chapter's title).
struct UnencodedInstruction {
  InstructionRef instruction;
  std::string unit;                        // the part it changes, in the order's words
  std::optional<OperationKind> operation;  // none: it changes only the Russian text
  std::optional<std::string> text;         // the text it gives, where the corpus has it
  std::optional<MetaValue> reason;         // why it is no block
  std::vector<MetaValue> notes;
  Span span;
};

// A provision of the law as written: its kind and number, its text (once), and what belongs to
// it. In an amending order a block may carry the operation on it; a block without one there only
// locates the blocks inside it.
struct BlockDecl {
  BlockKind kind = BlockKind::Paragraph;
  Span span;               // the keyword
  std::string number;      // as written: "5", "6-1"; empty for тақырыбы and an unnumbered абзац
  // Where it stands, for the blocks within it and the orders that change it: contract §2 form —
  // "5", "5.1", "5.1.2", "app3", "app3:18", "app3:title" — except that a numbered абзац of a
  // paragraph, which the contract cites as its paragraph, has "16¶2" (rule_of_key gives "16").
  std::string key;
  std::string wording;     // the law's form: "5-тармақтың 1) тармақшасы"
  std::optional<OperationKind> operation;
  Span operation_span;
  std::optional<InstructionRef> instruction;  // in an amending order: the instruction that makes the operation
  std::optional<std::string> text;  // its official text, where the block gives one
  Span text_span;
  // Or the text of another block of this file: `risk-criteria § 4 мәтінімен`.
  std::optional<Name> text_from_instrument;
  std::optional<Citation> text_from;
  std::optional<MetaValue> reason;  // кодталмайды "...": not encoded, and why
  std::optional<Span> to_do;        // әлі_кодталмаған: not yet encoded, work still to do
  std::vector<MetaValue> notes;
  std::vector<Pointer> pointers;
  std::vector<BlockDecl> blocks;
  std::vector<RequirementDecl> requirements;
  std::vector<ExampleDecl> examples;
  std::string source;      // as written
  std::optional<Span> open, close;  // the braces of its body, where it has one

  bool has_text() const { return text || text_from; }
  // A provision of the instrument, as opposed to a pointer or a locator of blocks below it.
  bool is_provision() const {
    return has_text() || reason || to_do || !notes.empty() || !requirements.empty() ||
           std::any_of(blocks.begin(), blocks.end(), [](const BlockDecl& b) { return b.is_provision(); });
  }
};

// What an instrument or an amending order says of itself.
// жариялау_мерзімі N күн "why": how long the act's official publication is taken to take. A day
// that depends on the publication is known only as the earliest possible; the real one may fall
// in the N days from it.
struct PublicationTerm {
  int count = 0;
  std::optional<Name> unit;
  std::string why;
};

struct Metadata {
  std::optional<MetaValue> approved, wording, short_name, in_force, repealed;
  // "in force N calendar days after the first official publication", the act being registered
  // on the date of `in_force`: the publication date is not known, so neither is the first day.
  std::optional<int> in_force_days_after_publication;
  std::optional<Name> in_force_unit;
  std::optional<Day> published;  // the first official publication, where it is known
  std::optional<PublicationTerm> publication_term;  // of this act
  std::optional<PublicationTerm> repeal_term;       // of the act that repeals it, on күші_жойылады
  // The corpus gives only part of the instrument (ішінара "why"): an amendment may re-word a
  // paragraph the file does not have.
  std::optional<MetaValue> partial;
  std::optional<MetaValue> justification;  // an amending order's негіздемесі: why it is made
  std::vector<MetaValue> notes;
};

struct InstrumentDecl {
  Name id;
  std::string title;
  Metadata meta;
  // As written: the metadata lines, and the enumerations, fields, mappings and definitions.
  std::vector<std::string> meta_source;
  std::vector<std::string> declarations_source;
  std::vector<EnumDecl> enums;
  std::vector<FieldDecl> fields;
  std::vector<MappingDecl> mappings;
  std::vector<DefinitionDecl> definitions;
  std::vector<ClosedListDecl> closed_lists;
  std::vector<BlockDecl> blocks;
  std::vector<ExampleDecl> examples;
  std::vector<Pointer> pointers;  // orders that word the whole instrument
  Span end;                       // the closing brace
};

// What an amending order changes in one instrument: blocks that carry their operations (or locate
// blocks below them that do), a new wording of the whole instrument, or its repeal.
struct ChangeSection {
  enum Kind { Blocks, WholeNewWording, Repeal };
  Kind kind = Blocks;
  Name instrument;
  Span span;
  std::vector<BlockDecl> blocks;
  std::vector<ExampleDecl> examples;
  std::optional<InstructionRef> instruction;  // of the whole instrument's new wording or repeal
  std::vector<UnencodedInstruction> unencoded;
};

struct AmendmentDecl {
  Name id;  // the order's id: its file's name in standards/amendments/, e.g. 391-2024
  std::string title;
  Span span;
  Metadata meta;
  std::vector<ChangeSection> sections;
};

// One parsed file. The prelude (stdlib/record.ssd) declares enumerations and fields at the top
// level; a standard's file declares instruments.
struct Module {
  const SourceFile* file = nullptr;
  std::vector<EnumDecl> enums;
  std::vector<FieldDecl> fields;
  std::vector<InstrumentDecl> instruments;
  std::vector<AmendmentDecl> amendments;
};

}  // namespace ssd::ast
