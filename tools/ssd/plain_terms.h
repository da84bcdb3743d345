// A requirement's condition in plain Kazakh, for a lawyer's reading (`ssd doc`): the record's
// fields by their Kazakh names, durations in words ("14 күнтізбелік күн ішінде"), codes by the
// law's labels, comparisons as "кемінде" / "ең көбі" — never the expression syntax of .ssd.
#pragma once

#include <cstdint>
#include <string>

#include "ssd/internal/program.h"

namespace ssd::cli {

// The condition rooted at node `root` of `program`.
std::string plain_condition(const Program& program, std::int32_t root);

// A field's Kazakh path as words: «тұрғын үй: жатын бөлме ауданы».
std::string plain_field(const std::string& path);

}  // namespace ssd::cli
