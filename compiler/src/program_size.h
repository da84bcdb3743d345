// How large the program lowered from an instrument will be. Each requirement's condition becomes
// a tree of nodes whose definitions are shared: the type checker, the lowering and the evaluator
// recurse along its longest chain, and the evaluator visits a shared definition at every use. A
// chain of definitions, each using the one before it, makes the chain as long as all of them
// together; each using the one before it twice doubles the work with every step. Neither shows
// in one expression, whatever limit it keeps.
#pragma once

#include "scope.h"

namespace ssd {

// Reports expression_too_deep where a definition's or condition's longest chain, its definitions
// counted where they are used, is longer than kMaxNodeDepth, and expression_too_large where the
// nodes it visits, each use of a definition counted, are more than kMaxUnfoldedNodes (the
// verifier's limits); false then, and the instrument is not to be checked further. Runs after
// resolve, before check; a cycle of definitions is left for check to report.
bool check_program_size(const Scope& scope, Diagnostics& diags);

}  // namespace ssd
