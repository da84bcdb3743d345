#include "org_figures.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "labels.h"
#include "rule_order.h"

namespace ssd::cli {

std::optional<double> Share::value() const {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / whole;
}

int checked(const RecordCounts& r) {
  return r[static_cast<size_t>(RecordStatus::Compliant)] + r[static_cast<size_t>(RecordStatus::NonCompliant)] +
         r[static_cast<size_t>(RecordStatus::Incomplete)];
}

int total(const RecordCounts& r) {
  int n = 0;
  for (int k : r) n += k;
  return n;
}

Share MonthFigures::compliant() const { return {records[static_cast<size_t>(RecordStatus::Compliant)], checked(records)}; }

std::string organization_label(const OrganizationFigures& o, Lang lang) {
  if (o.id.empty()) return label(Label::no_organisation, lang);
  return o.name.empty() ? o.id : o.name + " (" + o.id + ")";
}

std::string requirement_label(const FailingRequirement& f) {
  return f.program->instrument.id + " § " + std::string(f.line.rule);
}

bool more_failed(const FailingRequirement& a, const FailingRequirement& b) {
  if (a.line.counts.fail != b.line.counts.fail) return a.line.counts.fail > b.line.counts.fail;
  if (a.program != b.program) return a.program->instrument.id < b.program->instrument.id;
  return rule_order(a.line.rule) < rule_order(b.line.rule);
}

namespace {

// Which line each requirement of a program is on, and the first requirement of each line.
struct Lines {
  std::vector<size_t> of_requirement;
  std::vector<std::int32_t> first;
};

class LineIndex {
 public:
  const Lines& of(const Program& p) {
    Lines& l = cache_[&p];
    if (l.of_requirement.empty() && !p.requirements.empty()) {
      l.of_requirement = line_of_requirement(p);
      for (size_t i = 0; i < l.of_requirement.size(); ++i)
        if (l.of_requirement[i] == l.first.size()) l.first.push_back(static_cast<std::int32_t>(i));
    }
    return l;
  }

 private:
  std::map<const Program*, Lines> cache_;
};

// a/b > c/d, exactly.
bool greater_share(const Share& a, const Share& b) {
  return static_cast<long long>(a.part) * b.whole > static_cast<long long>(b.part) * a.whole;
}

// Failures per (program, line, month) of one organisation, from its counts.
using LineMonths = std::map<std::tuple<const Program*, size_t, Month>, int>;

LineMonths line_months(const OrganizationTally::Group& g, LineIndex& lines) {
  LineMonths out;
  for (const OrganizationTally::Standard& s : g.standards) {
    const Lines& l = lines.of(*s.program);
    for (const auto& [month, failures] : s.failures) {
      if (month < 0) continue;  // a record without a date is in no month
      for (size_t k = 0; k < failures.size(); ++k)
        if (failures[k]) out[{s.program, l.of_requirement[k], month}] += failures[k];
    }
  }
  return out;
}

void attach_months(std::vector<FailingRequirement>& top, const LineMonths& months) {
  for (FailingRequirement& f : top)
    for (auto it = months.lower_bound({f.program, f.index, INT32_MIN});
         it != months.end() && std::get<0>(it->first) == f.program && std::get<1>(it->first) == f.index; ++it)
      f.by_month.emplace_back(std::get<2>(it->first), it->second);
}

std::vector<FailingRequirement> most_failed(std::vector<FailingRequirement> all, size_t n) {
  std::sort(all.begin(), all.end(), more_failed);
  if (all.size() > n) all.resize(n);
  return all;
}

// The failed lines among `all`, the lines of `program`.
std::vector<FailingRequirement> failed_lines(const Program& program, const std::vector<RequirementStats>& all,
                                             OrganizationTally& tally, LineIndex& index) {
  std::vector<FailingRequirement> out;
  const Lines& lines = index.of(program);
  for (size_t k = 0; k < all.size(); ++k)
    // A line is shown with the severity its fails count with while the risk criteria are in force.
    if (all[k].counts.fail > 0) out.push_back({&program, k, all[k], tally.severity_of(program, lines.first[k], true), {}});
  std::sort(out.begin(), out.end(), more_failed);
  return out;
}

StandardFigures standard_figures(const OrganizationTally::Standard& s, OrganizationTally& tally, LineIndex& index) {
  StandardFigures out;
  out.program = s.program;
  out.records = s.records;
  out.compliant = {s.records[static_cast<size_t>(RecordStatus::Compliant)], checked(s.records)};
  const Lines& lines = index.of(*s.program);
  const std::vector<RequirementStats> all = requirement_lines(*s.program, &s.requirements, tally.links());
  out.failing = failed_lines(*s.program, all, tally, index);
  for (size_t k = 0; k < all.size(); ++k) {
    const RequirementStats& line = all[k];
    const Requirement& first = s.program->requirements[lines.first[k]];
    if (line.counts.fail > 0) continue;
    if (line.counts.pass > 0) ++out.met;
    else if (line.counts.total() > 0) ++out.not_judged;
    else if (first.attested) ++out.unanswered;
    else ++out.out_of_force;
  }
  return out;
}

}  // namespace

OrganizationsReport make_figures(OrgReport overall, OrganizationTally& tally) {
  OrganizationsReport out;
  out.overall = std::move(overall);
  LineIndex lines;
  std::map<Month, RecordCounts> all_months;
  LineMonths all_failures;

  for (const OrganizationTally::Group& g : tally.groups()) {
    OrganizationFigures o;
    o.id = g.id;
    o.name = g.name;
    o.records = g.records;
    o.without_month = g.without_month;
    o.non_compliant = {g.records[static_cast<size_t>(RecordStatus::NonCompliant)], checked(g.records)};
    o.violations = g.violations;
    for (const auto& [month, records] : g.months) {
      o.months.push_back({month, records});
      for (size_t k = 0; k < records.size(); ++k) all_months[month][k] += records[k];
    }
    std::vector<FailingRequirement> failing;
    for (const OrganizationTally::Standard& s : g.standards) {
      o.standards.push_back(standard_figures(s, tally, lines));
      const auto& f = o.standards.back().failing;
      failing.insert(failing.end(), f.begin(), f.end());
    }
    std::sort(o.standards.begin(), o.standards.end(), [](const StandardFigures& a, const StandardFigures& b) {
      return a.program->instrument.id < b.program->instrument.id;
    });
    const LineMonths months = line_months(g, lines);
    o.top = most_failed(std::move(failing), kTrendRequirements);
    attach_months(o.top, months);
    for (const auto& [key, n] : months) all_failures[key] += n;
    out.organizations.push_back(std::move(o));
  }

  for (const auto& [month, records] : all_months) out.months.push_back({month, records});
  for (const StandardStats& s : out.overall.standards) {
    const auto f = failed_lines(*s.program, s.requirements, tally, lines);
    out.failing.insert(out.failing.end(), f.begin(), f.end());
  }
  std::sort(out.failing.begin(), out.failing.end(), more_failed);
  out.top = most_failed(out.failing, kTrendRequirements);
  attach_months(out.top, all_failures);

  auto& orgs = out.organizations;
  std::sort(orgs.begin(), orgs.end(), [](const OrganizationFigures& a, const OrganizationFigures& b) {
    const bool a_judged = a.non_compliant.whole > 0, b_judged = b.non_compliant.whole > 0;
    if (a_judged != b_judged) return a_judged;
    if (greater_share(a.non_compliant, b.non_compliant)) return true;
    if (greater_share(b.non_compliant, a.non_compliant)) return false;
    if (a.non_compliant.part != b.non_compliant.part) return a.non_compliant.part > b.non_compliant.part;
    return std::make_pair(a.id.empty(), a.id) < std::make_pair(b.id.empty(), b.id);
  });
  for (size_t i = 0; i < orgs.size(); ++i) {
    orgs[i].rank_by_share = i + 1;
    out.by_severity.push_back(i);
  }
  std::stable_sort(out.by_severity.begin(), out.by_severity.end(), [&](size_t a, size_t b) {
    const SeverityCounts &x = orgs[a].violations, &y = orgs[b].violations;
    return std::tie(x.gross, x.significant, x.minor, x.unclassified) >
           std::tie(y.gross, y.significant, y.minor, y.unclassified);
  });
  for (size_t i = 0; i < out.by_severity.size(); ++i) orgs[out.by_severity[i]].rank_by_severity = i + 1;
  return out;
}

}  // namespace ssd::cli
