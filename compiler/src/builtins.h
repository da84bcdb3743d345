// The functions the language gives, one row each in the manner of Lua's luaL_Reg: the name a
// drafter writes, what each argument must be, the result, and the op the runtime evaluates it by.
// resolve.cpp binds a call by this table, check.cpp checks it, lower.cpp emits its op; no other
// place names a builtin.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "types.h"

namespace ssd {

struct BuiltinParam {
  bool (*accepts)(const Type&) = nullptr;  // nullptr: any value
  // What it must be, in words, for a diagnostic; nullptr: the name of the type `kind`.
  Type::Kind kind = Type::Error;
  const char* want_kk = nullptr;
  const char* want_en = nullptr;
};

struct Builtin {
  const char* name;
  Op op;               // the evaluator's entry
  std::size_t arity;
  BuiltinParam params[3];
  Type::Kind result;
  bool unit_of_term;   // the op counts in the unit of its term, argument 2
};

// Every row, e.g. for "did you mean".
std::span<const Builtin> builtins();

// The row of `name`, or nullptr when the language gives no such function.
const Builtin* find_builtin(std::string_view name);

}  // namespace ssd
