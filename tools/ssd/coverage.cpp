#include "coverage.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "rule_order.h"
#include "ssd/internal/text.h"

namespace ssd::cli {

CoverageTotals coverage(const Program& p, std::vector<CoverageRow>* rows) {
  CoverageTotals t;
  std::vector<CoverageRow> out;
  std::set<int> paragraphs;
  auto note_paragraph = [&](const std::string& rule) {
    if (rule.empty() || rule.rfind("app", 0) == 0) return;
    paragraphs.insert(std::atoi(rule.c_str()));
  };
  for (const Requirement& r : p.requirements) {
    (r.attested ? t.attested : t.computed)++;
    out.push_back({r.rule, r.attested ? "attested" : "computed",
                   r.description_kk.empty() ? r.name : r.description_kk});
    note_paragraph(r.rule);
  }
  // A provision with requirements is counted by them; one without says why it is not encoded,
  // or is marked as work still to do (its text shown, to say which).
  for (const Provision& v : p.provisions) {
    if (v.to_do) {
      ++t.to_do;
      out.push_back({v.rule, "to do", v.text});
    } else if (!v.reason.empty()) {
      ++t.not_encoded;
      out.push_back({v.rule, "not encoded", v.reason});
    } else {
      continue;
    }
    note_paragraph(v.rule);
  }
  // Paragraphs an enumeration's members cite (the categories of para 2, ...) are encoded too.
  for (const EnumDef& e : p.enums)
    for (const EnumMember& m : e.members) note_paragraph(m.rule);
  if (!paragraphs.empty())
    for (int n = 1; n < *paragraphs.rbegin(); ++n)
      if (!paragraphs.count(n)) t.gaps.push_back(n);
  std::stable_sort(out.begin(), out.end(), [](const CoverageRow& a, const CoverageRow& b) { return rule_order(a.rule) < rule_order(b.rule); });
  if (rows) *rows = std::move(out);
  return t;
}

std::string gaps_text(const std::vector<int>& gaps) {
  std::string out;
  for (size_t i = 0; i < gaps.size();) {
    size_t j = i;
    while (j + 1 < gaps.size() && gaps[j + 1] == gaps[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += j == i ? std::to_string(gaps[i]) : fmt::format("{}–{}", gaps[i], gaps[j]);
    i = j + 1;
  }
  return out;
}

std::string coverage_text(const Program& p) {
  std::vector<CoverageRow> rows;
  const CoverageTotals t = coverage(p, &rows);
  std::string out = fmt::format("{} — {}\n", p.instrument.id, p.instrument.title);
  if (!p.instrument.partial.empty()) out += "  ішінара: " + p.instrument.partial + "\n";
  for (const std::string& note : p.instrument.notes) out += "  ескертпе: " + note + "\n";
  for (const CoverageRow& r : rows) out += fmt::format("  § {:<10} {:<12} {}\n", r.rule, r.kind, printable(r.text, 90));
  out += fmt::format("  computed {}, attested {}, not encoded {}", t.computed, t.attested, t.not_encoded);
  if (t.to_do) out += fmt::format(", to do {}", t.to_do);
  if (!t.gaps.empty()) out += "; paragraphs the file does not mention: " + gaps_text(t.gaps);
  return out + "\n\n";
}

std::string coverage_markdown(const std::vector<std::shared_ptr<const Program>>& programs) {
  std::string table =
      "| instrument | computed | attested | not encoded (with reason) | paragraphs not in the file |\n"
      "|---|---:|---:|---:|---|\n";
  // A partial instrument's missing paragraphs are the ones the corpus lacks.
  CoverageTotals sum;
  for (const auto& p : programs) {
    const CoverageTotals t = coverage(*p);
    sum.computed += t.computed, sum.attested += t.attested, sum.not_encoded += t.not_encoded;
    table += fmt::format("| `{}` | {} | {} | {} | {}{} |\n", p->instrument.id, t.computed, t.attested,
                         t.not_encoded, t.gaps.empty() ? "—" : gaps_text(t.gaps),
                         t.gaps.empty() || p->instrument.partial.empty() ? "" : " (not in the corpus)");
  }
  return table + fmt::format("| all | {} | {} | {} | |\n", sum.computed, sum.attested, sum.not_encoded);
}

}  // namespace ssd::cli
