// What checking a record yields: the record's status and one finding per requirement reported.
// Part of the public C++ API (C++17).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ssd/export.h"

namespace ssd {

struct Program;  // the compiled instrument: internal (ssd/internal/program.h)

enum class FindingStatus : std::uint8_t { Pass, Fail, NotApplicable, MissingData };
enum class RecordStatus : std::uint8_t { Compliant, NonCompliant, Incomplete, NotInForce, Error };
enum class Severity : std::uint8_t { None, Gross, Significant, Minor };

SSD_API const char* to_string(FindingStatus status);  // the contract's words: "pass", ...
SSD_API const char* to_string(RecordStatus status);   // "compliant", ...
// The contract's words: "gross", "significant", "minor"; nullptr for None.
SSD_API const char* severity_code(Severity severity);
// The law's word for a degree of violation (risk criteria, App. 1): "өрескел", ...; "" for None.
SSD_API const char* severity_kk(Severity severity);

struct Finding {
  std::int32_t requirement;  // the requirement's number in its instrument
  FindingStatus status;
  // For fail and missing_data: what was found, in Kazakh and in English; for not_applicable, the
  // terms still running (language.md §22), or nothing.
  std::string detail_kk, detail_en;
};

struct SSD_API RecordResult {
  std::string id;        // empty with has_id false when the record has none
  bool has_id = false;
  std::string standard;
  bool has_standard = false;
  RecordStatus status = RecordStatus::Error;
  std::string error;     // for RecordStatus::Error: why, in one line
  // The instrument checked against; shared, so that the result stays readable when the checker
  // that made it replaces or drops the instrument. Null for most error records.
  std::shared_ptr<const Program> program;
  std::vector<Finding> findings;
  // What the record says of itself, for reports that group records (contract §7), read whatever
  // the status: "as_of" as written when a string; "organization": {"id", "name"} when strings (an
  // integer id is written in decimal). Empty when absent.
  std::string as_of;
  std::string organization_id, organization_name;
  // Where the wording in force on as_of depends on a publication date the corpus does not give
  // (docs/time.md): the period's number in the program's instrument; -1 otherwise.
  std::int32_t uncertain = -1;
  // The rules the record's `attestations` name that are no attested requirement of the instrument
  // (a typo, or a computed requirement): their answers are not read. Empty for most records.
  std::vector<std::string> unknown_attestations;

  // What a finding of this result says, read from its requirement. Each view lives as long as
  // the result's program, that is, at least as long as this result.
  std::string_view rule(const Finding& finding) const;      // contract §2: "5.1", "app3:18"
  std::string_view citation(const Finding& finding) const;  // in the law's words
  Severity severity(const Finding& finding) const;
  bool attested(const Finding& finding) const;              // the inspector's answer
  std::string_view wording(const Finding& finding) const;   // the amending order of its wording, or ""
  // The contract's `message` (Kazakh) or `message_en`: what was required, and the verdict.
  std::string message(const Finding& finding, bool english = false) const;
  // For fail and missing_data, what was found against what was required; for not_applicable,
  // until when a term runs; "" otherwise.
  std::string_view explanation(const Finding& finding, bool english = false) const {
    return english ? finding.detail_en : finding.detail_kk;
  }
};

}  // namespace ssd
