// The load-time verifier: what a Program must satisfy before the evaluator may run it. The
// evaluator indexes slots, lists, texts and elements without checks and shifts bits by member
// numbers; every index, length, operand type, enumeration width and record-type link it relies
// on is checked here, once, when a program is loaded (artifact, compile cache, or any other
// loader). The compiler's output satisfies it by construction; the unit tests hold it to that.
#pragma once

#include <cstdint>
#include <string>

#include "ssd/internal/program.h"

namespace ssd {

// The longest chain of nodes from a requirement's root to a leaf: evaluation recurses along it,
// and so do the compiler's passes. 500 levels take under 3 MB of stack in the deepest of them
// (type checking a chain of definitions) under AddressSanitizer; the standards' deepest is 9.
// The compiler reports a deeper expression (diagnostic expression_too_deep).
inline constexpr int kMaxNodeDepth = 500;
// The nodes a requirement's condition visits when a node shared by several parents is counted
// under each: evaluation takes that long, and shared nodes that each use the one before twice
// would double it with every step. The standards' largest is 26. The compiler reports a larger
// one (expression_too_large).
inline constexpr std::uint64_t kMaxUnfoldedNodes = 10000;

// The first day a Date value may hold (0000-01-01) and the last (9999-12-31): the years
// YYYY-MM-DD can write.
inline constexpr Day kFirstDay = -719528;
inline constexpr Day kLastDay = 2932896;

// "" when the program is safe to evaluate; otherwise its first problem, e.g.
// "node 12 (text_in): operand b is dates, expected texts".
std::string verify(const Program& program);

}  // namespace ssd
