// One row per Op, in the manner of Lua's opcode table: its name, what each of its operands a, b
// and c is and the role it plays, and which of the node's own fields it reads. The verifier checks
// operands by it, `ssd compile --dump` names them by it, explanations take a comparison's symbol
// from it. The rows follow the enum's order (ORDER OP); a static check below holds them to it.
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

// ORDER OP
inline constexpr OpInfo kRows[] = {
    // clang-format off
    {Op::Const,         "const",          none, none, none},
    {Op::Field,         "field",          index(Operand::Slot, "slot"), none, none},
    {Op::AsOf,          "as_of",          none, none, none},
    {Op::Present,       "present",        node("value"), none, none},
    {Op::Otherwise,     "otherwise",      node("value"), node("fallback"), none},
    {Op::Not,           "not",            node("operand"), none, none},
    {Op::And,           "and",            node("left"), node("right"), none},
    {Op::Or,            "or",             node("left"), node("right"), none},
    {Op::If,            "if",             node("condition"), node("then"), optional("else")},
    {Op::Neg,           "neg",            node("operand"), none, none},
    {Op::Add,           "add",            node("left"), node("right"), none},
    {Op::Sub,           "sub",            node("left"), node("right"), none},
    {Op::Mul,           "mul",            node("left"), node("right"), none},
    {Op::Div,           "div",            node("left"), node("right"), none},
    {Op::DateAdd,       "date_add",       node("date"), node("term"), none, true},
    {Op::DateSub,       "date_sub",       node("date"), node("term"), none, true},
    {Op::DaysBetween,   "days_between",   node("end"), node("start"), none},
    {Op::Lt,            "lt",             node("left"), node("right"), none, false, "<"},
    {Op::Le,            "le",             node("left"), node("right"), none, false, "≤"},
    {Op::Gt,            "gt",             node("left"), node("right"), none, false, ">"},
    {Op::Ge,            "ge",             node("left"), node("right"), none, false, "≥"},
    {Op::Eq,            "eq",             node("left"), node("right"), none, false, "="},
    {Op::Ne,            "ne",             node("left"), node("right"), none, false, "≠"},
    {Op::In,            "in",             node("member"), node("set"), none},
    {Op::Intersects,    "intersects",     node("set"), node("any_of"), none},
    {Op::Contains,      "contains",       node("set"), node("all_of"), none},
    {Op::Union,         "union",          node("left"), node("right"), none},
    {Op::Map,           "map",            node("members"), index(Operand::Mapping, "mapping"), none},
    {Op::Age,           "age",            node("birth"), node("on"), none},
    {Op::Count,         "count",          node("list"), none, none},
    {Op::EveryPeriod,   "every_period",   node("dates"), node("term"), node("until"), true},
    {Op::Element,       "element",        index(Operand::Depth, "out"), index(Operand::Field, "field"), none},
    {Op::Every,         "every",          node("list"), node("body"), none},
    {Op::Some,          "some",           node("list"), node("body"), none},
    {Op::Sum,           "sum",            node("list"), optional("where"), node("summand")},
    {Op::CountWhere,    "count_where",    node("list"), node("where"), none},
    {Op::TextIn,        "text_in",        node("text"), node("list"), none},
    {Op::Index,         "index",          node("table"), node("key"), none},
    {Op::CalendarEvery, "calendar_every", node("dates"), node("period"), node("until"), true},
    // clang-format on
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
