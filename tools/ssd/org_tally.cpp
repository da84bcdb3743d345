#include "org_tally.h"

#include <fmt/format.h>

#include "ssd/dates.h"

namespace ssd::cli {

Month month_of(std::string_view as_of) {
  const std::optional<Day> day = parse_date(as_of);
  if (!day) return -1;
  const CivilDate date = civil_from_day(*day);
  return date.year * 12 + static_cast<int>(date.month) - 1;
}

std::string month_text(Month m) { return fmt::format("{:04}-{:02}", m / 12, m % 12 + 1); }

void SeverityCounts::add(Severity s) {
  switch (s) {
    case Severity::Gross: ++gross; break;
    case Severity::Significant: ++significant; break;
    case Severity::Minor: ++minor; break;
    case Severity::None: ++unclassified; break;
  }
}

int gravity(Severity s) {
  switch (s) {
    case Severity::Gross: return 3;
    case Severity::Significant: return 2;
    case Severity::Minor: return 1;
    case Severity::None: break;
  }
  return 0;
}

OrganizationTally::OrganizationTally(const std::vector<std::shared_ptr<const Program>>& programs) : links_(programs) {
  // The later of two instruments with one id is the one used (as the RecordChecker does).
  for (const auto& p : programs)
    if (p->instrument.id == kRiskCriteria) {
      risk_severity_.clear();
      for (const Requirement& q : p->requirements) risk_severity_[q.rule] = q.severity;
    }
}

Severity OrganizationTally::severity_of(const Program& p, std::int32_t requirement, bool risk_in_force) {
  auto& cached = severity_cache_[&p];
  if (cached.empty()) {
    cached.resize(p.requirements.size());
    for (size_t i = 0; i < p.requirements.size(); ++i) {
      Severity s = p.requirements[i].severity;
      cached[i].own = s;
      if (s == Severity::None)
        for (const std::string& row : links_.rows_for(p.instrument.id, p.requirements[i].rule))
          if (auto it = risk_severity_.find(row); it != risk_severity_.end() && gravity(it->second) > gravity(s))
            s = it->second;
      cached[i].with_risk = s;
    }
  }
  return risk_in_force ? cached[requirement].with_risk : cached[requirement].own;
}

OrganizationTally::Group& OrganizationTally::group_of(const RecordResult& r) {
  // Records of one organisation often come together: the last group is tried first.
  if (last_group_ != SIZE_MAX && groups_[last_group_].id == r.organization_id) return groups_[last_group_];
  auto [it, added] = group_index_.try_emplace(r.organization_id, groups_.size());
  if (added) groups_.emplace_back().id = r.organization_id;
  last_group_ = it->second;
  return groups_[last_group_];
}

void OrganizationTally::add(const RecordResult& r) {
  Group& g = group_of(r);
  if (g.name.empty() && !r.organization_name.empty()) g.name = r.organization_name;
  const auto status = static_cast<size_t>(r.status);
  ++g.records[status];
  const Month month = month_of(r.as_of);
  if (month < 0) ++g.without_month;
  else ++g.months[month][status];
  if (!r.program) return;

  size_t s = 0;
  const Program* program = r.program.get();
  while (s < g.standards.size() && g.standards[s].program != program) ++s;
  if (s == g.standards.size()) g.standards.push_back({program, {}, std::vector<StatusCounts>(program->requirements.size()), {}});
  Standard& standard = g.standards[s];
  ++standard.records[status];
  std::vector<int>* failures = nullptr;  // of the record's month, made at its first failure
  const bool risk_in_force = links_.in_force_on(r.as_of);
  for (const Finding& f : r.findings) {
    standard.requirements[f.requirement].add(f.status);
    if (f.status != FindingStatus::Fail) continue;
    g.violations.add(severity_of(*program, f.requirement, risk_in_force));
    if (!failures) {
      failures = &standard.failures[month];
      failures->resize(program->requirements.size());
    }
    ++(*failures)[f.requirement];
  }
}

}  // namespace ssd::cli
