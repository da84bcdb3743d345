// What the fuzz targets share: the standards folder compiled once, records that reach every field
// of an instrument, and a result written in every format `ssd check` has, with the properties of
// its JSON line checked. A property that does not hold stops the fuzzer: it is a finding.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ssd/internal/program.h"
#include "ssd/report.h"
#include "ssd/result.h"

namespace ssd::fuzz {

// Every instrument of the project's standards/ folder, compiled once.
const std::vector<std::shared_ptr<const Program>>& standards();

// For one instrument: a record with a value in every field it reads, and one with none.
std::vector<std::string> sample_records(const Program& program);

// The JSON Lines writers, Kazakh and English. They keep what they have written, so a target keeps
// one for programs that live as long as it, and one per input for programs that do not.
struct Writers {
  JsonlWriter kk, en{true};
};

// Writes the result as JSON Lines (Kazakh and English), text and the HTML page. Its JSON line must
// be one line of valid UTF-8 and JSON (contract §5).
void write_every_way(const RecordResult& result, Writers& writers);

// `text` must be one line of JSON and a newline; `what` names it in the finding.
void expect_json_line(std::string_view text, const std::string& what);

// Reports what does not hold and aborts.
[[noreturn]] void finding(const std::string& what);

}  // namespace ssd::fuzz
