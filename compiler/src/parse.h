// The parser adapter: source text → ast::Module, through the ANTLR-generated parser. No ANTLR
// type leaves parse.cpp.
#pragma once

#include "ast.h"
#include "ssd/diagnostics.h"

namespace ssd {

// Parses one file. Lexical and syntax errors go to `diags`; the module holds what could be
// read, and is not to be checked further when `diags` has errors.
ast::Module parse_module(const SourceFile& file, Diagnostics& diags);

// "§ 5.1" → {"5.1", "5-тармақтың 1) тармақшасы"}; "§ 3-қосымша 18" → {"app3:18", ...}.
std::optional<ast::Citation> parse_citation(std::string_view token_text);

}  // namespace ssd
