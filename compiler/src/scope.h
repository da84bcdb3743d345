// What a name can mean inside one instrument: its own declarations and the prelude's.
// Built by resolve.cpp, read by check.cpp and lower.cpp.
#pragma once

#include <deque>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ast.h"
#include "ssd/diagnostics.h"

namespace ssd {

struct Symbol {
  enum Kind { Field, Member, Definition, Mapping, AsOf, Function, Element };
  Kind kind;
  int index = -1;    // Field: field; Member: member; Mapping: mapping; Function: builtins(); Element: field of the element
  int enum_id = -1;  // Member; Element: the record type
  const ast::DefinitionDecl* definition = nullptr;
  int depth = 0;     // Element: how many binders out (0: the innermost)
};

struct RecordTypeInfo {
  std::string name;  // the list field's path
  struct FieldType {
    const ast::ElementField* decl;
    Type type;
  };
  std::vector<FieldType> fields;
};

struct EnumInfo {
  const ast::EnumDecl* decl;
  const SourceFile* file;
};

struct FieldInfo {
  const ast::FieldDecl* decl;
  const SourceFile* file;
  Type type;  // Error when its type is an enumeration this instrument does not declare
};

struct MappingInfo {
  const ast::MappingDecl* decl;
  int from_enum = -1, to_enum = -1;
  std::vector<std::uint64_t> image;  // per member of from_enum
};

// A provision (block), requirement or example of the instrument as amended: where it is written
// and, for a wording set or ended by an amending order, from and until when it applies.
template <class Decl>
struct Versioned {
  const Decl* decl;
  const SourceFile* file;
  std::optional<Day> from, until;  // nullopt: the instrument's own period bounds it
  std::string act;                 // the amending order that set this wording; "" for the base text
  // The provision it is written in (Timeline::provisions): a requirement's block, a block's
  // enclosing one; -1 at the top.
  int within = -1;
  bool overlaps(const Versioned& other) const {
    const bool starts_before_other_ends = !from || !other.until || *from < *other.until;
    const bool other_starts_before_end = !other.from || !until || *other.from < *until;
    return starts_before_other_ends && other_starts_before_end;
  }
  bool in_force_on(Day day) const { return (!from || *from <= day) && (!until || day < *until); }
};
using RequirementRef = Versioned<ast::RequirementDecl>;
using ExampleRef = Versioned<ast::ExampleDecl>;
struct ProvisionRef : Versioned<ast::BlockDecl> {
  const std::string* text = nullptr;  // its own text, or the one it takes from another block
};

// `391-2024 өзгерісінде` in an instrument's file: the provision `key` ("" the whole instrument)
// is worded by that order.
struct PointerRef {
  const ast::Pointer* decl;
  std::string key;
  const SourceFile* file;
};

// One change an amending order makes to the instrument (amend.cpp): an operation, or an
// instruction that changes no block, with its day and the provisions it ends and starts.
struct ChangeRef {
  const ast::AmendmentDecl* order;
  const SourceFile* file;              // the order's
  Day day;
  ast::OperationKind kind;
  std::string target;                  // the key it changes; "" the whole instrument
  const ast::InstructionRef* instruction = nullptr;         // none: the order's file does not number it
  const ast::BlockDecl* block = nullptr;                    // the block that carries it
  const ast::UnencodedInstruction* unencoded = nullptr;     // an instruction that changes no block
  Span span;
  std::vector<int> ended, started;     // Timeline::provisions
};

// An instrument with its amending orders applied (amend.cpp).
struct Timeline {
  std::vector<ChangeRef> changes;      // in the order they apply
  std::vector<ProvisionRef> provisions;
  std::vector<RequirementRef> requirements;
  std::vector<ExampleRef> examples;
  std::vector<PointerRef> pointers;
  std::optional<Day> repealed;  // by an amending order
  std::string repealed_by;
  // The orders applied whose first day depends on their unknown publication: from their earliest
  // day, for their publication term (docs/time.md).
  struct UncertainOrder {
    Day from, to;
    std::string act, why;
  };
  std::vector<UncertainOrder> uncertain;
};

struct Scope {
  const ast::InstrumentDecl* instrument = nullptr;
  const SourceFile* file = nullptr;
  Timeline timeline;
  std::vector<EnumInfo> enums;
  std::unordered_map<std::string, int> enum_by_name;
  std::vector<FieldInfo> fields;
  std::vector<RecordTypeInfo> records;
  std::unordered_map<std::string, int> field_by_path;
  std::unordered_map<std::string, std::vector<std::pair<int, int>>> members;  // name → (enum, member)
  std::vector<MappingInfo> mappings;
  std::unordered_map<std::string, int> mapping_by_name;
  std::unordered_map<std::string, const ast::DefinitionDecl*> definitions;
  std::deque<Symbol> symbols;  // stable addresses for Expr::symbol
  // The examples' records written in the drafter's words, as the contract's JSON (check.cpp).
  std::unordered_map<const ast::ExampleDecl*, std::string> example_json;

  const std::string& enum_name(int id) const { return enums[id].decl->name.text; }
  // A type as a diagnostic argument: both languages, the renderer picks one (diagnostics.h).
  std::string type_name(const Type& t) const {
    const std::string e = t.enum_id < 0 ? std::string()
        : t.kind == Type::ObjectList ? records[t.enum_id].name : enum_name(t.enum_id);
    return bilingual(ssd::type_name(t, e, false), ssd::type_name(t, e, true));
  }
};

}  // namespace ssd
