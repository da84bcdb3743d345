#include "evaluator.h"

#include <bit>
#include <cmath>

#include <fmt/format.h>

namespace ssd {

namespace {

using State = Value::State;

// Missing wins over NotApplicable: a premise that cannot be read is a lack of data.
Value absent(const Value& a, const Value& b) {
  if (a.state == State::Missing || b.state == State::Missing) return Value::missing();
  return Value::not_applicable();
}

const char* comparison_symbol(Op op) {
  switch (op) {
    case Op::Lt: return "<";
    case Op::Le: return "≤";
    case Op::Gt: return ">";
    case Op::Ge: return "≥";
    case Op::Eq: return "=";
    case Op::Ne: return "≠";
    default: return "?";
  }
}

const char* unit_word(TimeUnit unit, bool en) {
  switch (unit) {
    case TimeUnit::CalendarDays: return en ? "calendar days" : "күнтізбелік күн";
    case TimeUnit::WorkingDays: return en ? "working days" : "жұмыс күні";
    case TimeUnit::Months: return en ? "months" : "ай";
    case TimeUnit::Years: return en ? "years" : "жыл";
  }
  return "";
}

}  // namespace

Value Evaluator::date_add(Day day, double count, TimeUnit unit, int sign) const {
  const int n = static_cast<int>(count) * sign;
  switch (unit) {
    case TimeUnit::CalendarDays: return Value::number(day + n);
    case TimeUnit::Months: return Value::number(add_months(day, n));
    case TimeUnit::Years: return Value::number(add_years(day, n));
    case TimeUnit::WorkingDays: {
      // Counting back in working days has no use in the law; only forward terms are kept.
      const std::optional<Day> end = n >= 0 ? calendar_.add_working_days(day, n) : std::nullopt;
      return end ? Value::number(*end) : Value::missing();
    }
  }
  return Value::missing();
}

Value Evaluator::compare(const Node& n, const Record& r) const {
  const Value a = eval(n.a, r), b = eval(n.b, r);
  if (!a.present() || !b.present()) return absent(a, b);
  const Node& left = p_.nodes[n.a];
  if (left.type == ValueType::Enum || left.type == ValueType::Text || left.type == ValueType::Bool) {
    const bool equal = left.type == ValueType::Enum ? a.bits == b.bits
                       : left.type == ValueType::Text ? a.text == b.text : a.num == b.num;
    return Value::boolean(n.op == Op::Eq ? equal : !equal);
  }
  switch (n.op) {
    case Op::Lt: return Value::boolean(a.num < b.num);
    case Op::Le: return Value::boolean(a.num <= b.num);
    case Op::Gt: return Value::boolean(a.num > b.num);
    case Op::Ge: return Value::boolean(a.num >= b.num);
    case Op::Eq: return Value::boolean(a.num == b.num);
    case Op::Ne: return Value::boolean(a.num != b.num);
    default: return Value::missing();
  }
}

// Dates a (any order) never further apart than the term b, and the last no further than b
// before date c. No dates at all: false.
Value Evaluator::every_period(const Node& n, const Record& r) const {
  const Value list = eval(n.a, r), term = eval(n.b, r), until = eval(n.c, r);
  if (!list.present() || !term.present() || !until.present()) {
    return list.state == State::Missing || term.state == State::Missing || until.state == State::Missing
        ? Value::missing() : Value::not_applicable();
  }
  if (list.length == 0) return Value::boolean(false);
  const Day* dates = r.dates.data() + list.offset;
  for (std::uint32_t i = 0; i < list.length; ++i) {
    const Day next = i + 1 < list.length ? dates[i + 1] : static_cast<Day>(until.num);
    const Value deadline = date_add(dates[i], term.num, n.unit, 1);
    if (!deadline.present()) return deadline;
    if (next > deadline.num) return Value::boolean(false);
  }
  return Value::boolean(true);
}

Value Evaluator::eval(std::int32_t index, const Record& r) const {
  const Node& n = p_.nodes[index];
  switch (n.op) {
    case Op::Const: {
      Value v = Value::number(n.num);
      v.bits = n.bits;
      if (n.text >= 0) v.text = p_.texts[n.text];
      return v;
    }
    case Op::Field: return r.slots[n.a];
    case Op::AsOf: return Value::number(r.as_of);
    case Op::Present: return Value::boolean(eval(n.a, r).present());
    case Op::Otherwise: {
      const Value a = eval(n.a, r);
      return a.state == State::Missing ? eval(n.b, r) : a;
    }
    case Op::Not: {
      const Value a = eval(n.a, r);
      return a.present() ? Value::boolean(a.num == 0) : a;
    }
    case Op::And: {
      const Value a = eval(n.a, r);
      if (a.present() && a.num == 0) return a;
      const Value b = eval(n.b, r);
      if (b.present() && b.num == 0) return b;
      return a.present() && b.present() ? Value::boolean(true) : absent(a, b);
    }
    case Op::Or: {
      const Value a = eval(n.a, r);
      if (a.present() && a.num != 0) return a;
      const Value b = eval(n.b, r);
      if (b.present() && b.num != 0) return b;
      return a.present() && b.present() ? Value::boolean(false) : absent(a, b);
    }
    case Op::If: {
      const Value c = eval(n.a, r);
      if (!c.present()) return c;
      if (c.num != 0) return eval(n.b, r);
      return n.c >= 0 ? eval(n.c, r) : Value::not_applicable();
    }
    case Op::Neg: {
      Value a = eval(n.a, r);
      a.num = -a.num;
      return a;
    }
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div: {
      const Value a = eval(n.a, r), b = eval(n.b, r);
      if (!a.present() || !b.present()) return absent(a, b);
      switch (n.op) {
        case Op::Add: return Value::number(a.num + b.num);
        case Op::Sub: return Value::number(a.num - b.num);
        case Op::Mul: return Value::number(a.num * b.num);
        default:
          // Nothing divided by nothing (0 children in a room) has no meaning: no data to judge.
          return b.num == 0 ? Value::missing() : Value::number(a.num / b.num);
      }
    }
    case Op::DateAdd:
    case Op::DateSub: {
      const Value a = eval(n.a, r), b = eval(n.b, r);
      if (!a.present() || !b.present()) return absent(a, b);
      return date_add(static_cast<Day>(a.num), b.num, n.unit, n.op == Op::DateAdd ? 1 : -1);
    }
    case Op::DaysBetween: {
      const Value a = eval(n.a, r), b = eval(n.b, r);
      if (!a.present() || !b.present()) return absent(a, b);
      return Value::number(a.num - b.num);
    }
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
    case Op::Eq:
    case Op::Ne:
      return compare(n, r);
    case Op::In:
    case Op::Intersects:
    case Op::Contains:
    case Op::Union: {
      const Value a = eval(n.a, r), b = eval(n.b, r);
      if (!a.present() || !b.present()) return absent(a, b);
      switch (n.op) {
        case Op::In: return Value::boolean((b.bits >> a.bits) & 1);
        case Op::Intersects: return Value::boolean((a.bits & b.bits) != 0);
        case Op::Contains: return Value::boolean((a.bits & b.bits) == b.bits);
        default: return Value::set(a.bits | b.bits);
      }
    }
    case Op::Map: {
      const Value a = eval(n.a, r);
      if (!a.present()) return a;
      const Mapping& m = p_.mappings[n.b];
      const std::uint64_t members = p_.nodes[n.a].type == ValueType::Enum ? std::uint64_t{1} << a.bits : a.bits;
      std::uint64_t image = 0;
      for (size_t i = 0; i < m.image.size(); ++i)
        if ((members >> i) & 1) image |= m.image[i];
      return Value::set(image);
    }
    case Op::Age: {
      const Value a = eval(n.a, r), b = eval(n.b, r);
      if (!a.present() || !b.present()) return absent(a, b);
      return Value::number(completed_years(static_cast<Day>(a.num), static_cast<Day>(b.num)));
    }
    case Op::Count: {
      const Value a = eval(n.a, r);
      if (!a.present()) return a;
      return Value::number(p_.nodes[n.a].type == ValueType::DateList ? a.length : std::popcount(a.bits));
    }
    case Op::EveryPeriod: return every_period(n, r);
  }
  return Value::missing();
}

Finding Evaluator::judge(std::int32_t index, const Record& r) const {
  const Requirement& req = p_.requirements[index];
  Finding f{index, FindingStatus::Pass, {}, {}};
  const Value v = eval(req.root, r);
  if (v.state == State::NotApplicable) {
    f.status = FindingStatus::NotApplicable;
  } else if (v.state == State::Missing) {
    f.status = FindingStatus::MissingData;
    missing_fields(req.root, r, f.detail_kk, f.detail_en);
  } else if (v.num == 0) {
    f.status = FindingStatus::Fail;
    explain_false(req.root, r, f.detail_kk, f.detail_en);
  }
  return f;
}

std::string Evaluator::show(const Value& v, const Node& n) const {
  if (v.state == State::Missing) return "—";
  switch (n.type) {
    case ValueType::Bool: return v.num != 0 ? "ақиқат" : "жалған";
    case ValueType::Number: return fmt::format("{:g}", v.num);
    case ValueType::Area: return fmt::format("{:g} м²", v.num);
    case ValueType::Text: return std::string(v.text);
    case ValueType::Date: return format_date(static_cast<Day>(v.num));
    case ValueType::Duration: return fmt::format("{:g} {}", v.num, unit_word(n.unit, false));
    case ValueType::Enum:
    case ValueType::EnumSet: {
      // The enumeration is the one of the node's field or constant; codes are what a record says.
      return fmt::format("{}", v.bits);
    }
    case ValueType::DateList: return fmt::format("{} дата", v.length);
  }
  return "?";
}

void Evaluator::explain_false(std::int32_t index, const Record& r, std::string& kk, std::string& en) const {
  const Node& n = p_.nodes[index];
  auto append = [&](const std::string& k, const std::string& e) {
    if (!kk.empty()) { kk += "; "; en += "; "; }
    kk += k;
    en += e;
  };
  const std::string source = n.text >= 0 ? p_.texts[n.text] : std::string();
  switch (n.op) {
    case Op::And:
      for (std::int32_t child : {n.a, n.b}) {
        const Value v = eval(child, r);
        if (v.present() && v.num == 0) explain_false(child, r, kk, en);
      }
      return;
    case Op::Or:
      explain_false(n.a, r, kk, en);
      explain_false(n.b, r, kk, en);
      return;
    case Op::If: {
      const Value c = eval(n.a, r);
      if (c.present()) explain_false(c.num != 0 ? n.b : n.c, r, kk, en);
      return;
    }
    case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: case Op::Eq: case Op::Ne: {
      const Node& left = p_.nodes[n.a];
      const Node& right = p_.nodes[n.b];
      const std::string found = show(eval(n.a, r), left), want = show(eval(n.b, r), right);
      append(fmt::format("«{}» = {}, талап: {} {}", source, found, comparison_symbol(n.op), want),
             fmt::format("'{}' = {}, required: {} {}", source, found, comparison_symbol(n.op), want));
      return;
    }
    case Op::In:
    case Op::Intersects:
    case Op::Contains: {
      auto codes = [&](std::int32_t node) {
        const Node& m = p_.nodes[node];
        const Value v = eval(node, r);
        int enum_id = -1;
        for (const Node* probe = &m;;) {
          if (probe->op == Op::Field) { enum_id = p_.slots[probe->a].enum_id; break; }
          if (probe->op == Op::Map) { enum_id = p_.mappings[probe->b].to_enum; break; }
          if (probe->a < 0) break;
          probe = &p_.nodes[probe->a];
        }
        std::uint64_t bits = m.type == ValueType::Enum ? std::uint64_t{1} << v.bits : v.bits;
        std::string out;
        for (int i = 0; i < 64 && bits; ++i, bits >>= 1) {
          if (!(bits & 1)) continue;
          if (!out.empty()) out += ", ";
          out += enum_id >= 0 && i < static_cast<int>(p_.enums[enum_id].members.size())
              ? p_.enums[enum_id].members[i].code : std::to_string(i);
        }
        return "{" + out + "}";
      };
      const std::string a = codes(n.a), b = codes(n.b);
      if (n.op == Op::Contains)
        append(fmt::format("«{}»: бар {}, талап етілетіні {}", source, a, b),
               fmt::format("'{}': given {}, required {}", source, a, b));
      else
        append(fmt::format("«{}»: {}, рұқсат етілгені {}", source, a, b),
               fmt::format("'{}': {}, allowed {}", source, a, b));
      return;
    }
    case Op::EveryPeriod: {
      const Value list = eval(n.a, r), term = eval(n.b, r), until = eval(n.c, r);
      const std::string period = fmt::format("{:g}", term.num);
      if (list.length == 0) {
        append(fmt::format("«{}»: бірде-бір күн жоқ", source), fmt::format("'{}': no dates at all", source));
        return;
      }
      const Day* dates = r.dates.data() + list.offset;
      for (std::uint32_t i = 0; i < list.length; ++i) {
        const Day next = i + 1 < list.length ? dates[i + 1] : static_cast<Day>(until.num);
        const Value deadline = date_add(dates[i], term.num, n.unit, 1);
        if (deadline.present() && next > deadline.num) {
          append(fmt::format("{} мен {} арасы {} {} мерзімінен асады", format_date(dates[i]), format_date(next),
                             period, unit_word(n.unit, false)),
                 fmt::format("{} to {} is longer than {} {}", format_date(dates[i]), format_date(next),
                             period, unit_word(n.unit, true)));
          return;
        }
      }
      return;
    }
    case Op::Field: {
      const std::string& name = p_.slots[n.a].name;
      append(fmt::format("{} = жалған", name), fmt::format("{} ({}) is false", name, p_.slots[n.a].json_path));
      return;
    }
    case Op::Not:
      append(fmt::format("«{}» ақиқат", p_.texts.empty() || n.text < 0 ? "емес" : source),
             "the negated condition holds");
      return;
    default:
      append(fmt::format("шарт орындалмады (жол {})", n.line), fmt::format("condition not met (line {})", n.line));
  }
}

void Evaluator::missing_fields(std::int32_t index, const Record& r, std::string& kk, std::string& en) const {
  const Node& n = p_.nodes[index];
  if (n.op == Op::Field) {
    if (r.slots[n.a].state != State::Missing) return;
    const Slot& s = p_.slots[n.a];
    if (kk.find(s.name) != std::string::npos) return;
    if (!kk.empty()) { kk += ", "; en += ", "; }
    kk += s.name + " (" + s.json_path + ")";
    en += s.json_path;
    return;
  }
  // Only the branches that were missing are followed; a branch that decided nothing is skipped.
  for (std::int32_t child : {n.a, n.b, n.c}) {
    if (child < 0 || (n.op == Op::Map && child == n.b)) continue;
    if (eval(child, r).state == State::Missing) missing_fields(child, r, kk, en);
  }
  if (kk.empty() && n.op == Op::Div) {
    kk = "бөлгіш нөлге тең";
    en = "division by zero";
  }
}

}  // namespace ssd
