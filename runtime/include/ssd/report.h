// Writing results: one JSON object per record (contract §5), or readable text.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "ssd/export.h"
#include "ssd/result.h"

namespace ssd {

enum class OutputFormat { Jsonl, Text };

// Which findings a result carries, and how much of each (contract §7, `ssd check --findings`).
enum class FindingsOutput {
  All,      // every finding in full: rule, status, severity, message, citation (§5)
  Brief,    // every finding as its rule, status and severity only
  Failing,  // in full, only the findings whose status is not pass
};

// Appends the record's result, with its newline, to `out`. The Kazakh `message` is always there;
// `english` adds `message_en`.
SSD_API void append_jsonl(const RecordResult& result, std::string& out, bool english = false);
// The record's result as readable lines: its head, then one line per finding (`findings` as in
// JSON Lines), in Kazakh or English.
SSD_API void append_text(const RecordResult& result, std::string& out, bool english = false,
                         FindingsOutput findings = FindingsOutput::All);

// The same JSON Lines for many records, faster: what a finding says that depends only on its
// requirement and status (every finding of brief output; pass, not_applicable and attested
// answers in full) is rendered once and copied after. The writer keeps the Programs it has
// written alive. One writer per thread.
class SSD_API JsonlWriter {
 public:
  explicit JsonlWriter(bool english = false, FindingsOutput findings = FindingsOutput::All)
      : english_(english), findings_(findings) {}
  void append(const RecordResult& result, std::string& out);

 private:
  struct Fragments;
  const Fragments& fragments(const std::shared_ptr<const Program>& program);
  std::unordered_map<const Program*, std::shared_ptr<const Fragments>> cache_;
  std::vector<int> counts_;  // the summary's counts, reused from record to record
  bool english_;
  FindingsOutput findings_;
};

// `s` as a JSON string, quotes included.
SSD_API void append_json_string(std::string_view s, std::string& out);

// The Kazakh and English messages of a finding (contract §5 `message`).
SSD_API std::string finding_message(const Program& program, const Finding& finding, bool english);

}  // namespace ssd
