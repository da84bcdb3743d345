#include "checklist.h"

#include <algorithm>
#include <map>

#include "markup.h"

namespace ssd::cli {

namespace {

// What the form prints in "Талаптар тізбесі". A checklist row's law text is the row itself; a
// standard's paragraph is long, so its one-line description comes first.
std::string row_text(const Program& p, const Requirement& q, bool from_standard) {
  const std::string& first = from_standard ? q.description_kk : law_of(p, q);
  const std::string& second = from_standard ? law_of(p, q) : q.description_kk;
  return capitalised(!first.empty() ? first : !second.empty() ? second : q.name);
}

RowAnswer answer_of(FindingStatus s) {
  switch (s) {
    case FindingStatus::Pass: return RowAnswer::Compliant;
    case FindingStatus::Fail: return RowAnswer::NonCompliant;
    case FindingStatus::NotApplicable: return RowAnswer::NotRequired;
    case FindingStatus::MissingData: break;
  }
  return RowAnswer::NotAssessed;
}

}  // namespace

const char* to_string(AnswerSource s) {
  switch (s) {
    case AnswerSource::Attestation: return "attestation";
    case AnswerSource::Cases: return "cases";
    case AnswerSource::None: break;
  }
  return "none";
}

std::string ChecklistForm::header_value(const std::string& key) const {
  for (const auto& [k, v] : header)
    if (k == key) return v;
  return "";
}

std::vector<ChecklistRow> checklist_rows(const Program& p, Day as_of, bool from_standard) {
  std::vector<ChecklistRow> rows;
  for (size_t i = 0; i < p.requirements.size(); ++i) {
    const Requirement& q = p.requirements[i];
    if (!q.in_force_on(as_of)) continue;
    // On a checklist the inspector answers a row by its number, so requirements citing one row
    // are one row of the form.
    auto same = from_standard ? rows.end()
                              : std::find_if(rows.begin(), rows.end(),
                                             [&](const ChecklistRow& r) { return r.number == q.rule; });
    if (same == rows.end()) {
      rows.push_back({});
      rows.back().number = q.rule;
      rows.back().text = row_text(p, q, from_standard);
      same = rows.end() - 1;
    }
    ChecklistRow& row = *same;
    row.requirements.push_back(static_cast<std::int32_t>(i));
    for (const auto& target : q.inspects)
      if (std::find(row.inspects.begin(), row.inspects.end(), target) == row.inspects.end())
        row.inspects.push_back(target);
    row.computed = row.computed || !q.attested;
    row.checkable = row.computed || !row.inspects.empty();
  }
  return rows;
}

void apply_attestations(const RecordResult& inspection, std::vector<ChecklistRow>& rows) {
  for (const Finding& f : inspection.findings) {
    if (!inspection.program->requirements[f.requirement].attested) continue;
    for (ChecklistRow& row : rows) {
      if (std::find(row.requirements.begin(), row.requirements.end(), f.requirement) == row.requirements.end())
        continue;
      row.answer = answer_of(f.status);
      row.source = AnswerSource::Attestation;
    }
  }
}

void apply_evidence(const std::vector<CaseFinding>& cases, const RiskLinks& links, const Program& program,
                    std::vector<ChecklistRow>& rows) {
  std::map<std::pair<const Program*, std::int32_t>, std::vector<std::string>> risk_rows;  // of each requirement
  auto rows_of = [&](const CaseFinding& f) -> const std::vector<std::string>& {
    auto [it, added] = risk_rows.try_emplace({f.program, f.requirement});
    if (added) it->second = links.rows_for(f.program->instrument.id, f.program->requirements[f.requirement].rule);
    return it->second;
  };
  for (ChecklistRow& row : rows) {
    StatusCounts seen;
    std::vector<const CaseFinding*> fed;
    for (const CaseFinding& f : cases) {
      const Requirement& q = f.program->requirements[f.requirement];
      // A computed requirement of a standard used as a checklist is its own evidence.
      bool feeds = f.program == &program && !q.attested &&
                   std::find(row.requirements.begin(), row.requirements.end(), f.requirement) != row.requirements.end();
      for (const auto& [standard, rule] : row.inspects) {
        if (feeds) break;
        if (standard == kRiskCriteria) {
          if (!f.risk_in_force) continue;
          const auto& risk = rows_of(f);
          feeds = std::find(risk.begin(), risk.end(), rule) != risk.end();
        } else {
          feeds = standard == f.program->instrument.id && rule_covers(rule, q.rule);
        }
      }
      if (!feeds) continue;
      seen.add(f.status);
      fed.push_back(&f);
    }
    // The inspector's answer stands; the evidence is still shown beside it, so that an answer the
    // case records contradict can be seen.
    row.evidence = seen;
    const RowAnswer from_cases = seen.fail ? RowAnswer::NonCompliant
                               : seen.pass ? RowAnswer::Compliant
                               : seen.not_applicable ? RowAnswer::NotRequired
                                                     : RowAnswer::NotAssessed;
    for (const CaseFinding* f : fed)
      if (from_cases != RowAnswer::NotAssessed && answer_of(f->status) == from_cases) row.behind.push_back(*f);
    if (row.source == AnswerSource::Attestation) continue;
    row.answer = from_cases;
    row.source = row.answer == RowAnswer::NotAssessed ? AnswerSource::None : AnswerSource::Cases;
  }
}

RiskSummary risk_summary(const RecordResult& r) {
  RiskSummary s;
  s.record_id = r.id;
  s.status = r.status;
  for (const Finding& f : r.findings) {
    if (f.status != FindingStatus::Fail) continue;
    const Requirement& q = r.program->requirements[f.requirement];
    const std::string& law = law_of(*r.program, q);
    s.violations.push_back({q.rule, law.empty() ? q.description_kk : law, q.group,
                            q.group_label, q.severity});
  }
  return s;
}

}  // namespace ssd::cli
