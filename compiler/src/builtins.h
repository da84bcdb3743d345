// The functions the language gives, one row each in the manner of Lua's luaL_Reg: the name a
// drafter writes, what each argument must be, the result, and the op the runtime evaluates it by.
// resolve.cpp binds a call by this table, check.cpp checks it, lower.cpp emits its op; no other
// place names a builtin.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "types.h"
#include "words.h"

namespace ssd {

struct BuiltinParam {
  bool (*accepts)(const Type&) = nullptr;  // nullptr: any value
  // What it must be, for a diagnostic: the name of the type `kind`, or else (kind Error) `want`.
  Type::Kind kind = Type::Error;
  Word want = Word::type_error;
};

struct Builtin {
  const char* name;
  Op op;               // the evaluator's entry
  std::size_t arity;     // the arguments it needs
  std::size_t optional;  // and how many more it may take after them
  BuiltinParam params[4];
  Type::Kind result;
  bool unit_of_term;   // the op counts in the unit of its term, argument 2
  const char* signature;  // as an editor shows it (ssd/functions.h)
  Word computes;
};

// Every row, e.g. for "did you mean".
std::span<const Builtin> builtins();

// The row of `name`, or nullptr when the language gives no such function.
const Builtin* find_builtin(std::string_view name);

}  // namespace ssd
