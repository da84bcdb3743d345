// `ssd compile --dump`: a Program as the runtime sees it, in the manner of clox's disassembler.
// Each requirement is printed with its source, then its condition as a tree of nodes: every
// operand by the role ops.def gives it, and every field of a node that its op reads.
#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "ssd/internal/ops.h"
#include "ssd/internal/program.h"
#include "ssd/internal/text.h"

namespace ssd {

namespace {

constexpr size_t kWhole = std::string_view::npos;

std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string period(const std::optional<Day>& from, const std::optional<Day>& until, const std::string& act) {
  std::string out;
  if (!act.empty()) out += fmt::format("  from {} by {}", from ? format_date(*from) : "…", act);
  if (until) out += fmt::format("  until {}", format_date(*until));
  return out;
}

std::string slot_line(const Slot& s) {
  return fmt::format("{:<8} {} ← {}", to_string(s.type), s.name, s.json_path);
}

class Disassembler {
 public:
  explicit Disassembler(const Program& p) : p_(p) {}

  std::string run() {
    instrument();
    for (size_t i = 0; i < p_.enums.size(); ++i) enumeration(i);
    for (size_t i = 0; i < p_.mappings.size(); ++i) {
      const Mapping& m = p_.mappings[i];
      line("mapping {:>3} {}: {} → {}", i, m.name, enum_name(m.from_enum), enum_name(m.to_enum));
    }
    for (size_t i = 0; i < p_.slots.size(); ++i) {
      const Slot& s = p_.slots[i];
      line("slot {:>3} {}{}", i, slot_line(s), of_enum(s));
      if (!s.closed.empty() || !s.closed_group.empty()) {
        std::string keys;
        for (const std::string& k : s.closed) keys += (keys.empty() ? "" : ", ") + k;
        line("  closed{}: {}", s.closed_group.empty() ? "" : " to group " + s.closed_group, keys);
      }
    }
    for (size_t i = 0; i < p_.record_types.size(); ++i) {
      line("record {:>3} {}", i, p_.record_types[i].name);
      for (size_t f = 0; f < p_.record_types[i].fields.size(); ++f)
        line("  field {:>3} {}{}", f, slot_line(p_.record_types[i].fields[f]), of_enum(p_.record_types[i].fields[f]));
    }
    for (size_t i = 0; i < p_.provisions.size(); ++i) provision(i);
    for (size_t i = 0; i < p_.requirements.size(); ++i) requirement(i);
    return std::move(out_);
  }

 private:
  template <class... Args>
  void line(fmt::format_string<Args...> format, Args&&... args) {
    std::string text = fmt::format(format, std::forward<Args>(args)...);
    text.erase(text.find_last_not_of(' ') + 1);
    out_ += text + '\n';
  }

  std::string enum_name(std::int32_t id) const {
    return id >= 0 && static_cast<size_t>(id) < p_.enums.size() ? fmt::format("{} (enum {})", p_.enums[id].name, id) : "?";
  }
  std::string of_enum(const Slot& s) const {
    if (s.enum_id >= 0) return "  of " + enum_name(s.enum_id);
    if (s.record_type >= 0 && static_cast<size_t>(s.record_type) < p_.record_types.size())
      return fmt::format("  of record {} {}", s.record_type, p_.record_types[s.record_type].name);
    return "";
  }

  void instrument() {
    const Instrument& in = p_.instrument;
    line("instrument {} — {}", in.id, in.title);
    line("  in force from {}{}, repealed from {}",
         in.in_force_from ? format_date(*in.in_force_from) : "(not given)", in.in_force_estimated ? " (earliest)" : "",
         in.repealed_from ? format_date(*in.repealed_from) : "(not given)");
    if (!in.partial.empty()) line("  partial: {}", one_line(in.partial, kWhole));
    for (const std::string& order : in.orders_left_out) line("  not applied: {}", order);
    for (const UncertainPeriod& u : in.uncertain)
      line("  in force uncertain: {} – {}: {}", format_date(u.from), format_date(u.to - 1), one_line(u.why_en, kWhole));
  }

  void enumeration(size_t i) {
    const EnumDef& e = p_.enums[i];
    line("enum {:>3} {}{} ({} members)", i, e.name, e.open ? " open" : "", e.members.size());
    for (size_t m = 0; m < e.members.size(); ++m)
      line("  member {:>3} {} = \"{}\"", m, e.members[m].name, e.members[m].code);
    if (e.open) line("  member {:>3} (other)", e.members.size());
  }

  void provision(size_t i) {
    const Provision& v = p_.provisions[i];
    std::string in = v.parent >= 0 ? fmt::format(" in={}", v.parent) : "";
    line("provision {:>3} {}:{}  {} § {}{}{}{}{}", i, file_name(v.file), v.line, to_string(v.kind), v.rule, in,
         period(v.from, v.until, v.act), v.reason.empty() ? "" : "  not encoded", v.to_do ? "  to do" : "");
    if (!v.text.empty()) line("  text «{}»", one_line(v.text, kWhole));
    if (!v.text_from.empty()) line("  text from {}", v.text_from);
    if (!v.reason.empty()) line("  reason «{}»", one_line(v.reason, kWhole));
  }

  void requirement(size_t i) {
    const Requirement& r = p_.requirements[i];
    const bool known = r.provision >= 0 && static_cast<size_t>(r.provision) < p_.provisions.size();
    const std::string file = known ? file_name(p_.provisions[r.provision].file) : "?";
    const char* severity = severity_code(r.severity);
    line("requirement {:>3} {}:{}  § {} {}  provision={}{}{}{}", i, file, r.line, r.rule, r.name, r.provision,
         severity ? fmt::format("  severity={}", severity) : "", r.attested ? "  attested" : "",
         period(r.from, r.until, r.act));
    for (const auto& [instrument, rule] : r.inspects) line("  inspects {} § {}", instrument, rule);
    if (!r.group.empty()) line("  group {} «{}»", r.group, r.group_label);
    source(r.source, r.line);
    if (r.attested) return;
    shown_.assign(p_.nodes.size(), false);
    node(r.root, "condition", "  ", "  ", -1, 0);
  }

  // A requirement as written, its lines numbered from `first`. The source starts at its keyword;
  // the lines after it lose the indentation they share, so that they stand under it.
  void source(std::string_view text, int first) {
    std::vector<std::string_view> lines;
    for (size_t start = 0; start <= text.size();) {
      const size_t end = std::min(text.find('\n', start), text.size());
      lines.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    size_t shared = std::string_view::npos;
    for (size_t k = 1; k < lines.size(); ++k)
      if (lines[k].find_first_not_of(' ') != std::string_view::npos)
        shared = std::min(shared, lines[k].find_first_not_of(' '));
    for (size_t k = 0; k < lines.size(); ++k) {
      std::string_view l = lines[k];
      if (k > 0) l.remove_prefix(std::min(shared, l.size()));
      line("  {:>5} | {}", first + static_cast<int>(k), printable(l));
    }
  }

  // One node on one line, then its operands below it, tree-drawn. `enum_hint` is the enumeration
  // a constant of an Enum or EnumSet type names members of: its partner's. A node's source line is
  // shown where it is not its parent's.
  void node(std::int32_t i, const char* role, const std::string& lead, const std::string& indent, int enum_hint,
            std::int32_t parent_line) {
    if (i < 0 || static_cast<size_t>(i) >= p_.nodes.size()) {
      line("{}{} #{} (no such node)", lead, role, i);
      return;
    }
    const Node& n = p_.nodes[i];
    if (shown_[i]) {
      line("{}{} #{} (above)", lead, role, i);
      return;
    }
    shown_[i] = true;
    if (static_cast<size_t>(n.op) >= kOpCount) {
      line("{}{} #{} op {} (unknown)", lead, role, i, static_cast<int>(n.op));
      return;
    }
    const OpInfo& op = op_info(n.op);
    std::string text = fmt::format("{}{} #{} {} {}", lead, role, i, op.name, to_string(n.type));
    if (n.op == Op::Const) text += " " + constant(n, enum_hint);
    for (const auto& [operand, value] : {std::pair{op.a, n.a}, {op.b, n.b}, {op.c, n.c}})
      if (is_index(operand.kind)) text += " " + index(n, operand, value);
    if (op.unit || n.type == ValueType::Duration) text += fmt::format(" unit={}", to_string(n.unit));
    if (n.line != parent_line) text += fmt::format("  line {}", n.line);
    if (n.text >= 0 && static_cast<size_t>(n.text) < p_.texts.size() && n.op != Op::Const)
      text += fmt::format("  «{}»", one_line(p_.texts[n.text], kWhole));
    line("{}", text);

    std::vector<std::pair<const char*, std::int32_t>> children;
    for (const auto& [operand, value] : {std::pair{op.a, n.a}, {op.b, n.b}, {op.c, n.c}})
      if (operand.kind == Operand::Node || (operand.kind == Operand::Optional && value >= 0))
        children.emplace_back(operand.role, value);
    if ((n.op == Op::EveryPeriod || n.op == Op::CalendarEvery) && n.bits != 0)
      children.emplace_back("start", static_cast<std::int32_t>(n.bits - 1));  // program.h
    for (size_t k = 0; k < children.size(); ++k) {
      const bool last = k + 1 == children.size();
      node(children[k].second, children[k].first, indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  "),
           hint_for(n, children[k].second, children, enum_hint), n.line);
    }
  }

  // The enumeration a constant operand names members of: the mapping's source for `map`, else
  // that of another operand, else the node's own (a union or a choice passes its partner's down).
  int hint_for(const Node& n, std::int32_t child, const std::vector<std::pair<const char*, std::int32_t>>& children,
               int enum_hint) const {
    if (n.op == Op::Map) return n.b >= 0 && static_cast<size_t>(n.b) < p_.mappings.size() ? p_.mappings[n.b].from_enum : -1;
    for (const auto& [role, other] : children)
      if (other != child)
        if (const int e = enum_of(p_, other); e >= 0) return e;
    return n.type == ValueType::Enum || n.type == ValueType::EnumSet ? enum_hint : -1;
  }

  std::string member(int enum_id, int m) const {
    if (enum_id < 0 || static_cast<size_t>(enum_id) >= p_.enums.size()) return std::to_string(m);
    const EnumDef& e = p_.enums[enum_id];
    if (static_cast<size_t>(m) < e.members.size()) return e.members[m].name;
    return static_cast<size_t>(m) == e.members.size() && e.open ? "(other)" : std::to_string(m);
  }

  std::string constant(const Node& n, int enum_id) const {
    switch (n.type) {
      case ValueType::Bool: return n.num != 0 ? "true" : "false";
      case ValueType::Number: return fmt::format("{:g}", n.num);
      case ValueType::Area: return fmt::format("{:g} m²", n.num);
      case ValueType::Date: return format_date(static_cast<Day>(n.num));
      case ValueType::Duration: return fmt::format("{:g}", n.num);
      case ValueType::Text:
        return n.text >= 0 && static_cast<size_t>(n.text) < p_.texts.size() ? in_quotes(p_.texts[n.text], kWhole) : "?";
      case ValueType::Enum: return member(enum_id, static_cast<int>(n.bits));
      case ValueType::EnumSet: {
        std::string out;
        for (int m = 0; m < 64; ++m)
          if ((n.bits >> m) & 1) out += (out.empty() ? "" : ", ") + member(enum_id, m);
        return "{" + out + "}";
      }
      default: return fmt::format("num={:g} bits={:#x}", n.num, n.bits);
    }
  }

  // An operand that indexes another table, by its role and with what it names.
  std::string index(const Node& n, const OperandInfo& operand, std::int32_t value) const {
    switch (operand.kind) {
      case Operand::Slot:
        if (value >= 0 && static_cast<size_t>(value) < p_.slots.size())
          return fmt::format("{}={} {} ← {}", operand.role, value, p_.slots[value].name, p_.slots[value].json_path);
        break;
      case Operand::Mapping:
        if (value >= 0 && static_cast<size_t>(value) < p_.mappings.size())
          return fmt::format("{}={} {}", operand.role, value, p_.mappings[value].name);
        break;
      case Operand::Depth: return fmt::format("{}={}", operand.role, value);
      case Operand::Field:
        if (n.bits < p_.record_types.size() && value >= 0 && static_cast<size_t>(value) < p_.record_types[n.bits].fields.size()) {
          const Slot& f = p_.record_types[n.bits].fields[value];
          return fmt::format("record={} {}={} {} ← {}", n.bits, operand.role, value, f.name, f.json_path);
        }
        return fmt::format("record={} {}={}", n.bits, operand.role, value);
      default: break;
    }
    return fmt::format("{}={}", operand.role, value);
  }

  const Program& p_;
  std::string out_;
  std::vector<bool> shown_;  // the nodes of the current requirement printed already
};

}  // namespace

std::string dump(const Program& program) { return Disassembler(program).run(); }

}  // namespace ssd
