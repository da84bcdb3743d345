// An example's record written in the drafter's words — the prelude's Kazakh field names, members
// by name, the inspector's answers by citation — turned into the contract's JSON record that the
// runtime reads (`тексеру_күні = 2021-03-15` → "as_of": "2021-03-15").
#pragma once

#include <optional>
#include <string>

#include "scope.h"
#include "ssd/diagnostics.h"

namespace ssd {

// The record as JSON; nullopt (and diagnostics) when a name or a value does not fit its field.
std::optional<std::string> record_json(const std::vector<ast::RecordEntry>& entries, const Scope& scope,
                                       const SourceFile* file, Diagnostics& diags);

}  // namespace ssd
