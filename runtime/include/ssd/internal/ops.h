// One row per Op, in the manner of Lua's opcode table (ops.def): its name, what each of its
// operands a, b and c is and the role it plays, which of the node's own fields it reads, and the
// Evaluator's member that computes it. The verifier checks operands by it, `ssd compile --dump`
// names them by it, explanations take a comparison's symbol from it, Evaluator::eval dispatches
// by it. The rows follow the enum's order (ORDER OP); a static check below holds them to it.
#pragma once

#include <cstddef>
#include <iterator>

#include "ssd/internal/program.h"

namespace ssd {

// What an operand is: a node (required, or optional: -1 for none), nothing (-1), or an index
// into another table that the op reads.
enum class Operand : std::uint8_t {
  None,
  Node,
  Optional,
  Slot,     // Program::slots
  Depth,    // quantifiers out: 0 is the innermost
  Field,    // a field of the record type in `bits`
  Mapping,  // Program::mappings
};

constexpr bool is_index(Operand kind) { return kind >= Operand::Slot; }

struct OperandInfo {
  Operand kind = Operand::None;
  const char* role = nullptr;  // what the operand is to the op, as the dump names it
};

struct OpInfo {
  Op op;
  const char* name;
  OperandInfo a, b, c;
  bool unit = false;       // reads `unit` (besides a Duration value's own)
  const char* symbol = nullptr;  // a comparison's, in explanations
};

namespace op_rows {
constexpr OperandInfo node(const char* role) { return {Operand::Node, role}; }
constexpr OperandInfo optional(const char* role) { return {Operand::Optional, role}; }
constexpr OperandInfo index(Operand kind, const char* role) { return {kind, role}; }
constexpr OperandInfo none{};

// ORDER OP: the rows of ops.def, checked below against the enum.
inline constexpr OpInfo kRows[] = {
#define OP(op, name, a, b, c, unit, symbol, entry) {Op::op, name, a, b, c, unit, symbol},
#include "ssd/internal/ops.def"
#undef OP
};
}  // namespace op_rows

inline constexpr const auto& kOps = op_rows::kRows;

constexpr bool ops_in_order() {
  for (std::size_t i = 0; i < std::size(kOps); ++i)
    if (static_cast<std::size_t>(kOps[i].op) != i) return false;
  return true;
}
static_assert(std::size(kOps) == kOpCount, "kOps: one row per Op");
static_assert(ops_in_order(), "kOps: the rows in the enum's order (ORDER OP)");

// The row of a known op (op < kOpCount).
constexpr const OpInfo& op_info(Op op) { return kOps[static_cast<std::size_t>(op)]; }

}  // namespace ssd
