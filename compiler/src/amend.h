// Amending orders applied to an instrument in date order: each operation ends the wordings it
// replaces or deletes and starts the blocks it gives, from the order's date.
#pragma once

#include <unordered_map>
#include <vector>

#include "scope.h"
#include "ssd/diagnostics.h"

namespace ssd {

struct AmendmentSource {
  const ast::AmendmentDecl* decl;
  const SourceFile* file;
  std::optional<Day> day;  // the first day it applies: its own, or the one a draft is compiled for
};

// One operation of an order's section: a block that carries it, or the whole instrument's new
// wording, or its repeal.
struct OperationRef {
  ast::OperationKind kind;
  std::string target;                  // the key it changes; "" the whole instrument
  Span span;                           // where to report it
  const ast::BlockDecl* block;         // the block that carries it; null for the whole instrument
  const ast::ChangeSection* section;
  const ast::InstructionRef* instruction;  // the order's instruction that makes it, where numbered
};

// The operations of a section, in the order written. With `diags`, a block there that neither
// carries an operation nor only locates blocks that do is reported.
std::vector<OperationRef> operations_of(const ast::ChangeSection& section, const SourceFile& file, Diagnostics* diags);

// The text a block takes from another block of its file (`risk-criteria § 4 мәтінімен`).
using SharedTexts = std::unordered_map<const ast::BlockDecl*, const std::string*>;

// The instrument's provisions, requirements and examples with their periods, once every order of
// `amendments` that names the instrument is applied.
Timeline apply_amendments(const ast::InstrumentDecl& instrument, const SourceFile& file,
                          const std::vector<AmendmentSource>& amendments, const SharedTexts& shared,
                          Diagnostics& diags);

// True when `rule` is the provision `target` or one of its parts: "5" holds "5", "5.2" and its
// абзац "5¶2"; "app3" (a whole appendix) holds "app3:18"; "" (the whole instrument) holds every rule.
bool within(const std::string& rule, const std::string& target);

}  // namespace ssd
