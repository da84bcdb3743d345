// The functions of the language as an editor offers them: what a drafter writes, and what it
// computes (completion, hover). The compiler's table of builtins is their one home.
#pragma once

#include <string>
#include <vector>

#include "ssd/diagnostics.h"

namespace ssd {

struct FunctionHelp {
  std::string name;
  std::string signature;  // a call with its arguments' names and types, and the result
  std::string meaning;    // what it computes, in the language asked for
};

// Every builtin, and the sum written with the keyword қосынды.
std::vector<FunctionHelp> functions(Lang lang);

}  // namespace ssd
