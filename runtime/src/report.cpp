#include "ssd/report.h"

#include <fmt/format.h>

#include <algorithm>

#include "json_escape.h"
#include "phrases.h"
#include "ssd/internal/program.h"
#include "ssd/internal/text.h"

namespace ssd {

const char* to_string(FindingStatus s) {
  switch (s) {
    case FindingStatus::Pass: return "pass";
    case FindingStatus::Fail: return "fail";
    case FindingStatus::NotApplicable: return "not_applicable";
    case FindingStatus::MissingData: return "missing_data";
  }
  return "?";
}

const char* to_string(RecordStatus s) {
  switch (s) {
    case RecordStatus::Compliant: return "compliant";
    case RecordStatus::NonCompliant: return "non_compliant";
    case RecordStatus::Incomplete: return "incomplete";
    case RecordStatus::NotInForce: return "not_in_force";
    case RecordStatus::Error: return "error";
  }
  return "?";
}

namespace {

// A finding's message in pieces: what the requirement asks, the verdict, and for a computed
// fail or lack of data what was found, then a full stop.
struct Message {
  std::string_view what, verdict, detail, end;
};

Message message_of(const Program& p, const Finding& f, bool en) {
  const Requirement& r = p.requirements[f.requirement];
  const std::string& described = en ? r.description_en : r.description_kk;
  Message m{described.empty() ? std::string_view(r.name) : std::string_view(described), {}, {}, {}};
  const std::string& detail = en ? f.detail_en : f.detail_kk;
  switch (f.status) {
    case FindingStatus::Pass:
      m.verdict = phrase(r.attested ? Phrase::verdict_met_attested : Phrase::verdict_met, en);
      break;
    case FindingStatus::Fail:
      if (r.attested) {
        m.verdict = phrase(Phrase::verdict_not_met_attested, en);
      } else {
        m.verdict = phrase(Phrase::verdict_not_met, en);
        m.detail = detail;
        m.end = ".";
      }
      break;
    case FindingStatus::NotApplicable:
      if (!detail.empty()) {
        m.verdict = phrase(Phrase::verdict_not_yet_due, en);
        m.detail = detail;
        m.end = ".";
      } else {
        m.verdict = phrase(Phrase::verdict_does_not_apply, en);
      }
      break;
    case FindingStatus::MissingData:
      m.verdict = phrase(Phrase::verdict_data_missing, en);
      m.detail = detail;
      m.end = ".";
      break;
  }
  return m;
}

// The message as a JSON string. With `holes`, a message that says what was found is written
// without it, and where it would stand is added to `holes`: a template for any record.
void append_message(const Program& p, const Finding& f, bool en, std::string& out, std::vector<size_t>* holes) {
  const Message m = message_of(p, f, en);
  const bool explained = !m.end.empty();  // only a message that says what was found ends after it
  out.push_back('"');
  append_json_escaped(m.what, out);
  append_json_escaped(m.verdict, out);
  if (explained && holes) holes->push_back(out.size());
  else append_json_escaped(m.detail, out);
  append_json_escaped(m.end, out);
  out.push_back('"');
}

// ,"in_force_uncertain":{"from":"…","to":"…","why":"…","why_en":"…"} — "to" the last day.
void append_uncertain(const RecordResult& r, std::string& out) {
  if (r.uncertain < 0 || !r.program) return;
  const UncertainPeriod& u = r.program->instrument.uncertain[r.uncertain];
  out += ",\"in_force_uncertain\":{\"from\":\"" + format_date(u.from) + "\",\"to\":\"" + format_date(u.to - 1) + "\",\"why\":";
  append_json_string(u.why_kk, out);
  out += ",\"why_en\":";
  append_json_string(u.why_en, out);
  out += "}";
}

// ,"unknown_attestations":["26.9"] — the rules of `attestations` that name no attested requirement.
void append_unknown_attestations(const RecordResult& r, std::string& out) {
  if (r.unknown_attestations.empty()) return;
  out += ",\"unknown_attestations\":[";
  for (size_t i = 0; i < r.unknown_attestations.size(); ++i) {
    if (i) out.push_back(',');
    append_json_string(r.unknown_attestations[i], out);
  }
  out.push_back(']');
}

void append_record_head(const RecordResult& r, std::string& out) {
  out += "{\"id\":";
  if (r.has_id) append_json_string(r.id, out);
  else out += "null";
  out += ",\"standard\":";
  if (r.has_standard) append_json_string(r.standard, out);
  else out += "null";
  out += ",\"status\":\"";
  out += to_string(r.status);
  out += '"';
  if (r.status == RecordStatus::Error) {
    out += ",\"error\":";
    append_json_string(r.error, out);
  }
  out += ",\"findings\":[";
}

// {"rule":"5.1","status":"pass","severity":null — the whole of a brief finding but its "}".
void append_finding_head(const Requirement& req, FindingStatus status, std::string& out) {
  out += "{\"rule\":";
  append_json_string(req.rule, out);
  out += ",\"status\":\"";
  out += to_string(status);
  out += "\",\"severity\":";
  if (const char* s = severity_code(req.severity)) {
    out.push_back('"');
    out += s;
    out.push_back('"');
  } else {
    out += "null";
  }
}

void append_finding(const Program& p, const Finding& f, bool english, bool brief, std::string& out,
                    std::vector<size_t>* holes = nullptr) {
  const Requirement& req = p.requirements[f.requirement];
  append_finding_head(req, f.status, out);
  if (!brief) {
    out += ",\"message\":";
    append_message(p, f, false, out, holes);
    if (english) {
      out += ",\"message_en\":";
      append_message(p, f, true, out, holes);
    }
    out += ",\"citation\":";
    append_json_string(req.citation, out);
    if (req.attested) out += ",\"attested\":true";
    if (!req.act.empty()) {
      out += ",\"wording\":";
      append_json_string(req.act, out);
    }
  }
  out.push_back('}');
}

// For an instrument whose requirements have severities or groups (the risk criteria), each
// result ends with its violations counted by severity and by group, each in the order of its
// names.
struct Grading {
  bool graded = false;
  std::vector<std::string> groups;          // sorted
  std::vector<std::int32_t> group_of;       // per requirement: its group, or -1
  static constexpr Severity kSeverities[] = {Severity::Gross, Severity::Minor, Severity::Significant};

  explicit Grading(const Program& p) {
    for (const Requirement& q : p.requirements) {
      graded = graded || q.severity != Severity::None || !q.group.empty();
      if (!q.group.empty()) groups.push_back(q.group);
    }
    std::sort(groups.begin(), groups.end());
    groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
    for (const Requirement& q : p.requirements)
      group_of.push_back(q.group.empty() ? -1
                         : static_cast<std::int32_t>(std::lower_bound(groups.begin(), groups.end(), q.group) - groups.begin()));
  }

  // counts: scratch space, 3 severities then the groups.
  void append_summary(const RecordResult& r, std::vector<int>& counts, std::string& out) const {
    const Program& p = *r.program;
    counts.assign(3 + groups.size(), 0);
    int violations = 0;
    for (const Finding& f : r.findings) {
      if (f.status != FindingStatus::Fail) continue;
      ++violations;
      const Requirement& q = p.requirements[f.requirement];
      for (int s = 0; s < 3; ++s) counts[s] += q.severity == kSeverities[s];
      if (group_of[f.requirement] >= 0) ++counts[3 + group_of[f.requirement]];
    }
    out += ",\"summary\":{\"violations\":";
    fmt::format_to(std::back_inserter(out), "{}", violations);
    auto object = [&](size_t first, size_t count, auto name) {
      out.push_back('{');
      bool any = false;
      for (size_t i = 0; i < count; ++i) {
        if (!counts[first + i]) continue;
        if (any) out.push_back(',');
        any = true;
        append_json_string(name(i), out);
        fmt::format_to(std::back_inserter(out), ":{}", counts[first + i]);
      }
      out.push_back('}');
    };
    out += ",\"by_severity\":";
    object(0, 3, [](size_t i) { return std::string_view(severity_code(kSeverities[i])); });
    out += ",\"by_group\":";
    object(3, groups.size(), [&](size_t i) { return std::string_view(groups[i]); });
    out += "}";
  }
};

}  // namespace

std::string finding_message(const Program& p, const Finding& f, bool en) {
  const Message m = message_of(p, f, en);
  std::string out;
  for (std::string_view piece : {m.what, m.verdict, m.detail, m.end}) out += piece;
  return out;
}

void append_jsonl(const RecordResult& r, std::string& out, bool english) {
  append_record_head(r, out);
  for (size_t i = 0; i < r.findings.size(); ++i) {
    if (i) out.push_back(',');
    append_finding(*r.program, r.findings[i], english, false, out);
  }
  out += "]";
  append_uncertain(r, out);
  append_unknown_attestations(r, out);
  if (r.program && r.status != RecordStatus::Error) {
    const Grading grading(*r.program);
    std::vector<int> counts;
    if (grading.graded) grading.append_summary(r, counts, out);
  }
  out += "}\n";
}

struct JsonlWriter::Fragments {
  std::shared_ptr<const Program> program;  // held: its address is the key
  Grading grading;
  // Per requirement × FindingStatus, the finding as written, cut where the record's explanation
  // goes (its Kazakh, then its English one): one piece for most, more for a computed fail or
  // missing_data in full output.
  std::vector<std::vector<std::string>> pieces;

  Fragments(std::shared_ptr<const Program> p, bool english, FindingsOutput findings)
      : program(std::move(p)), grading(*program) {
    for (size_t i = 0; i < program->requirements.size(); ++i) {
      for (FindingStatus s : {FindingStatus::Pass, FindingStatus::Fail, FindingStatus::NotApplicable,
                              FindingStatus::MissingData}) {
        std::string whole;
        std::vector<size_t> holes;
        append_finding(*program, {static_cast<std::int32_t>(i), s, {}, {}}, english, findings == FindingsOutput::Brief,
                       whole, &holes);
        std::vector<std::string> cut;
        size_t from = 0;
        for (size_t hole : holes) {
          cut.push_back(whole.substr(from, hole - from));
          from = hole;
        }
        cut.push_back(whole.substr(from));
        pieces.push_back(std::move(cut));
      }
    }
  }
};

const JsonlWriter::Fragments& JsonlWriter::fragments(const std::shared_ptr<const Program>& program) {
  auto it = cache_.find(program.get());
  if (it == cache_.end()) it = cache_.emplace(program.get(), std::make_shared<const Fragments>(program, english_, findings_)).first;
  return *it->second;
}

void JsonlWriter::append(const RecordResult& r, std::string& out) {
  append_record_head(r, out);
  const Fragments* f = r.program ? &fragments(r.program) : nullptr;
  bool first = true;
  for (const Finding& finding : r.findings) {
    if (findings_ == FindingsOutput::Failing && finding.status == FindingStatus::Pass) continue;
    if (!first) out.push_back(',');
    first = false;
    // A not_applicable that says until when a term runs is written whole: its words are not the
    // fragment's.
    if (finding.status == FindingStatus::NotApplicable && !finding.detail_kk.empty()) {
      append_finding(*r.program, finding, english_, findings_ == FindingsOutput::Brief, out);
      continue;
    }
    const std::vector<std::string>& pieces = f->pieces[finding.requirement * 4 + static_cast<size_t>(finding.status)];
    out += pieces[0];
    for (size_t k = 1; k < pieces.size(); ++k) {
      append_json_escaped(k == 1 ? finding.detail_kk : finding.detail_en, out);
      out += pieces[k];
    }
  }
  out += "]";
  append_uncertain(r, out);
  append_unknown_attestations(r, out);
  if (f && r.status != RecordStatus::Error && f->grading.graded) f->grading.append_summary(r, counts_, out);
  out += "}\n";
}

void append_text(const RecordResult& r, std::string& out, bool en, FindingsOutput findings) {
  out += fmt::format("{}  [{}]  {}\n", r.has_id ? printable(r.id) : phrase(Phrase::record_without_id, en),
                     r.has_standard ? printable(r.standard) : "?", to_string(r.status));
  // The record's error is the contract's one-line reason, in English (the `error` key, contract §5).
  if (r.status == RecordStatus::Error) {
    out += "    ";
    append_phrase<Phrase::record_error>(out, en, r.error);
    out.push_back('\n');
  }
  if (r.uncertain >= 0 && r.program) {
    const UncertainPeriod& u = r.program->instrument.uncertain[r.uncertain];
    out += "    ";
    append_phrase<Phrase::in_force_uncertain>(out, en, format_date(u.from), format_date(u.to - 1), en ? u.why_en : u.why_kk);
    out.push_back('\n');
  }
  if (!r.unknown_attestations.empty()) {
    std::string rules;
    for (const std::string& rule : r.unknown_attestations) rules += (rules.empty() ? "" : ", ") + printable(rule);
    out += "    ";
    append_phrase<Phrase::attestations_not_read>(out, en, rules);
    out.push_back('\n');
  }
  for (const Finding& f : r.findings) {
    if (findings == FindingsOutput::Failing && f.status == FindingStatus::Pass) continue;
    const Requirement& req = r.program->requirements[f.requirement];
    const char* sev = severity_code(req.severity);
    out += fmt::format("    {:<8} {:<15}{}", req.rule, to_string(f.status), sev ? fmt::format(" ({})", sev) : std::string());
    if (findings != FindingsOutput::Brief) {
      out.push_back(' ');
      out += finding_message(*r.program, f, en);
    }
    out.push_back('\n');
  }
}

}  // namespace ssd
