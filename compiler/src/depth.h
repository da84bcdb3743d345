// How deep the program lowered from an instrument will be. Each requirement's condition becomes
// a tree of nodes whose definitions are shared, and the type checker, the lowering and the
// evaluator all recurse along its longest chain; a chain of definitions, each using the one before
// it, makes that chain as long as all of them together, whatever limit one expression keeps.
#pragma once

#include "scope.h"

namespace ssd {

// Reports expression_too_deep at each definition or condition whose chain, its definitions
// counted where they are used, is longer than kMaxNodeDepth (the verifier's limit); false then,
// and the instrument is not to be checked further. Runs after resolve, before check; a cycle of
// definitions is left for check to report.
bool check_depth(const Scope& scope, Diagnostics& diags);

}  // namespace ssd
