// The compiler's own syntax tree: what a .ssd file says, with places, and nothing of ANTLR.
// The parser adapter (parse.cpp) builds it; resolve.cpp and check.cpp annotate expressions
// (`symbol`, `type`); lower.cpp turns it into a Program.
#pragma once

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
  Every,       // әрбір v ішінде L: body           args: L, body
  Some,        // кемінде_біреуі v ішінде L: body   args: L, body
  Sum,         // қосынды(v ішінде L [қайда c]: e)  args: L, e[, c]
  CountWhere,  // саны(v ішінде L қайда c)          args: L, c
  Index,       // m["key"]                          args: key; text: the path of m
};

enum class BinOp {
  And, Or, Otherwise, Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, Ne, In, Contains,
};
enum class UnOp { Not, Neg };

const char* to_string(BinOp op);

struct Expr {
  ExprKind kind;
  Span span;
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
  std::optional<Citation> citation;
  std::optional<Name> severity;
  bool attested = false;
  std::string law;
  std::string description_kk, description_en;
  ExprPtr condition;
  std::vector<Inspects> inspects;
  std::optional<Name> group;  // a member of one of the instrument's enumerations (risk criteria: the source group)
};

// A provision encoded as no requirement (a definition, the legal basis, ...), and why.
struct ProvisionDecl {
  std::string source;
  std::optional<Citation> citation;
  Span span;
  std::string law;
  std::string reason;
};

struct Expectation {
  std::optional<Citation> citation;  // none: the record's status
  std::optional<Name> requirement;   // one requirement of the citation, by name
  Name status;
};

struct ExampleDecl {
  std::string name;
  Span span;
  std::string json;  // the input record, verbatim
  Span json_span;
  std::vector<Expectation> expectations;
};

struct MetaValue {
  std::string text;
  std::optional<Day> date;
  Span span;
};

// What an instrument or an amending order says of itself.
struct Metadata {
  std::optional<MetaValue> approved, wording, short_name, in_force, repealed;
  // "in force N calendar days after the first official publication", the act being registered
  // on the date of `in_force`: the publication date is not known, so neither is the first day.
  std::optional<int> in_force_days_after_publication;
  std::optional<Name> in_force_unit;
  std::optional<Day> published;  // the first official publication, where it is known
  // The corpus gives only part of the instrument (ішінара "why"): an amendment may re-word a
  // paragraph the file does not have.
  std::optional<MetaValue> partial;
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
  std::vector<RequirementDecl> requirements;
  std::vector<ProvisionDecl> provisions;
  std::vector<ExampleDecl> examples;
};

// One operation of an amending order on one instrument.
struct Operation {
  enum Kind { NewWording, Supplement, Delete, Repeal };
  Kind kind;
  Name instrument;
  std::optional<Citation> target;  // none for Repeal
  Span span;
  std::vector<RequirementDecl> requirements;
  std::vector<ProvisionDecl> provisions;
  std::vector<ExampleDecl> examples;
};

struct AmendmentDecl {
  std::string title;
  Span span;
  Metadata meta;
  std::vector<Operation> operations;
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
