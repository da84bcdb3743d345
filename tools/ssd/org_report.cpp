#include "org_report.h"

#include <algorithm>

#include "rule_order.h"

namespace ssd::cli {

std::optional<double> RequirementStats::compliant_share() const {
  if (counts.pass + counts.fail == 0) return std::nullopt;
  return static_cast<double>(counts.pass) / (counts.pass + counts.fail);
}

std::vector<size_t> line_of_requirement(const Program& p) {
  std::vector<size_t> out(p.requirements.size());
  size_t lines = 0;
  for (size_t i = 0; i < p.requirements.size(); ++i) {
    const Requirement& q = p.requirements[i];
    size_t first = 0;  // the first wording of the same rule and name
    while (p.requirements[first].rule != q.rule || p.requirements[first].name != q.name) ++first;
    out[i] = first == i ? lines++ : out[first];
  }
  return out;
}

std::vector<RequirementStats> requirement_lines(const Program& p, const std::vector<StatusCounts>* counts,
                                                const RiskLinks& links) {
  std::vector<RequirementStats> lines;
  const std::vector<size_t> line = line_of_requirement(p);
  for (size_t i = 0; i < p.requirements.size(); ++i) {
    const Requirement& q = p.requirements[i];
    if (line[i] == lines.size()) {
      RequirementStats l;
      l.rule = q.rule;
      l.name = q.name;
      l.law = law_of(p, q);
      l.text = q.description_kk.empty() ? l.law : q.description_kk;
      l.severity = q.severity;
      l.risk_rows = links.rows_for(p.instrument.id, q.rule);
      lines.push_back(std::move(l));
    }
    if (counts) lines[line[i]].counts += (*counts)[i];
  }
  return lines;
}

ReportBuilder::ReportBuilder(const std::vector<std::shared_ptr<const Program>>& programs) : links_(programs) {
  // The later of two instruments with one id is the one used (as the RecordChecker does).
  for (const auto& p : programs)
    if (p->instrument.id == kRiskCriteria) risk_criteria_ = p.get();
}

const std::vector<std::string>& ReportBuilder::rows_of(const Program& p, std::int32_t requirement) {
  auto& cached = rows_cache_[&p];
  cached.resize(p.requirements.size());
  if (!cached[requirement]) cached[requirement] = links_.rows_for(p.instrument.id, p.requirements[requirement].rule);
  return *cached[requirement];
}

void ReportBuilder::add(const RecordResult& r) {
  ++records_;
  ++by_status_[to_string(r.status)];
  if (!r.program) return;
  StandardStats& s = standards_[r.program->instrument.id];
  s.program = r.program.get();
  ++s.records;
  ++s.by_status[to_string(r.status)];
  if (r.uncertain >= 0) ++s.uncertain[r.uncertain];
  tally_.add(r);
  std::set<std::string> rows_hit;
  const bool risk_in_force = links_.in_force_on(r.as_of);
  for (const Finding& f : r.findings) {
    if (f.status != FindingStatus::Fail || !risk_in_force) continue;
    for (const std::string& row : rows_of(*r.program, f.requirement)) {
      RiskRowStats& stats = risk_[row];
      ++stats.findings;
      stats.from.emplace(r.program->instrument.id, r.program->requirements[f.requirement].rule);
      rows_hit.insert(row);
    }
  }
  for (const std::string& row : rows_hit) ++risk_[row].records;
}

OrgReport ReportBuilder::finish() const {
  OrgReport out;
  out.records = records_;
  out.by_status = by_status_;
  if (risk_criteria_)
    for (const Requirement& q : risk_criteria_->requirements) out.risk_severity[q.rule] = q.severity;
  for (const auto& [id, partial] : standards_) {
    StandardStats s = partial;
    s.requirements = requirement_lines(*s.program, tally_.of(*s.program), links_);
    out.standards.push_back(std::move(s));
  }
  for (const auto& [row, partial] : risk_) {
    RiskRowStats stats = partial;
    stats.row = row;
    if (risk_criteria_)
      for (const Requirement& q : risk_criteria_->requirements)
        if (q.rule == row) {
          stats.text = law_of(*risk_criteria_, q).empty() ? q.description_kk : law_of(*risk_criteria_, q);
          stats.severity = q.severity;
          stats.group = q.group;
          stats.group_label = q.group_label;
        }
    out.risk.push_back(std::move(stats));
  }
  std::sort(out.risk.begin(), out.risk.end(),
            [](const RiskRowStats& a, const RiskRowStats& b) { return rule_order(a.row) < rule_order(b.row); });
  return out;
}

void risk_totals(const OrgReport& report, std::map<std::string, int>& by_severity, std::map<std::string, int>& by_group) {
  for (const RiskRowStats& r : report.risk) {
    if (const char* s = severity_code(r.severity)) ++by_severity[s];
    if (!r.group.empty()) ++by_group[r.group];
  }
}

}  // namespace ssd::cli
