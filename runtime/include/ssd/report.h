// Writing results: one JSON object per record (contract §5), or readable text.
#pragma once

#include <string>

#include "ssd/result.h"

namespace ssd {

enum class OutputFormat { Jsonl, Text };

// Appends the record's result, with its newline, to `out`.
void append_jsonl(const RecordResult& result, std::string& out);
void append_text(const RecordResult& result, std::string& out);

// The Kazakh and English messages of a finding (contract §5 `message`).
std::string finding_message(const Program& program, const Finding& finding, bool english);

}  // namespace ssd
