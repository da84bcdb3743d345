#include "ssd/internal/program.h"

#include "phrases.h"
#include "ssd/internal/ops.h"

namespace ssd {

const char* to_string(ValueType t) {
  static const char* const kNames[] = {"bool", "number", "text", "date", "duration", "area", "enum", "set", "dates", "texts", "table", "objects"};
  return kNames[static_cast<int>(t)];
}

const char* to_string(Op op) { return op_info(op).name; }

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

const char* severity_kk(Severity s) { return severity_phrase(s, false); }

int enum_of(const Program& p, std::int32_t index) {
  const Node& n = p.nodes[index];
  switch (n.op) {
    case Op::Field: return p.slots[n.a].enum_id;
    case Op::Map: return p.mappings[n.b].to_enum;
    case Op::Union:
    case Op::Otherwise: {
      const int a = enum_of(p, n.a);
      return a >= 0 ? a : enum_of(p, n.b);
    }
    case Op::Element: return p.record_types[n.bits].fields[n.b].enum_id;
    default: return -1;
  }
}

}  // namespace ssd
