// What checking a record yields: the record's status and one finding per requirement reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ssd/program.h"

namespace ssd {

enum class FindingStatus : std::uint8_t { Pass, Fail, NotApplicable, MissingData };
enum class RecordStatus : std::uint8_t { Compliant, NonCompliant, Incomplete, NotInForce, Error };

const char* to_string(FindingStatus status);  // the contract's words: "pass", ...
const char* to_string(RecordStatus status);   // "compliant", ...

struct Finding {
  std::int32_t requirement;  // index into Program::requirements
  FindingStatus status;
  // For fail and missing_data: what was found, in Kazakh and in English.
  std::string detail_kk, detail_en;
};

struct RecordResult {
  std::string id;        // empty with has_id false when the record has none
  bool has_id = false;
  std::string standard;
  bool has_standard = false;
  RecordStatus status = RecordStatus::Error;
  std::string error;     // for RecordStatus::Error: why, in one line
  const Program* program = nullptr;
  std::vector<Finding> findings;
  // What the record says of itself, for reports that group records (contract §7), read whatever
  // the status: "as_of" as written when a string; "organization": {"id", "name"} when strings (an
  // integer id is written in decimal). Empty when absent.
  std::string as_of;
  std::string organization_id, organization_name;
};

}  // namespace ssd
