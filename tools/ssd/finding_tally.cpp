#include "finding_tally.h"

#include "ssd/internal/program.h"

namespace ssd::cli {

void StatusCounts::add(FindingStatus status) {
  switch (status) {
    case FindingStatus::Pass: ++pass; break;
    case FindingStatus::Fail: ++fail; break;
    case FindingStatus::NotApplicable: ++not_applicable; break;
    case FindingStatus::MissingData: ++missing_data; break;
  }
}

StatusCounts& StatusCounts::operator+=(const StatusCounts& o) {
  pass += o.pass;
  fail += o.fail;
  not_applicable += o.not_applicable;
  missing_data += o.missing_data;
  return *this;
}

bool rule_covers(const std::string& cited, const std::string& rule) {
  if (rule.size() < cited.size() || rule.compare(0, cited.size(), cited) != 0) return false;
  return rule.size() == cited.size() || rule[cited.size()] == '.' || rule[cited.size()] == ':';
}

void FindingTally::add(const RecordResult& r) {
  if (!r.program || r.findings.empty()) return;
  PerProgram& entry = by_standard_[r.program->instrument.id];
  entry.program = r.program.get();
  entry.requirements.resize(r.program->requirements.size());
  for (const Finding& f : r.findings) entry.requirements[f.requirement].add(f.status);
}

const std::vector<StatusCounts>* FindingTally::of(const Program& program) const {
  auto it = by_standard_.find(program.instrument.id);
  return it == by_standard_.end() ? nullptr : &it->second.requirements;
}

}  // namespace ssd::cli
