// Reading the records the inspection commands take: case records (JSON Lines) checked one by
// one, and single JSON records in a file of their own (an inspection, a risk-criteria record).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ssd/runtime.h"

namespace ssd::cli {

// Checks every record of the JSON Lines files (`-` is standard input) and hands each result on,
// until `handle` returns false. False, with the reason on stderr, when a file cannot be read.
bool check_case_files(RecordChecker& checker, const std::vector<std::string>& paths,
                      const std::function<bool(const RecordResult&)>& handle);

// The same on `threads` threads (parallel_records.h), each with its own checker of `programs`:
// `handle` still gets the results one by one, in input order, on the calling thread. For counting
// findings: a fail or missing_data finding carries no explanation (Finding::detail_kk, detail_en).
bool check_case_files(const std::vector<std::shared_ptr<const Program>>& programs, unsigned threads,
                      const std::vector<std::string>& paths, const std::function<bool(const RecordResult&)>& handle);

// The whole text of a file; false, with the reason on stderr, when it cannot be read.
bool read_text_file(const std::string& path, std::string& text);

// What `ssd checklist` reads of an inspection record beside what the RecordChecker reads: its "as_of"
// and the string fields of its "inspection" object (the form's header), in the record's order.
struct InspectionFields {
  std::string as_of;
  std::vector<std::pair<std::string, std::string>> header;
};

// False, with the reason in `error`, when the text is not a JSON object or "inspection" is not an
// object of strings.
bool inspection_fields(const std::string& json, InspectionFields& fields, std::string& error);

}  // namespace ssd::cli
