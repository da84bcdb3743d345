#include "risk_links.h"

#include <algorithm>

#include "finding_tally.h"
#include "rule_order.h"

namespace ssd::cli {

RiskLinks::RiskLinks(const std::vector<std::shared_ptr<const Program>>& programs) {
  for (const auto& p : programs) {
    // The later of two instruments with one id is the one used (as the RecordChecker does).
    if (p->instrument.id == kRiskCriteria) {
      from_ = p->instrument.in_force_from;
      until_ = p->instrument.repealed_from;
    }
    for (const Requirement& q : p->requirements) {
      std::vector<std::string> rows;
      std::vector<std::pair<std::string, std::string>> targets;
      for (const auto& [instrument, rule] : q.inspects) {
        if (instrument == kRiskCriteria) rows.push_back(rule);
        else targets.emplace_back(instrument, rule);
      }
      // A requirement that names a risk row itself counts against it, as the checklist rows
      // that name it do.
      if (p->instrument.id != kRiskCriteria) targets.emplace_back(p->instrument.id, q.rule);
      for (const std::string& row : rows)
        for (const auto& [standard, cited] : targets) links_.push_back({standard, cited, row});
    }
  }
}

std::vector<std::string> RiskLinks::rows_for(const std::string& standard, const std::string& rule) const {
  // A row of the risk criteria violated in a risk-criteria record counts against itself.
  if (standard == kRiskCriteria) return {rule};
  std::vector<std::string> rows;
  for (const Link& l : links_)
    if (l.standard == standard && rule_covers(l.cited, rule)) rows.push_back(l.row);
  std::sort(rows.begin(), rows.end(),
            [](const std::string& a, const std::string& b) { return rule_order(a) < rule_order(b); });
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

bool RiskLinks::in_force_on(std::string_view as_of) const {
  const std::optional<Day> day = parse_date(as_of);
  return day && (!from_ || *from_ <= *day) && (!until_ || *day < *until_);
}

}  // namespace ssd::cli
