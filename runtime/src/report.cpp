#include "ssd/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "ssd/internal/program.h"
#include "ssd/internal/text.h"

namespace ssd {

void append_json_string(std::string_view s, std::string& out) {
  out.push_back('"');
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        else out.push_back(c);
    }
  }
  out.push_back('"');
}

namespace {

std::string description(const Requirement& r, bool en) {
  if (en) return r.description_en.empty() ? r.name : r.description_en;
  return r.description_kk.empty() ? r.name : r.description_kk;
}

}  // namespace

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

std::string finding_message(const Program& p, const Finding& f, bool en) {
  const Requirement& r = p.requirements[f.requirement];
  const std::string what = description(r, en);
  const std::string& detail = en ? f.detail_en : f.detail_kk;
  switch (f.status) {
    case FindingStatus::Pass:
      if (r.attested) return en ? what + ": met, as the inspector attests." : what + ": талап орындалды (тексеруші растады).";
      return en ? what + ": met." : what + ": талап орындалды.";
    case FindingStatus::Fail:
      if (r.attested) return en ? what + ": not met, as the inspector attests." : what + ": талап орындалмады (тексеруші растады).";
      return en ? what + ": not met — " + detail + "." : what + ": талап орындалмады — " + detail + ".";
    case FindingStatus::NotApplicable:
      if (!detail.empty()) return en ? what + ": not yet due — " + detail + "." : what + ": мерзімі әлі өтпеген — " + detail + ".";
      return en ? what + ": does not apply to this case." : what + ": бұл жағдайға қолданылмайды.";
    case FindingStatus::MissingData:
      return en ? what + ": cannot be judged, data missing — " + detail + "."
                : what + ": тексеруге деректер жетіспейді — " + detail + ".";
  }
  return what;
}

namespace {

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

// {"rule":"5.1","status":"
std::string finding_head(const Requirement& req) {
  std::string out = "{\"rule\":";
  append_json_string(req.rule, out);
  out += ",\"status\":\"";
  return out;
}

// ,"citation":"..."[,"attested":true][,"wording":"..."]}
std::string finding_tail(const Requirement& req) {
  std::string out = ",\"citation\":";
  append_json_string(req.citation, out);
  if (req.attested) out += ",\"attested\":true";
  if (!req.act.empty()) {
    out += ",\"wording\":";
    append_json_string(req.act, out);
  }
  out.push_back('}');
  return out;
}

// pass","severity":null,"message":"...","message_en":"..."
void append_finding_body(const Program& p, const Finding& f, bool english, std::string& out) {
  const Requirement& req = p.requirements[f.requirement];
  out += to_string(f.status);
  out += "\",\"severity\":";
  if (const char* s = severity_code(req.severity)) out += fmt::format("\"{}\"", s);
  else out += "null";
  out += ",\"message\":";
  append_json_string(finding_message(p, f, false), out);
  if (!english) return;
  out += ",\"message_en\":";
  append_json_string(finding_message(p, f, true), out);
}

}  // namespace

// For an instrument whose requirements have severities or groups (the risk criteria): the
// violations counted by severity and by group.
bool graded(const Program& p) {
  return std::any_of(p.requirements.begin(), p.requirements.end(),
                     [](const Requirement& q) { return q.severity != Severity::None || !q.group.empty(); });
}

void append_summary(const RecordResult& r, std::string& out) {
  const Program& p = *r.program;
  std::map<std::string, int> by_severity, by_group;
  int violations = 0;
  for (const Finding& f : r.findings) {
    if (f.status != FindingStatus::Fail) continue;
    ++violations;
    const Requirement& q = p.requirements[f.requirement];
    if (const char* s = severity_code(q.severity)) ++by_severity[s];
    if (!q.group.empty()) ++by_group[q.group];
  }
  auto object = [&](const std::map<std::string, int>& counts) {
    std::string o = "{";
    for (const auto& [k, n] : counts) {
      if (o.size() > 1) o.push_back(',');
      append_json_string(k, o);
      o += ":" + std::to_string(n);
    }
    return o + "}";
  };
  out += ",\"summary\":{\"violations\":" + std::to_string(violations) + ",\"by_severity\":" + object(by_severity) + ",\"by_group\":" + object(by_group) + "}";
}

void append_jsonl(const RecordResult& r, std::string& out, bool english) {
  append_record_head(r, out);
  for (size_t i = 0; i < r.findings.size(); ++i) {
    const Requirement& req = r.program->requirements[r.findings[i].requirement];
    if (i) out.push_back(',');
    out += finding_head(req);
    append_finding_body(*r.program, r.findings[i], english, out);
    out += finding_tail(req);
  }
  out += "]";
  append_uncertain(r, out);
  if (r.program && r.status != RecordStatus::Error && graded(*r.program)) append_summary(r, out);
  out += "}\n";
}

const JsonlWriter::Fragments& JsonlWriter::fragments(const std::shared_ptr<const Program>& program) {
  auto it = cache_.find(program.get());
  if (it != cache_.end()) return it->second;
  const Program& p = *program;
  Fragments f;
  f.program = program;
  f.graded = graded(p);
  for (size_t i = 0; i < p.requirements.size(); ++i) {
    const Requirement& req = p.requirements[i];
    f.head.push_back(finding_head(req));
    f.tail.push_back(finding_tail(req));
    for (FindingStatus s : {FindingStatus::Pass, FindingStatus::Fail, FindingStatus::NotApplicable,
                            FindingStatus::MissingData}) {
      // A computed requirement's fail and missing_data say what this record lacks: not fixed; nor
      // is a not_applicable that says until when a term runs (below).
      const bool fixed = req.attested || s == FindingStatus::Pass || s == FindingStatus::NotApplicable;
      std::string whole;
      if (fixed) {
        whole = f.head.back();
        append_finding_body(p, {static_cast<std::int32_t>(i), s, {}, {}}, english_, whole);
        whole += f.tail.back();
      }
      f.fixed.push_back(std::move(whole));
    }
  }
  return cache_.emplace(&p, std::move(f)).first->second;
}

void JsonlWriter::append(const RecordResult& r, std::string& out) {
  append_record_head(r, out);
  if (!r.findings.empty()) {
    const Fragments& f = fragments(r.program);
    for (size_t i = 0; i < r.findings.size(); ++i) {
      const Finding& finding = r.findings[i];
      if (i) out.push_back(',');
      const std::string& fixed = f.fixed[finding.requirement * 4 + static_cast<size_t>(finding.status)];
      if (!fixed.empty() && finding.detail_kk.empty()) {
        out += fixed;
        continue;
      }
      out += f.head[finding.requirement];
      append_finding_body(*r.program, finding, english_, out);
      out += f.tail[finding.requirement];
    }
  }
  out += "]";
  append_uncertain(r, out);
  if (r.program && r.status != RecordStatus::Error && fragments(r.program).graded) append_summary(r, out);
  out += "}\n";
}

void append_text(const RecordResult& r, std::string& out, bool en) {
  out += fmt::format("{}  [{}]  {}\n", r.has_id ? printable(r.id) : en ? "(no id)" : "(id жоқ)",
                     r.has_standard ? printable(r.standard) : "?", to_string(r.status));
  // The record's error is the contract's one-line reason, in English (the `error` key, contract §5).
  if (r.status == RecordStatus::Error) out += fmt::format("    {}: {}\n", en ? "error" : "қате / error", r.error);
  if (r.uncertain >= 0 && r.program) {
    const UncertainPeriod& u = r.program->instrument.uncertain[r.uncertain];
    if (en) out += fmt::format("    in force uncertain: {} – {}: {}\n", format_date(u.from), format_date(u.to - 1), u.why_en);
    else out += fmt::format("    күшінде болуы белгісіз / in force uncertain: {} – {}: {}\n", format_date(u.from), format_date(u.to - 1), u.why_kk);
  }
  for (const Finding& f : r.findings) {
    const Requirement& req = r.program->requirements[f.requirement];
    const char* sev = severity_code(req.severity);
    out += fmt::format("    {:<8} {:<15}{} {}\n", req.rule, to_string(f.status),
                       sev ? fmt::format(" ({})", sev) : std::string(), finding_message(*r.program, f, en));
  }
}

}  // namespace ssd
