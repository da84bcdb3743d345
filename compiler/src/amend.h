// Amending orders applied to an instrument in date order: each operation ends the wordings it
// replaces or deletes and starts the ones it gives, from the order's date.
#pragma once

#include <vector>

#include "scope.h"
#include "ssd/diagnostics.h"

namespace ssd {

struct AmendmentSource {
  const ast::AmendmentDecl* decl;
  const SourceFile* file;
};

// The instrument's requirements, provisions and examples with their periods, once every order
// of `amendments` that names the instrument is applied.
Timeline apply_amendments(const ast::InstrumentDecl& instrument, const SourceFile& file,
                          const std::vector<AmendmentSource>& amendments, Diagnostics& diags);

// True when `rule` is the provision `target` or one of its parts: "5" holds "5" and "5.2";
// "app3" (a whole appendix) holds "app3:18"; "" (the whole instrument) holds every rule.
bool within(const std::string& rule, const std::string& target);

}  // namespace ssd
