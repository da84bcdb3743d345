// An instrument as in force on a date: the wordings that apply then, as .ssd source or as the
// law's text.
#pragma once

#include <string>

#include "ssd/internal/program.h"

namespace ssd::cli {

// The program with only the requirements and provisions in force on `day`.
Program in_force_on(const Program& program, Day day);

// Source that compiles to the instrument as in force on `day` (its examples left out).
std::string consolidated_source(const Program& program, Day day);

// The provisions in force on `day`, paragraph by paragraph, as a person reads them.
std::string consolidated_text(const Program& program, Day day);

// The provisions in force on `day`, one JSON object each, in law order: rule, kind, number, the
// official text, the reason it is not encoded, the names of its requirements, the wording's act,
// and where its text is written.
std::string consolidated_json(const Program& program, Day day);

}  // namespace ssd::cli
