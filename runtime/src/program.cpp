#include "ssd/internal/program.h"

#include <fmt/format.h>

namespace ssd {

const char* to_string(ValueType t) {
  static const char* const kNames[] = {"bool", "number", "text", "date", "duration", "area", "enum", "set", "dates", "texts", "table", "objects"};
  return kNames[static_cast<int>(t)];
}

const char* to_string(Op op) {
  static const char* const kNames[] = {
      "const", "field", "as_of", "present", "otherwise", "not", "and", "or", "if", "neg",
      "add", "sub", "mul", "div", "date_add", "date_sub", "days_between",
      "lt", "le", "gt", "ge", "eq", "ne", "in", "intersects", "contains", "union", "map",
      "age", "count", "every_period", "element", "every", "some", "sum", "count_where",
      "text_in", "index", "calendar_every"};
  return kNames[static_cast<int>(op)];
}

const char* to_string(ProvisionKind k) {
  static const char* const kNames[] = {"paragraph", "subparagraph", "abzats", "appendix", "appendix_title", "row"};
  return kNames[static_cast<int>(k)];
}

const std::string& law_of(const Program& p, const Requirement& r) {
  static const std::string kNone;
  return r.provision >= 0 && static_cast<size_t>(r.provision) < p.provisions.size() ? p.provisions[r.provision].text : kNone;
}

const char* to_string(TimeUnit u) {
  static const char* const kNames[] = {"calendar_days", "working_days", "months", "years"};
  return kNames[static_cast<int>(u)];
}

const char* severity_code(Severity s) {
  switch (s) {
    case Severity::Gross: return "gross";
    case Severity::Significant: return "significant";
    case Severity::Minor: return "minor";
    case Severity::None: return nullptr;
  }
  return nullptr;
}

std::string dump(const Program& p) {
  const Instrument& in = p.instrument;
  std::string out = fmt::format("instrument {} — {}\n", in.id, in.title);
  out += fmt::format("  in force from {}, repealed from {}\n",
                     in.in_force_from ? format_date(*in.in_force_from) : "(not given)",
                     in.repealed_from ? format_date(*in.repealed_from) : "(not given)");
  for (size_t i = 0; i < p.enums.size(); ++i)
    out += fmt::format("enum {:>3} {}{} ({} members)\n", i, p.enums[i].name, p.enums[i].open ? " open" : "",
                       p.enums[i].members.size());
  for (size_t i = 0; i < p.slots.size(); ++i)
    out += fmt::format("slot {:>3} {:<8} {} ← {}\n", i, to_string(p.slots[i].type), p.slots[i].name,
                       p.slots[i].json_path);
  for (size_t i = 0; i < p.record_types.size(); ++i)
    for (size_t f = 0; f < p.record_types[i].fields.size(); ++f)
      out += fmt::format("record {:>3} {} field {} {:<8} {} ← {}\n", i, p.record_types[i].name, f,
                         to_string(p.record_types[i].fields[f].type), p.record_types[i].fields[f].name,
                         p.record_types[i].fields[f].json_path);
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    const Node& n = p.nodes[i];
    out += fmt::format("node {:>3} line {:>4}  {:<12} {:<8}", i, n.line, to_string(n.op), to_string(n.type));
    if (n.a >= 0) out += fmt::format(" a={}", n.a);
    if (n.b >= 0) out += fmt::format(" b={}", n.b);
    if (n.c >= 0) out += fmt::format(" c={}", n.c);
    if (n.op == Op::Const) out += fmt::format(" num={:g} bits={:#x}", n.num, n.bits);
    if (n.type == ValueType::Duration || n.op == Op::DateAdd || n.op == Op::DateSub || n.op == Op::EveryPeriod)
      out += fmt::format(" unit={}", to_string(n.unit));
    if (n.text >= 0) out += fmt::format("  «{}»", p.texts[n.text]);
    out += '\n';
  }
  for (size_t i = 0; i < p.provisions.size(); ++i) {
    const Provision& v = p.provisions[i];
    std::string line = fmt::format("provision {:>3} line {:>4}  {:<14} § {:<10}", i, v.line, to_string(v.kind), v.rule);
    if (v.parent >= 0) line += fmt::format(" in={}", v.parent);
    if (!v.act.empty()) line += fmt::format("  from {} by {}", v.from ? format_date(*v.from) : "…", v.act);
    if (v.until) line += fmt::format("  until {}", format_date(*v.until));
    if (!v.reason.empty()) line += "  not encoded";
    if (v.to_do) line += "  to do";
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + '\n';
  }
  for (size_t i = 0; i < p.requirements.size(); ++i) {
    const Requirement& r = p.requirements[i];
    out += fmt::format("requirement {:>3} line {:>4}  § {:<8} {}  provision={}", i, r.line, r.rule, r.name, r.provision);
    if (r.attested) out += "  attested";
    else out += fmt::format("  root={}", r.root);
    if (const char* s = severity_code(r.severity)) out += fmt::format("  severity={}", s);
    out += '\n';
  }
  return out;
}

}  // namespace ssd
