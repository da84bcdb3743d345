#include "evaluator.h"

#include <bit>
#include <cmath>

#include <fmt/format.h>

#include "phrases.h"
#include "ssd/internal/ops.h"
#include "ssd/internal/text.h"
#include "ssd/internal/verify.h"

namespace ssd {

namespace {

using State = Value::State;

// The longest term counted, in any unit: as many days as the years 0–9999 hold. A longer one
// leads outside them whatever its unit, and its count would overflow the date arithmetic.
constexpr double kLongestTerm = kLastDay - kFirstDay;

// Missing wins over NotApplicable: a premise that cannot be read is a lack of data.
Value absent(const Value& a, const Value& b) {
  if (a.state == State::Missing || b.state == State::Missing) return Value::missing();
  return Value::not_applicable();
}

std::string_view unit_word(TimeUnit unit, bool en) {
  switch (unit) {
    case TimeUnit::CalendarDays: return phrase(Phrase::unit_calendar_days, en);
    case TimeUnit::WorkingDays: return phrase(Phrase::unit_working_days, en);
    case TimeUnit::Months: return phrase(Phrase::unit_months, en);
    case TimeUnit::Years: return phrase(Phrase::unit_years, en);
  }
  return "";
}

// Link i of a periodic duty's chain (every_period): the start (where given), the dates, then the
// until date; as its first and last day.
std::pair<Day, Day> chain_link(const Record& r, const Value& list, const Value& until, std::optional<Day> start,
                               std::uint32_t i) {
  const Day* dates = r.dates.data() + list.offset;
  const std::uint32_t end = start ? i : i + 1;  // the date the link ends on; list.length: until
  const Day from = start ? (i == 0 ? *start : dates[i - 1]) : dates[i];
  return {from, end < list.length ? dates[end] : static_cast<Day>(until.num)};
}

}  // namespace

// A term leads to a day of the years 0–9999, or to none: a longer term can be judged by no date.
Value Evaluator::date_add(Day day, double count, TimeUnit unit, int sign) const {
  if (!(std::fabs(count) <= kLongestTerm)) return Value::missing();
  const int n = static_cast<int>(count) * sign;
  std::optional<Day> end;
  switch (unit) {
    case TimeUnit::CalendarDays: end = day + n; break;
    case TimeUnit::Months: end = add_months(day, n); break;
    case TimeUnit::Years: end = add_years(day, n); break;
    case TimeUnit::WorkingDays:
      // Counting back in working days has no use in the law; only forward terms are kept.
      if (n >= 0) end = calendar_.add_working_days(day, n);
      break;
  }
  if (!end || *end < kFirstDay || *end > kLastDay) return Value::missing();
  return Value::number(*end);
}

// "X within N days of Y" (X ≤ Y + N, or X < Y + N) with X absent from the record: while the term
// runs on as_of, X may still come in time, so nothing can be wrong yet. The last day of the term,
// or nullopt where the comparison is no such deadline or the term is over.
std::optional<Day> Evaluator::term_running(const Node& n, const Value& a, const Value& b, const Record& r) const {
  if (n.op != Op::Le && n.op != Op::Lt) return std::nullopt;
  const Op event = p_.nodes[n.a].op;
  if (a.state != State::Missing || !b.present() || p_.nodes[n.b].op != Op::DateAdd ||
      (event != Op::Field && event != Op::Element))
    return std::nullopt;
  const Day last = static_cast<Day>(b.num) - (n.op == Op::Lt ? 1 : 0);
  if (r.as_of > last) return std::nullopt;
  return last;
}

Value Evaluator::compare(const Node& n, const Record& r, const Frame* f) const {
  const Value a = eval(n.a, r, f), b = eval(n.b, r, f);
  if (term_running(n, a, b, r)) return Value::not_applicable();
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

// The chain of a periodic duty — the start (where one is given), the dates a (sorted when read),
// then date c — with no link longer than the term b. No dates and no start: false; no dates while
// the first period from the start still runs: not applicable.
Value Evaluator::every_period(const Node& n, const Record& r, const Frame* f) const {
  const Value list = eval(n.a, r, f), term = eval(n.b, r, f), until = eval(n.c, r, f);
  if (!list.present() || !term.present() || !until.present()) {
    return list.state == State::Missing || term.state == State::Missing || until.state == State::Missing
        ? Value::missing() : Value::not_applicable();
  }
  const std::optional<Day> start = period_start(n, r, f);
  if (list.length == 0 && !start) return Value::boolean(false);
  if (first_period_running(n, r, f)) return Value::not_applicable();
  for (std::uint32_t i = 0; i < list.length + (start ? 1 : 0); ++i) {
    const auto [from, to] = chain_link(r, list, until, start, i);
    const Value deadline = date_add(from, term.num, n.unit, 1);
    if (!deadline.present()) return deadline;
    if (to > deadline.num) return Value::boolean(false);
  }
  return Value::boolean(true);
}

std::optional<Day> Evaluator::period_start(const Node& n, const Record& r, const Frame* f) const {
  if (n.bits == 0) return std::nullopt;
  const Value start = eval(static_cast<std::int32_t>(n.bits - 1), r, f);
  if (!start.present()) return std::nullopt;
  return static_cast<Day>(start.num);
}

namespace {

long month_index(Day day) {
  const CivilDate c = civil_from_day(day);
  return c.year * 12L + static_cast<long>(c.month) - 1;
}

// The first calendar period of `months` months that begins on or after `day`.
long first_whole_period(Day day, long months) {
  const CivilDate c = civil_from_day(day);
  const long index = month_index(day) / months;
  const bool at_its_start = c.day == 1 && month_index(day) % months == 0;
  return at_its_start ? index : index + 1;
}

// The last day of calendar period `period` of `months` months.
Day last_day_of_period(long period, long months) {
  const long next = (period + 1) * months;
  return day_from_civil({static_cast<int>(next / 12), static_cast<unsigned>(next % 12 + 1), 1}) - 1;
}

}  // namespace

long Evaluator::first_empty_period(const Node& n, const Record& r, const Frame* f) const {
  const Value list = eval(n.a, r, f), term = eval(n.b, r, f), until = eval(n.c, r, f);
  if (!list.present() || !term.present() || !until.present() || !(std::fabs(term.num) <= kLongestTerm)) return -2;
  const long months = static_cast<long>(term.num) * (n.unit == TimeUnit::Years ? 12 : 1);
  if (months <= 0) return -2;
  if (list.length == 0) return 0;
  const std::optional<Day> start = period_start(n, r, f);
  const Day* dates = r.dates.data() + list.offset;  // sorted when read
  // Periods aligned to the calendar: months from January, quarters from January, years; from
  // the start, the first period it holds whole.
  const long first = start ? first_whole_period(*start, months) : month_index(dates[0]) / months;
  const long last = month_index(static_cast<Day>(until.num)) / months - 1;  // the last ended
  std::uint32_t i = 0;
  for (long period = first; period <= last; ++period) {
    while (i < list.length && month_index(dates[i]) / months < period) ++i;
    if (i == list.length || month_index(dates[i]) / months != period) return period;
  }
  return -1;
}

std::optional<Day> Evaluator::first_period_running(const Node& n, const Record& r, const Frame* f) const {
  const std::optional<Day> start = period_start(n, r, f);
  if (!start) return std::nullopt;
  const Value list = eval(n.a, r, f), term = eval(n.b, r, f), until = eval(n.c, r, f);
  if (!list.present() || list.length != 0 || !term.present() || !until.present()) return std::nullopt;
  std::optional<Day> last;
  if (n.op == Op::EveryPeriod) {
    if (const Value end = date_add(*start, term.num, n.unit, 1); end.present()) last = static_cast<Day>(end.num);
  } else if (std::fabs(term.num) <= kLongestTerm && term.num >= 1) {
    const long months = static_cast<long>(term.num) * (n.unit == TimeUnit::Years ? 12 : 1);
    last = last_day_of_period(first_whole_period(*start, months), months);
  }
  if (!last || until.num > *last) return std::nullopt;
  return last;
}

std::uint32_t Evaluator::element_width(std::int32_t list_node) const {
  const Node& list = p_.nodes[list_node];
  return static_cast<std::uint32_t>(p_.record_types[p_.slots[list.a].record_type].fields.size());
}

// Kleene logic over the elements: `every` is false if any element is false, else missing if any
// is missing; `some` the dual. `sum` and `count_where` are missing when any term they need is.
Value Evaluator::over_elements(const Node& n, const Record& r, const Frame* f) const {
  const Value list = eval(n.a, r, f);
  if (!list.present()) return list;
  const std::uint32_t width = element_width(n.a);
  bool missing = false;
  double total = 0;
  for (std::uint32_t i = 0; i < list.length; ++i) {
    const Frame inner{f, list.offset + i * width};
    if (n.op == Op::Every || n.op == Op::Some) {
      const Value v = eval(n.b, r, &inner);
      if (!v.present()) { missing = true; continue; }
      if ((v.num != 0) == (n.op == Op::Some)) return Value::boolean(n.op == Op::Some);
      continue;
    }
    if (n.b >= 0) {
      const Value where = eval(n.b, r, &inner);
      if (!where.present()) { missing = true; continue; }
      if (where.num == 0) continue;
    }
    if (n.op == Op::CountWhere) { ++total; continue; }
    const Value v = eval(n.c, r, &inner);
    if (!v.present()) { missing = true; continue; }
    total += v.num;
  }
  if (missing) return Value::missing();
  if (n.op == Op::Every || n.op == Op::Some) return Value::boolean(n.op == Op::Every);
  return Value::number(total);
}

// The ops' entries (ops.def), inline so that eval()'s switch keeps them in its own body.

inline Value Evaluator::constant(const Node& n, const Record&, const Frame*) const {
  Value v = Value::number(n.num);
  v.bits = n.bits;
  if (n.text >= 0) v.text = p_.texts[n.text];
  return v;
}

inline Value Evaluator::field(const Node& n, const Record& r, const Frame*) const { return r.slots[n.a]; }

inline Value Evaluator::element(const Node& n, const Record& r, const Frame* f) const {
  const Frame* at = f;
  for (int depth = n.a; depth > 0 && at; --depth) at = at->parent;
  return at ? r.elements[at->base + n.b] : Value::missing();
}

inline Value Evaluator::as_of(const Node&, const Record& r, const Frame*) const { return Value::number(r.as_of); }

inline Value Evaluator::present(const Node& n, const Record& r, const Frame* f) const {
  return Value::boolean(eval(n.a, r, f).present());
}

inline Value Evaluator::otherwise(const Node& n, const Record& r, const Frame* f) const {
  const Value a = eval(n.a, r, f);
  return a.state == State::Missing ? eval(n.b, r, f) : a;
}

inline Value Evaluator::negation(const Node& n, const Record& r, const Frame* f) const {
  const Value a = eval(n.a, r, f);
  return a.present() ? Value::boolean(a.num == 0) : a;
}

inline Value Evaluator::conjunction(const Node& n, const Record& r, const Frame* f) const {
  const Value a = eval(n.a, r, f);
  if (a.present() && a.num == 0) return a;
  const Value b = eval(n.b, r, f);
  if (b.present() && b.num == 0) return b;
  return a.present() && b.present() ? Value::boolean(true) : absent(a, b);
}

inline Value Evaluator::disjunction(const Node& n, const Record& r, const Frame* f) const {
  const Value a = eval(n.a, r, f);
  if (a.present() && a.num != 0) return a;
  const Value b = eval(n.b, r, f);
  if (b.present() && b.num != 0) return b;
  return a.present() && b.present() ? Value::boolean(false) : absent(a, b);
}

inline Value Evaluator::conditional(const Node& n, const Record& r, const Frame* f) const {
  const Value c = eval(n.a, r, f);
  if (!c.present()) return c;
  if (c.num != 0) return eval(n.b, r, f);
  return n.c >= 0 ? eval(n.c, r, f) : Value::not_applicable();
}

inline Value Evaluator::minus(const Node& n, const Record& r, const Frame* f) const {
  Value a = eval(n.a, r, f);
  a.num = -a.num;
  return a;
}

inline Value Evaluator::arithmetic(const Node& n, const Record& r, const Frame* f) const {
  const Value a = eval(n.a, r, f), b = eval(n.b, r, f);
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

inline Value Evaluator::date_shift(const Node& n, const Record& r, const Frame* f) const {
  const Value a = eval(n.a, r, f), b = eval(n.b, r, f);
  if (!a.present() || !b.present()) return absent(a, b);
  return date_add(static_cast<Day>(a.num), b.num, n.unit, n.op == Op::DateAdd ? 1 : -1);
}

inline Value Evaluator::days_between(const Node& n, const Record& r, const Frame* f) const {
  const Value a = eval(n.a, r, f), b = eval(n.b, r, f);
  if (!a.present() || !b.present()) return absent(a, b);
  return Value::number(a.num - b.num);
}

inline Value Evaluator::set_relation(const Node& n, const Record& r, const Frame* f) const {
  const Value a = eval(n.a, r, f), b = eval(n.b, r, f);
  if (!a.present() || !b.present()) return absent(a, b);
  switch (n.op) {
    case Op::In: return Value::boolean((b.bits >> a.bits) & 1);
    case Op::Intersects: return Value::boolean((a.bits & b.bits) != 0);
    case Op::Contains: return Value::boolean((a.bits & b.bits) == b.bits);
    default: return Value::set(a.bits | b.bits);
  }
}

inline Value Evaluator::text_in(const Node& n, const Record& r, const Frame* f) const {
  const Value a = eval(n.a, r, f), b = eval(n.b, r, f);
  if (!a.present() || !b.present()) return absent(a, b);
  for (std::uint32_t i = 0; i < b.length; ++i)
    if (r.texts[b.offset + i] == a.text) return Value::boolean(true);
  return Value::boolean(false);
}

inline Value Evaluator::lookup(const Node& n, const Record& r, const Frame* f) const {
  const Value table = eval(n.a, r, f), key = eval(n.b, r, f);
  if (!table.present() || !key.present()) return absent(table, key);
  for (std::uint32_t i = 0; i < table.length; ++i)
    if (r.table[table.offset + i].first == key.text) return Value::number(r.table[table.offset + i].second);
  return Value::missing();
}

inline Value Evaluator::image(const Node& n, const Record& r, const Frame* f) const {
  const Value a = eval(n.a, r, f);
  if (!a.present()) return a;
  const Mapping& m = p_.mappings[n.b];
  const std::uint64_t members = p_.nodes[n.a].type == ValueType::Enum ? std::uint64_t{1} << a.bits : a.bits;
  std::uint64_t result = 0;
  for (size_t i = 0; i < m.image.size(); ++i)
    if ((members >> i) & 1) result |= m.image[i];
  return Value::set(result);
}

inline Value Evaluator::age(const Node& n, const Record& r, const Frame* f) const {
  const Value a = eval(n.a, r, f), b = eval(n.b, r, f);
  if (!a.present() || !b.present()) return absent(a, b);
  return Value::number(completed_years(static_cast<Day>(a.num), static_cast<Day>(b.num)));
}

inline Value Evaluator::count(const Node& n, const Record& r, const Frame* f) const {
  const Value a = eval(n.a, r, f);
  if (!a.present()) return a;
  return Value::number(p_.nodes[n.a].type == ValueType::EnumSet ? std::popcount(a.bits) : a.length);
}

inline Value Evaluator::calendar_every(const Node& n, const Record& r, const Frame* f) const {
  const long empty = first_empty_period(n, r, f);
  if (empty == -2) {
    // A list, term or date that cannot be read; a term of no months says nothing either.
    const Value list = eval(n.a, r, f), term = eval(n.b, r, f), until = eval(n.c, r, f);
    for (const Value& v : {list, term, until})
      if (!v.present()) return v;
    return Value::missing();
  }
  if (empty == 0 && first_period_running(n, r, f)) return Value::not_applicable();
  return Value::boolean(empty == -1);
}

Value Evaluator::eval(std::int32_t index, const Record& r, const Frame* f) const {
  const Node& n = p_.nodes[index];
  switch (n.op) {
#define OP(op, name, a, b, c, unit, symbol, entry) \
  case Op::op: return entry(n, r, f);
#include "ssd/internal/ops.def"
#undef OP
  }
  return Value::missing();
}

FindingStatus Evaluator::judge(std::int32_t index, const Record& r) const {
  const Value v = eval(p_.requirements[index].root, r);
  if (v.state == State::NotApplicable) return FindingStatus::NotApplicable;
  if (v.state == State::Missing) return FindingStatus::MissingData;
  return v.num == 0 ? FindingStatus::Fail : FindingStatus::Pass;
}

void Evaluator::explain(std::int32_t index, FindingStatus status, const Record& r, std::string& kk,
                        std::string* en) const {
  const std::int32_t root = p_.requirements[index].root;
  Explanation x{kk, en};
  if (status == FindingStatus::MissingData) {
    missing_fields(root, r, nullptr, x);
  } else if (status == FindingStatus::Fail) {
    explain_false(root, r, nullptr, x);
  } else if (status == FindingStatus::NotApplicable) {
    terms_running(root, r, nullptr, x);
  }
}

std::string Evaluator::show(const Value& v, std::int32_t index, const Record& r, const Frame*, bool en) const {
  const Node& n = p_.nodes[index];
  if (v.state == State::Missing) return "—";
  switch (n.type) {
    case ValueType::Bool: return std::string(phrase(v.num != 0 ? Phrase::value_true : Phrase::value_false, en));
    case ValueType::Number: return fmt::format("{:g}", v.num);
    case ValueType::Area: return format_phrase<Phrase::value_area>(en, v.num);
    case ValueType::Text: return fmt::format("\"{}\"", v.text);
    case ValueType::Date: return format_date(static_cast<Day>(v.num));
    case ValueType::Duration: return fmt::format("{:g} {}", v.num, unit_word(n.unit, en));
    case ValueType::Enum:
    case ValueType::EnumSet: {
      const int e = enum_of(p_, index);
      const std::uint64_t bits = n.type == ValueType::Enum ? std::uint64_t{1} << v.bits : v.bits;
      std::string out;
      for (int i = 0; i < 64; ++i) {
        if (!((bits >> i) & 1)) continue;
        if (!out.empty()) out += ", ";
        const bool named = e >= 0 && i < static_cast<int>(p_.enums[e].members.size());
        if (named) out += p_.enums[e].members[i].code;
        else if (e >= 0 && p_.enums[e].open) out += phrase(Phrase::value_other_member, en);
        else out += std::to_string(i);
      }
      return n.type == ValueType::Enum ? out : "{" + out + "}";
    }
    case ValueType::DateList: return format_phrase<Phrase::value_dates>(en, v.length);
    case ValueType::TextList: {
      std::string out;
      for (std::uint32_t i = 0; i < v.length; ++i) out += (i ? ", " : "") + std::string(r.texts[v.offset + i]);
      return "[" + out + "]";
    }
    case ValueType::NumberTable:
    case ValueType::ObjectList: return format_phrase<Phrase::value_entries>(en, v.length);
  }
  return "?";
}

void Evaluator::explain_false(std::int32_t index, const Record& r, const Frame* f, Explanation& x) const {
  const Node& n = p_.nodes[index];
  const std::string_view source = n.text >= 0 ? std::string_view(p_.texts[n.text]) : std::string_view();
  // The enumeration of a constant is its partner's: show both sides in the partner's codes.
  auto show_pair = [&](std::int32_t a, std::int32_t b, bool english) {
    const Value va = eval(a, r, f), vb = eval(b, r, f);
    std::string sa = show(va, a, r, f, english), sb = show(vb, b, r, f, english);
    const int ea = enum_of(p_, a), eb = enum_of(p_, b);
    if ((ea < 0) != (eb < 0)) {
      const int e = ea >= 0 ? ea : eb;
      auto codes = [&](const Value& v, std::int32_t node) {
        const std::uint64_t bits = p_.nodes[node].type == ValueType::Enum ? std::uint64_t{1} << v.bits : v.bits;
        std::string out;
        for (int i = 0; i < 64 && i < static_cast<int>(p_.enums[e].members.size()); ++i)
          if ((bits >> i) & 1) out += (out.empty() ? "" : ", ") + p_.enums[e].members[i].code;
        return p_.nodes[node].type == ValueType::Enum ? out : "{" + out + "}";
      };
      if (ea < 0 && va.present()) sa = codes(va, a);
      if (eb < 0 && vb.present()) sb = codes(vb, b);
    }
    return std::make_pair(sa, sb);
  };
  switch (n.op) {
    case Op::And:
      for (std::int32_t child : {n.a, n.b}) {
        const Value v = eval(child, r, f);
        if (v.present() && v.num == 0) explain_false(child, r, f, x);
      }
      return;
    case Op::Or:
      explain_false(n.a, r, f, x);
      explain_false(n.b, r, f, x);
      return;
    case Op::If: {
      const Value c = eval(n.a, r, f);
      if (c.present()) explain_false(c.num != 0 ? n.b : n.c, r, f, x);
      return;
    }
    case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: case Op::Eq: case Op::Ne: {
      x.clause_by([&](std::string& out, bool en) {
        const auto [found, want] = show_pair(n.a, n.b, en);
        append_phrase<Phrase::found_against_required>(out, en, source, found, op_info(n.op).symbol, want);
      });
      return;
    }
    case Op::In:
    case Op::Intersects:
    case Op::Contains:
    case Op::TextIn: {
      const auto [a, b] = show_pair(n.a, n.b, false);
      if (n.op == Op::Contains) x.clause<Phrase::given_against_required>(source, a, b);
      else x.clause<Phrase::found_against_allowed>(source, a, b);
      return;
    }
    case Op::EveryPeriod: {
      const Value list = eval(n.a, r, f), term = eval(n.b, r, f), until = eval(n.c, r, f);
      const std::optional<Day> start = period_start(n, r, f);
      if (list.length == 0 && !start) {
        x.clause<Phrase::no_dates>(source);
        return;
      }
      for (std::uint32_t i = 0; i < list.length + (start ? 1 : 0); ++i) {
        const auto [from, to] = chain_link(r, list, until, start, i);
        const Value deadline = date_add(from, term.num, n.unit, 1);
        if (deadline.present() && to > deadline.num) {
          // The first link, from the start, is named as such: no date came in the first period.
          const bool first = start && i == 0;
          const std::string first_day = format_date(from), last_day = format_date(to);
          x.clause_by([&](std::string& out, bool en) {
            append_phrase<Phrase::link_too_long>(out, en, first_day, last_day, term.num, unit_word(n.unit, en),
                                                 first ? phrase(Phrase::first_period, en) : "");
          });
          return;
        }
      }
      return;
    }
    case Op::CalendarEvery: {
      const long period = first_empty_period(n, r, f);
      const Value term = eval(n.b, r, f);
      const long months = static_cast<long>(term.num) * (n.unit == TimeUnit::Years ? 12 : 1);
      if (period == 0 && eval(n.a, r, f).length == 0) {
        x.clause<Phrase::no_dates>(source);
        return;
      }
      const long start = period * months;
      const std::string from = fmt::format("{:04}-{:02}", start / 12, start % 12 + 1);
      const std::string to = fmt::format("{:04}-{:02}", (start + months - 1) / 12, (start + months - 1) % 12 + 1);
      const std::string span = months == 1 ? from : from + " – " + to;
      x.clause<Phrase::no_date_in_period>(span);
      return;
    }
    case Op::Every:
    case Op::Some: {
      const Value list = eval(n.a, r, f);
      if (n.op == Op::Some || list.length == 0) {
        x.clause<Phrase::no_entry_meets>(source);
        return;
      }
      // The first element that fails, explained where it stands.
      const std::uint32_t width = element_width(n.a);
      for (std::uint32_t i = 0; i < list.length; ++i) {
        const Frame inner{f, list.offset + i * width};
        const Value v = eval(n.b, r, &inner);
        if (v.present() && v.num == 0) {
          std::string k, e;
          Explanation element{k, x.en ? &e : nullptr};
          explain_false(n.b, r, &inner, element);
          x.clause_by([&](std::string& out, bool en) { append_phrase<Phrase::entry_fails>(out, en, i + 1, en ? e : k); });
          return;
        }
      }
      return;
    }
    case Op::Field:
    case Op::Element: {
      const Slot& s = n.op == Op::Field ? p_.slots[n.a] : p_.record_types[n.bits].fields[n.b];
      x.clause<Phrase::field_false>(s.name, s.json_path);
      return;
    }
    case Op::Not: {
      const Node& held = p_.nodes[n.a];
      if (row_found(held, r, f, x)) return;
      // What holds that must not: the negated condition, as written.
      const std::string_view what = held.text >= 0 ? std::string_view(p_.texts[held.text]) : source;
      x.clause<Phrase::holds_and_must_not>(what);
      return;
    }
    default:
      x.clause<Phrase::condition_not_met>(n.line);
  }
}

bool Evaluator::row_found(const Node& held, const Record& r, const Frame* f, Explanation& x) const {
  if (held.op != Op::TextIn || p_.nodes[held.b].op != Op::Field || p_.slots[p_.nodes[held.b].a].closed.empty()) return false;
  const Value key = eval(held.a, r, f);
  if (!key.present()) return false;
  // The row's own requirement, of the wording in force on as_of where there are several.
  const Requirement* row = nullptr;
  for (const Requirement& q : p_.requirements)
    if (q.rule == key.text && (!row || q.in_force_on(r.as_of))) row = &q;
  if (!row) return false;
  // The criterion shortened at a word's end: enough to recognise the row by.
  std::string criterion = row->provision >= 0 ? one_line(p_.provisions[row->provision].text, 160) : std::string();
  const std::string_view ellipsis = "…";
  if (criterion.size() > ellipsis.size() && criterion.compare(criterion.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0)
    if (const size_t space = criterion.rfind(' '); space != std::string::npos) criterion.replace(space, std::string::npos, "…");
  x.clause_by([&](std::string& out, bool en) {
    const std::string about = criterion.empty() ? "" : format_phrase<Phrase::row_criterion>(en, criterion);
    append_phrase<Phrase::row_violated>(out, en, key.text, about);
    if (row->severity != Severity::None) append_phrase<Phrase::row_degree>(out, en, severity_phrase(row->severity, en));
  });
  return true;
}

void Evaluator::terms_running(std::int32_t index, const Record& r, const Frame* f, Explanation& x) const {
  const Node& n = p_.nodes[index];
  if (n.op >= Op::Lt && n.op <= Op::Ne) {
    if (const std::optional<Day> last = term_running(n, eval(n.a, r, f), eval(n.b, r, f), r)) {
      x.clause<Phrase::term_running>(p_.texts[n.text], format_date(*last));
    }
    return;
  }
  if (n.op == Op::EveryPeriod || n.op == Op::CalendarEvery) {
    if (const std::optional<Day> last = first_period_running(n, r, f)) {
      const Node& list = p_.nodes[n.a];
      const std::string_view dates = list.op == Op::Field ? p_.slots[list.a].name : p_.texts[n.text];
      const std::string_view json = list.op == Op::Field ? p_.slots[list.a].json_path : dates;
      x.clause<Phrase::first_period_running>(dates, json, format_date(*last));
    }
    return;
  }
  if (n.op == Op::If) {
    const Value c = eval(n.a, r, f);
    if (c.present() && (c.num != 0 || n.c >= 0)) terms_running(c.num != 0 ? n.b : n.c, r, f, x);
    return;
  }
  // Quantifiers bind elements of their own; the terms inside them are not followed.
  if (n.op == Op::Every || n.op == Op::Some || n.op == Op::Sum || n.op == Op::CountWhere) return;
  for (std::int32_t child : {n.a, n.b, n.c})
    if (child >= 0 && p_.nodes[child].type == ValueType::Bool && eval(child, r, f).state == State::NotApplicable)
      terms_running(child, r, f, x);
}

void Evaluator::missing_fields(std::int32_t index, const Record& r, const Frame* f, Explanation& x) const {
  const Node& n = p_.nodes[index];
  auto add = [&](std::string_view name, std::string_view json) {
    if (x.kk.find(name) != std::string::npos) return;
    if (!x.kk.empty()) {
      x.kk += ", ";
      if (x.en) *x.en += ", ";
    }
    x.kk.append(name).append(" (").append(json).append(")");
    if (x.en) x.en->append(json);
  };
  if (n.op == Op::Field) {
    if (r.slots[n.a].state == State::Missing) add(p_.slots[n.a].name, p_.slots[n.a].json_path);
    return;
  }
  if (n.op == Op::Index) {
    if (eval(n.a, r, f).state == State::Missing) missing_fields(n.a, r, f, x);
    else add(p_.texts[n.text], p_.texts[n.text]);
    return;
  }
  if (n.op == Op::Element) {
    const Slot& field = p_.record_types[n.bits].fields[n.b];
    add(field.name, field.json_path);
    return;
  }
  if (n.op == Op::Every || n.op == Op::Some || n.op == Op::Sum || n.op == Op::CountWhere) {
    const Value list = eval(n.a, r, f);
    if (!list.present()) { missing_fields(n.a, r, f, x); return; }
    const std::uint32_t width = element_width(n.a);
    const RecordType& type = p_.record_types[p_.slots[p_.nodes[n.a].a].record_type];
    for (std::uint32_t i = 0; i < list.length; ++i)
      for (std::uint32_t k = 0; k < width; ++k)
        if (r.elements[list.offset + i * width + k].state == State::Missing)
          add(fmt::format("{}[{}].{}", type.name, i, type.fields[k].name.substr(type.name.size() + 1)),
              fmt::format("{}[{}].{}", p_.slots[p_.nodes[n.a].a].json_path, i, type.fields[k].json_path));
    return;
  }
  // Only the branches that were missing are followed; a branch that decided nothing is skipped.
  for (std::int32_t child : {n.a, n.b, n.c}) {
    if (child < 0 || (n.op == Op::Map && child == n.b)) continue;
    if (eval(child, r, f).state == State::Missing) missing_fields(child, r, f, x);
  }
  // A reason in place of fields, where no field is missing.
  if (!x.kk.empty()) return;
  const bool term = n.op == Op::DateAdd || n.op == Op::DateSub || n.op == Op::EveryPeriod;
  if (n.op == Op::Div) x.clause<Phrase::divisor_zero>();
  else if (term && n.unit == TimeUnit::WorkingDays) x.clause<Phrase::calendar_covers>(calendar_.first_year(), calendar_.last_year());
  else if (term) x.clause<Phrase::term_outside_years>();
}

}  // namespace ssd
