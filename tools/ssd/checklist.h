// A checklist (тексеру парағы) for one control subject: the rows of a checklist instrument, or
// of a standard used as one, each with the four columns of the official form decided from the
// inspector's answers or from the subject's case records (docs/checklists.md).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "finding_tally.h"
#include "risk_links.h"
#include "ssd/internal/program.h"
#include "ssd/result.h"

namespace ssd::cli {

// What a row's four columns say: "Талап етіледі" with "Талапқа сәйкес келеді" (Compliant) or
// "... сәйкес келмейді" (NonCompliant); "Талап етілмейді" (NotRequired); nothing (NotAssessed).
enum class RowAnswer { NotAssessed, Compliant, NonCompliant, NotRequired };
enum class AnswerSource { None, Attestation, Cases };

const char* to_string(AnswerSource source);  // "none", "attestation", "cases"

// A finding of one of the subject's case records, which a row's answer may rest on.
struct CaseFinding {
  std::string record;  // the record's id
  bool risk_in_force = false;  // the risk criteria are in force on the record's as_of
  const Program* program = nullptr;
  std::int32_t requirement = -1;
  FindingStatus status = FindingStatus::Pass;
};

struct ChecklistRow {
  std::string number;  // the row's rule: "1" on a checklist, "5.1" on a standard
  std::string text;    // "Талаптар тізбесі": what is required
  std::vector<std::int32_t> requirements;  // of the instrument, that make up this row
  std::vector<std::pair<std::string, std::string>> inspects;  // instrument id, rule
  bool computed = false;    // a requirement of the row has a condition: judged by `ssd check`
  bool checkable = false;   // case records can answer it (computed, or inspects something)
  RowAnswer answer = RowAnswer::NotAssessed;
  AnswerSource source = AnswerSource::None;
  StatusCounts evidence;  // the findings of the case records it was decided from
  // The case findings behind the answer the records give: the fails of a non-compliant row, the
  // passes of a compliant one, the not_applicable of one not required.
  std::vector<CaseFinding> behind;

  bool required() const { return answer == RowAnswer::Compliant || answer == RowAnswer::NonCompliant; }
};

// A violated row of the risk criteria, from a risk-criteria record.
struct RiskViolation {
  std::string row, text, group, group_label;
  Severity severity = Severity::None;
};

struct RiskSummary {
  std::string record_id;
  RecordStatus status = RecordStatus::Compliant;
  std::vector<RiskViolation> violations;
};

struct ChecklistForm {
  const Program* program = nullptr;
  bool from_standard = false;  // a standard used as a checklist (`--standard ID`)
  Day as_of = 0;
  std::string inspection_id;   // of the inspection record, where there is one
  bool filled = false;         // answered from an inspection record or case records: not a blank form
  std::vector<std::pair<std::string, std::string>> header;  // the record's "inspection", in order
  std::vector<ChecklistRow> rows;
  std::optional<RiskSummary> risk;

  std::string header_value(const std::string& key) const;
};

// The rows in force on `as_of`, unanswered. A checklist gives one row per row number; a standard
// one row per requirement.
std::vector<ChecklistRow> checklist_rows(const Program& program, Day as_of, bool from_standard);

// The inspector's answers: the attested findings of the inspection record checked against the
// instrument. Rows answered here are not taken from the case records.
void apply_attestations(const RecordResult& inspection, std::vector<ChecklistRow>& rows);

// The evidence of every row, and the answer of the rows not answered by the inspector, from the
// findings of the case records on what they inspect — a standard's paragraph (and what lies under
// it), or a risk row, which the requirements linked to it feed (risk_links.h) as the risk-criteria
// record's own finding on it does: any fail → non-compliant; else any pass → compliant; else any
// not_applicable → not required; else (no finding, or only missing_data) not assessed.
void apply_evidence(const std::vector<CaseFinding>& cases, const RiskLinks& links, const Program& program,
                    std::vector<ChecklistRow>& rows);

// The fail findings of a checked risk-criteria record.
RiskSummary risk_summary(const RecordResult& risk_record);

}  // namespace ssd::cli
