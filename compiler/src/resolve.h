// Name resolution: collects an instrument's declarations (and the prelude's) into a Scope,
// reports duplicates, and binds every name in its expressions to a Symbol.
#pragma once

#include "scope.h"
#include "ssd/diagnostics.h"

namespace ssd {

Scope resolve(const ast::Module& prelude, const ast::InstrumentDecl& instrument,
              const SourceFile& file, Timeline timeline, Diagnostics& diags);

}  // namespace ssd
