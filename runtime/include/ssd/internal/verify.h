// The load-time verifier: what a Program must satisfy before the evaluator may run it. The
// evaluator indexes slots, lists, texts and elements without checks and shifts bits by member
// numbers; every index, length, operand type, enumeration width and record-type link it relies
// on is checked here, once, when a program is loaded (artifact, compile cache, or any other
// loader). The compiler's output satisfies it by construction; the unit tests hold it to that.
#pragma once

#include <string>

#include "ssd/internal/program.h"

namespace ssd {

// The longest chain of nodes from a requirement's root to a leaf: evaluation recurses along it.
// The compiler reports a deeper expression (diagnostic expression_too_deep).
inline constexpr int kMaxNodeDepth = 2000;

// The first day a Date value may hold (0000-01-01) and the last (9999-12-31): the years
// YYYY-MM-DD can write.
inline constexpr Day kFirstDay = -719528;
inline constexpr Day kLastDay = 2932896;

// "" when the program is safe to evaluate; otherwise its first problem, e.g.
// "node 12 (text_in): operand b is dates, expected texts".
std::string verify(const Program& program);

}  // namespace ssd
