// Units of measure as the law writes them: м², күнтізбелік күн, жұмыс күні, ай, жыл, ...
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "types.h"

namespace ssd {

struct Unit {
  Type type;       // Area or Duration(unit)
  double factor;   // апта = 7 calendar days
};

std::optional<Unit> find_unit(std::string_view written);
// The known units, for the "unknown unit" diagnostic.
std::string known_units();

}  // namespace ssd
