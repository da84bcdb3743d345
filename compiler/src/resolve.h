// Name resolution: collects an instrument's declarations (and the prelude's) into a Scope,
// reports duplicates, and binds every name in its expressions to a Symbol.
#pragma once

#include "scope.h"
#include "ssd/diagnostics.h"

namespace ssd {

// The new spelling of a field name of the previous release's prelude (`келісімшарт.күні` →
// `шарт.күні`: `шарт`, the law's word for a contract, was a keyword then); nullopt for any other.
std::optional<std::string> renamed_field(const std::string& name);

Scope resolve(const ast::Module& prelude, const ast::InstrumentDecl& instrument,
              const SourceFile& file, Timeline timeline, Diagnostics& diags);

}  // namespace ssd
