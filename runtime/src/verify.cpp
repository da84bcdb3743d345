#include "ssd/internal/verify.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "ssd/internal/ops.h"

namespace ssd {

namespace {

using T = ValueType;

bool one_of(T t, std::initializer_list<T> types) { return std::find(types.begin(), types.end(), t) != types.end(); }

// What is known of a node once it is checked.
struct NodeInfo {
  int enum_id = -1;  // of an Enum or EnumSet value; -1 for a constant (its partner's)
  int depth = 1;     // the longest chain of operands below it, itself included
  std::uint64_t nodes = 1;  // the nodes evaluating it visits (at most one past the limit)
  // The record type each enclosing quantifier must iterate for the `element` nodes below to read
  // inside their element: frames[d] for the quantifier d binders out; -1 where none is needed.
  std::vector<int> frames;
};

bool quantifier(Op op) { return op == Op::Every || op == Op::Some || op == Op::Sum || op == Op::CountWhere; }

class Verifier {
 public:
  explicit Verifier(const Program& p) : p_(p) {}

  std::string run() {
    for (size_t i = 0; i < p_.enums.size(); ++i)
      if (p_.enums[i].members.size() > (p_.enums[i].open ? 62u : 63u))
        return fmt::format("enumeration {}: {} members, at most 63 (62 when open)", i, p_.enums[i].members.size());
    for (size_t i = 0; i < p_.mappings.size(); ++i)
      if (std::string e = mapping(p_.mappings[i]); !e.empty()) return fmt::format("mapping {}: {}", i, e);
    for (size_t i = 0; i < p_.slots.size(); ++i)
      if (std::string e = slot(p_.slots[i], false); !e.empty()) return fmt::format("slot {}: {}", i, e);
    for (size_t t = 0; t < p_.record_types.size(); ++t)
      for (size_t f = 0; f < p_.record_types[t].fields.size(); ++f)
        if (std::string e = slot(p_.record_types[t].fields[f], true); !e.empty())
          return fmt::format("record type {} field {}: {}", t, f, e);
    info_.reserve(p_.nodes.size());
    for (size_t i = 0; i < p_.nodes.size(); ++i) {
      info_.emplace_back();
      if (std::string e = node(static_cast<int>(i)); !e.empty()) {
        const Node& n = p_.nodes[i];
        return static_cast<std::size_t>(n.op) < kOpCount ? fmt::format("node {} ({}): {}", i, to_string(n.op), e)
                                         : fmt::format("node {}: {}", i, e);
      }
    }
    for (size_t i = 0; i < p_.provisions.size(); ++i)
      if (std::string e = provision(static_cast<std::int32_t>(i)); !e.empty()) return fmt::format("provision {}: {}", i, e);
    for (size_t i = 0; i < p_.requirements.size(); ++i)
      if (std::string e = requirement(p_.requirements[i]); !e.empty()) return fmt::format("requirement {}: {}", i, e);
    return "";
  }

 private:
  bool is_enum(std::int32_t id) const { return id >= 0 && id < static_cast<std::int32_t>(p_.enums.size()); }
  // Members an Enum or EnumSet value of the enumeration can name: its members, and "other".
  int width(int enum_id) const {
    return static_cast<int>(p_.enums[enum_id].members.size()) + (p_.enums[enum_id].open ? 1 : 0);
  }
  static bool fits(std::uint64_t set, int width) { return width >= 64 || (set >> width) == 0; }

  std::string mapping(const Mapping& m) const {
    if (!is_enum(m.from_enum) || !is_enum(m.to_enum)) return "from_enum or to_enum is no enumeration";
    if (m.image.size() != p_.enums[m.from_enum].members.size())
      return fmt::format("{} images for {} members", m.image.size(), p_.enums[m.from_enum].members.size());
    for (std::uint64_t set : m.image)
      if (!fits(set, width(m.to_enum))) return fmt::format("an image names a member past {}", width(m.to_enum));
    return "";
  }

  std::string slot(const Slot& s, bool element) const {
    if (s.type > T::ObjectList) return fmt::format("type {} is unknown", static_cast<int>(s.type));
    const bool enumerated = s.type == T::Enum || s.type == T::EnumSet;
    if (enumerated != is_enum(s.enum_id) || (!enumerated && s.enum_id != -1))
      return fmt::format("enum_id {} for a value of type {}", s.enum_id, to_string(s.type));
    if (s.type == T::ObjectList) {
      if (element) return "a list of objects inside a list of objects";
      if (s.record_type < 0 || s.record_type >= static_cast<std::int32_t>(p_.record_types.size()))
        return fmt::format("record_type {} is no record type", s.record_type);
    } else if (s.record_type != -1) {
      return fmt::format("record_type {} for a value of type {}", s.record_type, to_string(s.type));
    }
    if (s.type == T::Duration) return "a record field cannot hold a term";
    return "";
  }

  std::string type_is(const char* which, std::int32_t child, std::initializer_list<T> want) const {
    const T got = p_.nodes[child].type;
    if (one_of(got, want)) return "";
    std::string names;
    for (T t : want) names += (names.empty() ? "" : " or ") + std::string(to_string(t));
    return fmt::format("operand {} is {}, expected {}", which, to_string(got), names);
  }

  // A periodic duty's start (bits: 1 + its node, 0: none; node() checks it is an earlier one) is a date.
  std::string period_start(const Node& n) const {
    if (n.bits == 0) return "";
    return type_is("start", static_cast<std::int32_t>(n.bits - 1), {T::Date});
  }

  std::string result_is(const Node& n, T want) const {
    if (n.type == want) return "";
    return fmt::format("its value is {}, expected {}", to_string(n.type), to_string(want));
  }

  // Two values of one type compared, combined or chosen between: the same type, the same
  // enumeration, the same unit of term; a constant fits its partner's enumeration.
  std::string alike(std::int32_t a, std::int32_t b) const {
    const Node &x = p_.nodes[a], &y = p_.nodes[b];
    if (x.type != y.type) return fmt::format("operands of types {} and {}", to_string(x.type), to_string(y.type));
    if (x.type == T::Duration && x.unit != y.unit)
      return fmt::format("terms in {} and {}", to_string(x.unit), to_string(y.unit));
    return same_enum(a, b);
  }

  std::string same_enum(std::int32_t a, std::int32_t b) const {
    const int ea = info_[a].enum_id, eb = info_[b].enum_id;
    if (ea >= 0 && eb >= 0 && ea != eb) return fmt::format("members of enumerations {} and {}", ea, eb);
    if (ea >= 0 && eb < 0) return constant_fits(b, ea);
    if (eb >= 0 && ea < 0) return constant_fits(a, eb);
    return "";
  }

  std::string constant_fits(std::int32_t index, int enum_id) const {
    const Node& n = p_.nodes[index];
    if (n.op != Op::Const) return "";
    const int w = width(enum_id);
    const bool ok = n.type == T::Enum ? n.bits < static_cast<std::uint64_t>(w) : fits(n.bits, w);
    return ok ? "" : fmt::format("constant node {} names a member past the {} of enumeration {}", index, w, enum_id);
  }

  // Frames merged: two element nodes must agree on what each quantifier iterates.
  static std::string merge_frames(NodeInfo& into, const std::vector<int>& from) {
    if (into.frames.size() < from.size()) into.frames.resize(from.size(), -1);
    for (size_t d = 0; d < from.size(); ++d) {
      if (from[d] < 0) continue;
      if (into.frames[d] >= 0 && into.frames[d] != from[d])
        return fmt::format("elements of record types {} and {} read from one quantifier", into.frames[d], from[d]);
      into.frames[d] = from[d];
    }
    return "";
  }

  // The list a quantifier ranges over: a field of the record holding a list of objects.
  std::string object_list(std::int32_t list) const {
    const Node& l = p_.nodes[list];
    if (l.op != Op::Field || p_.slots[l.a].type != T::ObjectList) return "operand a is not a field holding a list of objects";
    return "";
  }

  std::string node(int i) {
    const Node& n = p_.nodes[i];
    NodeInfo& self = info_[i];
    if (static_cast<std::size_t>(n.op) >= kOpCount) return fmt::format("op {} is unknown", static_cast<int>(n.op));
    if (n.type > T::ObjectList) return fmt::format("type {} is unknown", static_cast<int>(n.type));
    if (n.unit > TimeUnit::Years) return fmt::format("unit {} is unknown", static_cast<int>(n.unit));
    if (n.text < -1 || n.text >= static_cast<std::int32_t>(p_.texts.size()))
      return fmt::format("text {} is not one of the {} texts", n.text, p_.texts.size());
    const OpInfo& op = op_info(n.op);
    // A periodic duty's start is a fourth operand, kept in bits (program.h).
    const bool started = (n.op == Op::EveryPeriod || n.op == Op::CalendarEvery) && n.bits != 0;
    const std::int32_t start = !started ? -1 : n.bits <= static_cast<std::uint64_t>(i) ? static_cast<std::int32_t>(n.bits - 1) : i;
    const std::pair<const char*, std::int32_t> values[] = {{"a", n.a}, {"b", n.b}, {"c", n.c}, {"start", start}};
    const Operand uses[] = {op.a.kind, op.b.kind, op.c.kind, started ? Operand::Node : Operand::None};
    for (int k = 0; k < 4; ++k) {
      const auto [name, child] = values[k];
      if (is_index(uses[k])) continue;  // checked by the op's own case in typed()
      if (uses[k] == Operand::None || (uses[k] == Operand::Optional && child == -1)) {
        if (child != -1) return fmt::format("operand {} must be -1", name);
        continue;
      }
      // Children come before their parents: evaluation cannot loop.
      if (child < 0 || child >= i) return fmt::format("operand {} = {} is not an earlier node", name, child);
      self.depth = std::max(self.depth, info_[child].depth + 1);
      self.nodes = std::min(self.nodes + info_[child].nodes, kMaxUnfoldedNodes + 1);
      if (!quantifier(n.op))
        if (std::string e = merge_frames(self, info_[child].frames); !e.empty()) return e;
    }
    if (self.depth > kMaxNodeDepth) return fmt::format("nested {} deep, at most {}", self.depth, kMaxNodeDepth);
    return typed(i, n, self);
  }

  // The operands' types fit the op, and the node's type is the op's result.
  std::string typed(int i, const Node& n, NodeInfo& self) {
    auto all = [](std::initializer_list<std::string> checks) {
      for (const std::string& e : checks)
        if (!e.empty()) return e;
      return std::string();
    };
    switch (n.op) {
      case Op::Const:
        switch (n.type) {
          case T::Date:
            if (!(n.num >= kFirstDay && n.num <= kLastDay && n.num == std::floor(n.num)))
              return fmt::format("date {} is no day of the years 0-9999", n.num);
            return "";
          case T::Enum: return n.bits < 64 ? "" : fmt::format("member {} of an enumeration", n.bits);
          case T::Text: return n.text >= 0 ? "" : "a text constant without its text";
          case T::Bool: case T::Number: case T::Duration: case T::Area: case T::EnumSet: return "";
          default: return fmt::format("no constant is of type {}", to_string(n.type));
        }
      case Op::Field: {
        if (n.a < 0 || n.a >= static_cast<std::int32_t>(p_.slots.size()))
          return fmt::format("slot {} is not one of the {} slots", n.a, p_.slots.size());
        const Slot& s = p_.slots[n.a];
        if (n.type != s.type) return fmt::format("its value is {}, slot {} holds {}", to_string(n.type), n.a, to_string(s.type));
        self.enum_id = s.enum_id;
        return "";
      }
      case Op::Element: {
        if (n.a < 0 || n.a >= 64) return fmt::format("{} quantifiers out", n.a);
        if (n.bits >= p_.record_types.size()) return fmt::format("record type {} is not one of {}", n.bits, p_.record_types.size());
        const RecordType& type = p_.record_types[n.bits];
        if (n.b < 0 || n.b >= static_cast<std::int32_t>(type.fields.size()))
          return fmt::format("field {} is not one of the {} of record type {}", n.b, type.fields.size(), n.bits);
        const Slot& f = type.fields[n.b];
        if (n.type != f.type) return fmt::format("its value is {}, the field holds {}", to_string(n.type), to_string(f.type));
        self.enum_id = f.enum_id;
        self.frames.assign(static_cast<size_t>(n.a) + 1, -1);
        self.frames[n.a] = static_cast<int>(n.bits);
        return "";
      }
      case Op::AsOf: return result_is(n, T::Date);
      case Op::Present: return result_is(n, T::Bool);
      case Op::Otherwise:
        self.enum_id = info_[n.a].enum_id >= 0 ? info_[n.a].enum_id : info_[n.b].enum_id;
        return all({alike(n.a, n.b), alike(i, n.a)});
      case Op::Not: return all({type_is("a", n.a, {T::Bool}), result_is(n, T::Bool)});
      case Op::And:
      case Op::Or: return all({type_is("a", n.a, {T::Bool}), type_is("b", n.b, {T::Bool}), result_is(n, T::Bool)});
      case Op::If: {
        const int b = info_[n.b].enum_id, c = n.c >= 0 ? info_[n.c].enum_id : -1;
        self.enum_id = b >= 0 ? b : c;
        return all({type_is("a", n.a, {T::Bool}), alike(i, n.b), n.c >= 0 ? alike(i, n.c) : ""});
      }
      case Op::Neg: return all({type_is("a", n.a, {T::Number, T::Area}), result_is(n, p_.nodes[n.a].type)});
      case Op::Add:
      case Op::Sub:
        return all({type_is("a", n.a, {T::Number, T::Area, T::Duration}), alike(n.a, n.b), alike(i, n.a)});
      case Op::Mul:
      case Op::Div: return arithmetic(n);
      case Op::DateAdd:
      case Op::DateSub:
        return all({type_is("a", n.a, {T::Date}), type_is("b", n.b, {T::Duration}), result_is(n, T::Date),
                    same_unit(n, n.b)});
      case Op::DaysBetween:
        return all({type_is("a", n.a, {T::Date}), type_is("b", n.b, {T::Date}), result_is(n, T::Duration),
                    n.unit == TimeUnit::CalendarDays ? "" : "a count of days in another unit"});
      case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge:
        return all({type_is("a", n.a, {T::Number, T::Area, T::Date, T::Duration}), alike(n.a, n.b), result_is(n, T::Bool)});
      case Op::Eq: case Op::Ne:
        return all({type_is("a", n.a, {T::Bool, T::Number, T::Text, T::Date, T::Duration, T::Area, T::Enum}),
                    alike(n.a, n.b), result_is(n, T::Bool)});
      case Op::In:
        return all({type_is("a", n.a, {T::Enum}), type_is("b", n.b, {T::EnumSet}), same_enum(n.a, n.b), result_is(n, T::Bool)});
      case Op::Intersects:
      case Op::Contains:
        return all({type_is("a", n.a, {T::EnumSet}), alike(n.a, n.b), result_is(n, T::Bool)});
      case Op::Union:
        self.enum_id = info_[n.a].enum_id >= 0 ? info_[n.a].enum_id : info_[n.b].enum_id;
        return all({type_is("a", n.a, {T::EnumSet}), alike(n.a, n.b), result_is(n, T::EnumSet)});
      case Op::Map: {
        if (n.b < 0 || n.b >= static_cast<std::int32_t>(p_.mappings.size()))
          return fmt::format("mapping {} is not one of the {} mappings", n.b, p_.mappings.size());
        const Mapping& m = p_.mappings[n.b];
        const int from = info_[n.a].enum_id;
        self.enum_id = m.to_enum;
        if (from >= 0 && from != m.from_enum)
          return fmt::format("maps members of enumeration {} by a mapping from {}", from, m.from_enum);
        return all({type_is("a", n.a, {T::Enum, T::EnumSet}), constant_fits(n.a, m.from_enum), result_is(n, T::EnumSet)});
      }
      case Op::Age:
        return all({type_is("a", n.a, {T::Date}), type_is("b", n.b, {T::Date}), result_is(n, T::Number)});
      case Op::Count:
        return all({type_is("a", n.a, {T::EnumSet, T::DateList, T::TextList, T::ObjectList}), result_is(n, T::Number)});
      case Op::EveryPeriod:
      case Op::CalendarEvery: {
        const bool calendar_unit = n.unit == TimeUnit::Months || n.unit == TimeUnit::Years;
        return all({type_is("a", n.a, {T::DateList}), type_is("b", n.b, {T::Duration}), type_is("c", n.c, {T::Date}),
                    result_is(n, T::Bool), same_unit(n, n.b), period_start(n),
                    n.op == Op::CalendarEvery && !calendar_unit ? "calendar periods are months or years" : ""});
      }
      case Op::Every:
      case Op::Some:
      case Op::CountWhere:
        return all({object_list(n.a), type_is("b", n.b, {T::Bool}),
                    result_is(n, n.op == Op::CountWhere ? T::Number : T::Bool), quantified(n, self)});
      case Op::Sum:
        return all({object_list(n.a), n.b >= 0 ? type_is("b", n.b, {T::Bool}) : "",
                    type_is("c", n.c, {T::Number, T::Area}), result_is(n, p_.nodes[n.c].type), quantified(n, self)});
      case Op::TextIn:
        return all({type_is("a", n.a, {T::Text}), type_is("b", n.b, {T::TextList}), result_is(n, T::Bool)});
      case Op::Index:
        return all({type_is("a", n.a, {T::NumberTable}), type_is("b", n.b, {T::Text}), result_is(n, T::Number),
                    n.text >= 0 ? "" : "an index without the text that names it"});
    }
    return "";
  }

  std::string arithmetic(const Node& n) const {
    const T a = p_.nodes[n.a].type, b = p_.nodes[n.b].type;
    T result = T::Bool;  // none
    if (a == T::Number && b == T::Number) result = T::Number;
    else if (a == T::Area && b == T::Number) result = T::Area;
    else if (n.op == Op::Mul && a == T::Number && b == T::Area) result = T::Area;
    else if (n.op == Op::Div && a == T::Area && b == T::Area) result = T::Number;
    if (result == T::Bool) return fmt::format("operands of types {} and {}", to_string(a), to_string(b));
    return result_is(n, result);
  }

  std::string same_unit(const Node& n, std::int32_t term) const {
    const Node& t = p_.nodes[term];
    if (t.type == T::Duration && t.unit != n.unit)
      return fmt::format("a term in {} counted in {}", to_string(t.unit), to_string(n.unit));
    return "";
  }

  // A quantifier's body and summand read elements of the list it ranges over: their innermost
  // frame is that list, the others are the quantifier's own.
  std::string quantified(const Node& n, NodeInfo& self) {
    if (p_.nodes[n.a].op != Op::Field) return "";  // reported by object_list
    const int type = p_.slots[p_.nodes[n.a].a].record_type;
    for (std::int32_t body : {n.b, n.c}) {
      if (body < 0 || info_[body].frames.empty()) continue;
      const std::vector<int>& frames = info_[body].frames;
      if (frames[0] >= 0 && frames[0] != type)
        return fmt::format("its body reads elements of record type {} from a list of record type {}", frames[0], type);
      if (std::string e = merge_frames(self, {frames.begin() + 1, frames.end()}); !e.empty()) return e;
    }
    return "";
  }

  // A provision is written inside one that comes before it.
  std::string provision(std::int32_t i) const {
    const Provision& v = p_.provisions[i];
    if (v.kind > ProvisionKind::Row) return fmt::format("kind {} is unknown", static_cast<int>(v.kind));
    if (v.parent < -1 || v.parent >= i) return fmt::format("parent {} does not come before it", v.parent);
    return "";
  }

  std::string requirement(const Requirement& r) const {
    if (r.severity > Severity::Minor) return fmt::format("severity {} is unknown", static_cast<int>(r.severity));
    if (r.provision < 0 || r.provision >= static_cast<std::int32_t>(p_.provisions.size()))
      return fmt::format("provision {} is not one of the {} provisions", r.provision, p_.provisions.size());
    if (r.rule != p_.provisions[r.provision].rule)
      return fmt::format("its rule {} is not its provision's {}", r.rule, p_.provisions[r.provision].rule);
    if (r.attested) return r.root == -1 ? "" : "an attested requirement with a condition";
    if (r.root < 0 || r.root >= static_cast<std::int32_t>(p_.nodes.size()))
      return fmt::format("root {} is not one of the {} nodes", r.root, p_.nodes.size());
    if (p_.nodes[r.root].type != T::Bool) return fmt::format("its condition is {}, not bool", to_string(p_.nodes[r.root].type));
    if (info_[r.root].nodes > kMaxUnfoldedNodes)
      return fmt::format("its condition visits more than {} nodes", kMaxUnfoldedNodes);
    for (int frame : info_[r.root].frames)
      if (frame >= 0) return "its condition reads an element outside any quantifier";
    return "";
  }

  const Program& p_;
  std::vector<NodeInfo> info_;
};

}  // namespace

std::string verify(const Program& program) { return Verifier(program).run(); }

}  // namespace ssd
