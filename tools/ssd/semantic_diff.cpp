#include "semantic_diff.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "labels.h"
#include "rule_order.h"
#include "ssd/internal/ops.h"

namespace ssd::cli {

namespace {

std::string codes(const Program& p, int enum_id, std::uint64_t bits) {
  std::vector<std::string> out;
  for (int i = 0; i < 64; ++i)
    if ((bits >> i) & 1)
      out.push_back(enum_id >= 0 && i < static_cast<int>(p.enums[enum_id].members.size())
                        ? p.enums[enum_id].members[i].code : "#" + std::to_string(i));
  std::sort(out.begin(), out.end());
  std::string s;
  for (const auto& c : out) s += (s.empty() ? "" : ",") + c;
  return s;
}

// A term's count and unit: "1 month" but "3 months" in English; JSON keeps its pair of the plural.
std::string term(double count, TimeUnit u, LabelLang lang) {
  const bool one = count == 1 && lang == LabelLang::En;
  Label unit = Label::unit_calendar_days;
  switch (u) {
    case TimeUnit::CalendarDays: unit = one ? Label::unit_calendar_day : Label::unit_calendar_days; break;
    case TimeUnit::WorkingDays: unit = one ? Label::unit_working_day : Label::unit_working_days; break;
    case TimeUnit::Months: unit = one ? Label::unit_month : Label::unit_months; break;
    case TimeUnit::Years: unit = one ? Label::unit_year : Label::unit_years; break;
  }
  return fmt::format("{:g} {}", count, label(unit, lang));
}

// A constant as a person reads it; `partner` names the enumeration of a member or a set. Truth
// values and areas are written in the language's own words (ақиқат, жалған, м²), as in the source.
std::string constant(const Program& p, const Node& n, int enum_id, LabelLang lang) {
  switch (n.type) {
    case ValueType::Bool: return n.num != 0 ? "ақиқат" : "жалған";
    case ValueType::Number: return fmt::format("{:g}", n.num);
    case ValueType::Area: return fmt::format("{:g} м²", n.num);
    case ValueType::Date: return format_date(static_cast<Day>(n.num));
    case ValueType::Duration: return term(n.num, n.unit, lang);
    case ValueType::Text: return "\"" + p.texts[n.text] + "\"";
    case ValueType::Enum: return codes(p, enum_id, std::uint64_t{1} << n.bits);
    case ValueType::EnumSet: return "{" + codes(p, enum_id, n.bits) + "}";
    default: return "?";
  }
}

class Canon {
 public:
  // `lang`: the language of the units of terms.
  explicit Canon(const Program& p, LabelLang lang = LabelLang::Json) : p_(p), lang_(lang) {}

  // `partner`: the enumeration a constant member or set belongs to, from the other operand.
  std::string of(std::int32_t index, int partner = -1) const {
    if (index < 0) return "_";
    const Node& n = p_.nodes[index];
    switch (n.op) {
      case Op::Const: return constant(p_, n, partner, lang_);
      case Op::Field: return "$" + p_.slots[n.a].json_path;
      case Op::Element: return fmt::format("${}.{}", n.a, p_.record_types[n.bits].fields[n.b].json_path);
      case Op::Map: {
        const Mapping& m = p_.mappings[n.b];
        std::string table;
        for (size_t i = 0; i < m.image.size(); ++i)
          if (m.image[i])
            table += fmt::format("{}{}→{{{}}}", table.empty() ? "" : ";", p_.enums[m.from_enum].members[i].code,
                                 codes(p_, m.to_enum, m.image[i]));
        return fmt::format("map[{}]({})", table, of(n.a));
      }
      default: {
        const int a_enum = n.a >= 0 && n.op != Op::Element ? enum_of(p_, n.a) : -1;
        const int b_enum = n.b >= 0 ? enum_of(p_, n.b) : -1;
        std::string out = to_string(n.op);
        if (op_info(n.op).unit) out += fmt::format("<{}>", to_string(n.unit));
        out += "(" + of(n.a, b_enum) + "," + of(n.b, a_enum);
        if (n.c >= 0) out += "," + of(n.c);
        if ((n.op == Op::EveryPeriod || n.op == Op::CalendarEvery) && n.bits != 0)
          out += ",start=" + of(static_cast<std::int32_t>(n.bits - 1));  // program.h
        return out + ")";
      }
    }
  }

 private:
  const Program& p_;
  LabelLang lang_;
};

std::string squeeze(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t') { space = !out.empty(); continue; }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Walks two conditions side by side and names what differs where their shapes agree.
class Explainer {
 public:
  Explainer(const Program& a, const Program& b, LabelLang lang) : a_(a), b_(b), ca_(a, lang), cb_(b, lang), lang_(lang) {}

  void walk(std::int32_t x, std::int32_t y, int ex, int ey, std::vector<std::string>& out) const {
    if (ca_.of(x, ex) == cb_.of(y, ey)) return;
    if (x < 0 || y < 0) { whole(x, y, ex, ey, out); return; }
    const Node& m = a_.nodes[x];
    const Node& n = b_.nodes[y];
    // A term's unit lives on its constant too: a date sum over another unit is walked into.
    const bool unit_carrier = op_info(m.op).unit || m.op == Op::Const;
    if (m.op != n.op || m.type != n.type || (m.unit != n.unit && !unit_carrier)) { whole(x, y, ex, ey, out); return; }
    switch (m.op) {
      case Op::Const: {
        if (m.type == ValueType::EnumSet) { set_change(m.bits, ex, n.bits, ey, out); return; }
        out.push_back(fmt::format("{} → {}", constant(a_, m, ex, lang_), constant(b_, n, ey, lang_)));
        return;
      }
      case Op::Map: {
        const Mapping& ma = a_.mappings[m.b];
        const Mapping& mb = b_.mappings[n.b];
        std::map<std::string, std::uint64_t> from_a, from_b;
        for (size_t i = 0; i < ma.image.size(); ++i) from_a[a_.enums[ma.from_enum].members[i].code] = ma.image[i];
        for (size_t i = 0; i < mb.image.size(); ++i) from_b[b_.enums[mb.from_enum].members[i].code] = mb.image[i];
        std::set<std::string> keys;
        for (const auto& [k, _] : from_a) keys.insert(k);
        for (const auto& [k, _] : from_b) keys.insert(k);
        for (const std::string& k : keys) {
          const std::string was = codes(a_, ma.to_enum, from_a.count(k) ? from_a[k] : 0);
          const std::string now = codes(b_, mb.to_enum, from_b.count(k) ? from_b[k] : 0);
          if (was != now) out.push_back(fmt::format("{}: {{{}}} → {{{}}}", k, was, now));
        }
        walk(m.a, n.a, -1, -1, out);
        return;
      }
      case Op::Field:
      case Op::Element:
      case Op::AsOf:
        whole(x, y, ex, ey, out);
        return;
      default: {
        const int ma = m.a >= 0 ? enum_of(a_, m.a) : -1, mb = m.b >= 0 ? enum_of(a_, m.b) : -1;
        const int na = n.a >= 0 ? enum_of(b_, n.a) : -1, nb = n.b >= 0 ? enum_of(b_, n.b) : -1;
        walk(m.a, n.a, mb, nb, out);
        walk(m.b, n.b, ma, na, out);
        walk(m.c, n.c, -1, -1, out);
      }
    }
  }

 private:
  void whole(std::int32_t x, std::int32_t y, int ex, int ey, std::vector<std::string>& out) const {
    auto text = [](const Program& p, const Canon& c, std::int32_t i, int e) {
      if (i < 0) return std::string("—");
      const Node& n = p.nodes[i];
      return n.text >= 0 && n.op != Op::Const ? p.texts[n.text] : c.of(i, e);
    };
    out.push_back(fmt::format("{} → {}", text(a_, ca_, x, ex), text(b_, cb_, y, ey)));
  }

  void set_change(std::uint64_t was, int ea, std::uint64_t now, int eb, std::vector<std::string>& out) const {
    std::set<std::string> old_codes, new_codes;
    for (int i = 0; i < 64; ++i) {
      if ((was >> i) & 1) old_codes.insert(codes(a_, ea, std::uint64_t{1} << i));
      if ((now >> i) & 1) new_codes.insert(codes(b_, eb, std::uint64_t{1} << i));
    }
    std::string added, removed;
    for (const auto& c : new_codes) if (!old_codes.count(c)) added += (added.empty() ? "" : ", ") + c;
    for (const auto& c : old_codes) if (!new_codes.count(c)) removed += (removed.empty() ? "" : ", ") + c;
    if (!added.empty()) out.push_back(label(Label::added, lang_) + ": " + added);
    if (!removed.empty()) out.push_back(label(Label::removed, lang_) + ": " + removed);
  }

  const Program& a_;
  const Program& b_;
  Canon ca_, cb_;
  LabelLang lang_;
};

std::string severity_name(Severity s, LabelLang lang) {
  const char* code = severity_code(s);
  return code ? code : label(Label::none, lang);
}

std::string period(const Instrument& in) {
  return fmt::format("{} – {}", in.in_force_from ? format_date(*in.in_force_from) : "…",
                     in.repealed_from ? format_date(*in.repealed_from) : "…");
}

}  // namespace

std::string canonical(const Program& p, std::int32_t node) { return Canon(p).of(node); }

const char* to_string(ProvisionChange::Kind k) {
  switch (k) {
    case ProvisionChange::Added: return "added";
    case ProvisionChange::Removed: return "removed";
    case ProvisionChange::Reworded: return "reworded";
    case ProvisionChange::Changed: return "changed";
    case ProvisionChange::NewWording: return "new_wording";
  }
  return "?";
}

bool InstrumentDiff::meaning_changed() const {
  if (!metadata.empty()) return true;
  return std::any_of(changes.begin(), changes.end(),
                     [](const ProvisionChange& c) { return c.kind != ProvisionChange::Reworded; });
}

InstrumentDiff diff_programs(const Program& a, const Program& b, LabelLang lang) {
  InstrumentDiff d;
  d.id = b.instrument.id;
  if (a.instrument.id != b.instrument.id)
    d.metadata.push_back(fmt::format("id: {} → {}", a.instrument.id, b.instrument.id));
  if (period(a.instrument) != period(b.instrument))
    d.metadata.push_back(
        fmt::format("{}: {} → {}", label(Label::period_of_force, lang), period(a.instrument), period(b.instrument)));

  // Requirements are matched by citation, then by name among those of one citation.
  auto key = [](const Requirement& r) { return r.rule + "\x1f" + r.name; };
  std::map<std::string, const Requirement*> older, newer;
  std::multimap<std::string, const Requirement*> older_by_rule;
  for (const Requirement& r : a.requirements) older[key(r)] = &r, older_by_rule.emplace(r.rule, &r);
  for (const Requirement& r : b.requirements) newer[key(r)] = &r;
  std::set<const Requirement*> matched;
  const Explainer explain(a, b, lang);
  const Canon ca(a), cb(b);
  for (const Requirement& r : b.requirements) {
    const Requirement* old = older.count(key(r)) ? older[key(r)] : nullptr;
    if (!old) {
      // A renamed requirement of the same citation, alone there in both versions, is the same one.
      const auto range = older_by_rule.equal_range(r.rule);
      int same_rule_new = 0;
      for (const Requirement& q : b.requirements) same_rule_new += q.rule == r.rule;
      if (std::distance(range.first, range.second) == 1 && same_rule_new == 1 && !matched.count(range.first->second))
        old = range.first->second;
    }
    if (!old) {
      d.changes.push_back({ProvisionChange::Added, r.rule, r.name, "", law_of(b, r), {}});
      continue;
    }
    matched.insert(old);
    ProvisionChange c{ProvisionChange::Changed, r.rule, r.name, law_of(a, *old), law_of(b, r), {}};
    if (old->severity != r.severity)
      c.what.push_back(fmt::format("{}: {} → {}", label(Label::severity, lang), severity_name(old->severity, lang),
                                   severity_name(r.severity, lang)));
    if (old->attested != r.attested)
      c.what.push_back(label(r.attested ? Label::now_attested : Label::now_computed, lang));
    else if (!r.attested && ca.of(old->root) != cb.of(r.root))
      explain.walk(old->root, r.root, -1, -1, c.what);
    if (!c.what.empty()) {
      d.changes.push_back(std::move(c));
    } else if (squeeze(law_of(a, *old)) != squeeze(law_of(b, r)) || squeeze(old->description_kk) != squeeze(r.description_kk)) {
      c.kind = ProvisionChange::Reworded;
      d.changes.push_back(std::move(c));
    }
  }
  for (const Requirement& r : a.requirements)
    if (!matched.count(&r)) d.changes.push_back({ProvisionChange::Removed, r.rule, r.name, law_of(a, r), "", {}});
  std::stable_sort(d.changes.begin(), d.changes.end(), [](const ProvisionChange& x, const ProvisionChange& y) {
    return rule_order(x.rule) < rule_order(y.rule);
  });
  return d;
}

}  // namespace ssd::cli
