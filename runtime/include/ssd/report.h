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

// Appends the record's result, with its newline, to `out`. The Kazakh `message` is always there;
// `english` adds `message_en`.
SSD_API void append_jsonl(const RecordResult& result, std::string& out, bool english = false);
// The record's result as readable lines: its head, then one line per finding, in Kazakh or English.
SSD_API void append_text(const RecordResult& result, std::string& out, bool english = false);

// The same JSON Lines for many records: a finding that says nothing about the record but its
// status (pass, not_applicable, an attested answer) is rendered once per requirement and copied
// after. The writer keeps the Programs it has written alive.
class SSD_API JsonlWriter {
 public:
  explicit JsonlWriter(bool english = false) : english_(english) {}
  void append(const RecordResult& result, std::string& out);

 private:
  struct Fragments {
    std::vector<std::string> head;  // per requirement: {"rule":…,"status":"  (up to the status)
    std::vector<std::string> tail;  // per requirement: ,"citation":…}
    std::vector<std::string> fixed; // per requirement × FindingStatus: the whole finding, or ""
    bool graded = false;            // severities or groups: a summary follows the findings
    std::shared_ptr<const Program> program;  // held: its address is the key
  };
  const Fragments& fragments(const std::shared_ptr<const Program>& program);
  std::unordered_map<const Program*, Fragments> cache_;
  bool english_;
};

// `s` as a JSON string, quotes included.
SSD_API void append_json_string(std::string_view s, std::string& out);

// The Kazakh and English messages of a finding (contract §5 `message`).
SSD_API std::string finding_message(const Program& program, const Finding& finding, bool english);

}  // namespace ssd
