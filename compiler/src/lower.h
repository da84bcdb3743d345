// Lowering: a checked instrument → the Program the runtime evaluates. Names become slot and node
// numbers here, once, so the runtime never looks a name up.
#pragma once

#include "scope.h"
#include "ssd/internal/program.h"

namespace ssd {

Program lower(const Scope& scope);

}  // namespace ssd
