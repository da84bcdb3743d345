#include "plain_terms.h"

#include <fmt/format.h>

namespace ssd::cli {

namespace {

const char* unit_words(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::CalendarDays: return "күнтізбелік күн";
    case TimeUnit::WorkingDays: return "жұмыс күні";
    case TimeUnit::Months: return "ай";
    case TimeUnit::Years: return "жыл";
  }
  return "";
}

class Plain {
 public:
  explicit Plain(const Program& p) : p_(p) {}

  // A condition: a yes-or-no field alone reads "— иә".
  std::string cond(std::int32_t index) const {
    const Node& n = p_.nodes[index];
    const bool bare = (n.op == Op::Field || n.op == Op::Element) && n.type == ValueType::Bool;
    return bare ? of(index) + " — иә" : of(index);
  }

  // `members`: the enumeration a constant member or set is of, from the other operand.
  std::string of(std::int32_t index, int members = -1) const {
    if (index < 0) return "";
    const Node& n = p_.nodes[index];
    const int a_enum = n.a >= 0 && n.op != Op::Element ? enum_of(n.a) : -1;
    const int b_enum = n.b >= 0 ? enum_of(n.b) : -1;
    switch (n.op) {
      case Op::Const: return constant(n, members);
      case Op::Field: return plain_field(p_.slots[n.a].name);
      case Op::Element: return plain_field(p_.record_types[n.bits].fields[n.b].name);
      case Op::AsOf: return "тексеру күні";
      case Op::Present: return of(n.a) + " көрсетілген";
      case Op::Otherwise: return fmt::format("{} (ол жоқ болса — {})", of(n.a, b_enum), of(n.b, a_enum));
      case Op::Not: return fmt::format("мына шарт орындалмайды: {}", cond(n.a));
      case Op::And: return fmt::format("{}; және {}", cond(n.a), cond(n.b));
      case Op::Or: return fmt::format("{}, немесе {}", cond(n.a), cond(n.b));
      case Op::If:
        return n.c < 0 ? fmt::format("егер {} болса: {} (әйтпесе талап қолданылмайды)", cond(n.a), cond(n.b))
                       : fmt::format("егер {} болса: {}; әйтпесе: {}", cond(n.a), cond(n.b), cond(n.c));
      case Op::Neg: return "минус " + of(n.a);
      case Op::Add: return fmt::format("{} қосу {}", of(n.a), of(n.b));
      case Op::Sub: return fmt::format("{} алу {}", of(n.a), of(n.b));
      case Op::Mul: return fmt::format("{} көбейту {}", of(n.a), of(n.b));
      case Op::Div: return fmt::format("{} бөлу {}", of(n.a), of(n.b));
      case Op::DateAdd: return fmt::format("{} бастап {} өткен күн", of(n.a), of(n.b));
      case Op::DateSub: return fmt::format("{} дейінгі {}", of(n.a), of(n.b));
      case Op::DaysBetween: return fmt::format("{} мен {} арасындағы күндер саны", of(n.b), of(n.a));
      case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: case Op::Eq: case Op::Ne:
        return comparison(n, a_enum, b_enum);
      case Op::In: case Op::TextIn:
        return fmt::format("{} мыналардың бірі: {}", of(n.a, b_enum), of(n.b, a_enum));
      case Op::Intersects: return fmt::format("{} арасында мыналардың кемінде біреуі бар: {}", of(n.a, b_enum), of(n.b, a_enum));
      case Op::Contains: return fmt::format("{} арасында мыналардың бәрі бар: {}", of(n.a, b_enum), of(n.b, a_enum));
      case Op::Union: return fmt::format("{} және {}", of(n.a, b_enum), of(n.b, a_enum));
      case Op::Map: return fmt::format("«{}» кестесі бойынша {} сәйкес келетіндер", words(p_.mappings[n.b].name), of(n.a));
      case Op::Age: return fmt::format("{} бойынша {} күнгі толық жасы", of(n.a), of(n.b));
      case Op::Count: return of(n.a) + " саны";
      case Op::EveryPeriod:
        return fmt::format("{} арасы {} аспайды ({}кезең соңы — {})", of(n.a), of(n.b), since(n), of(n.c));
      case Op::CalendarEvery:
        return fmt::format("{} әрбір күнтізбелік {} сайын бар ({}кезең соңы — {})", of(n.a), unit_words(n.unit), since(n),
                           of(n.c));
      case Op::Every: return fmt::format("{} тізімінің әрбір жазбасында: {}", of(n.a), cond(n.b));
      case Op::Some: return fmt::format("{} тізімінің кемінде бір жазбасында: {}", of(n.a), cond(n.b));
      case Op::Sum:
        return n.b < 0 ? fmt::format("{} бойынша {} қосындысы", of(n.a), of(n.c))
                       : fmt::format("{} ішінде {} болатын жазбалар бойынша {} қосындысы", of(n.a), of(n.b), of(n.c));
      case Op::CountWhere: return fmt::format("{} ішінде {} болатын жазбалар саны", of(n.a), of(n.b));
      case Op::Index: return fmt::format("{} кестесіндегі {} мәні", of(n.a), of(n.b));
    }
    return "";
  }

 private:
  // A periodic duty's start, where one is given (program.h): "бастап — қабылдау күні; ".
  std::string since(const Node& n) const {
    return n.bits == 0 ? "" : fmt::format("бірінші кезең {} бастап; ", of(static_cast<std::int32_t>(n.bits - 1)));
  }

  // A comparison, its bound in words: "кемінде 6 м²", "14 күнтізбелік күн ішінде".
  std::string comparison(const Node& n, int a_enum, int b_enum) const {
    const std::string left = of(n.a, b_enum);
    // A date no later than a day and a term after it: within the term.
    if (n.op == Op::Le && n.b >= 0 && p_.nodes[n.b].op == Op::DateAdd) {
      const Node& add = p_.nodes[n.b];
      return fmt::format("{} — {} бастап {} ішінде", left, of(add.a), of(add.b));
    }
    const std::string right = of(n.b, a_enum);
    switch (n.op) {
      case Op::Lt: return fmt::format("{} {} шамасынан кем", left, right);
      case Op::Le: return fmt::format("{} ең көбі {}", left, right);
      case Op::Gt: return fmt::format("{} {} шамасынан артық", left, right);
      case Op::Ge: return fmt::format("{} кемінде {}", left, right);
      case Op::Eq: return fmt::format("{}: {}", left, right);
      case Op::Ne: return fmt::format("{} {} емес", left, right);
      default: return "";
    }
  }

  std::string constant(const Node& n, int members) const {
    switch (n.type) {
      case ValueType::Bool: return n.num != 0 ? "иә" : "жоқ";
      case ValueType::Number: return fmt::format("{:g}", n.num);
      case ValueType::Area: return fmt::format("{:g} м²", n.num);
      case ValueType::Date: return format_date(static_cast<Day>(n.num));
      case ValueType::Duration: return fmt::format("{:g} {}", n.num, unit_words(n.unit));
      case ValueType::Text: return n.text >= 0 ? "«" + p_.texts[n.text] + "»" : "";
      case ValueType::Enum: return labels(members, std::uint64_t{1} << n.bits);
      case ValueType::EnumSet: return labels(members, n.bits);
      default: return n.text >= 0 ? "«" + p_.texts[n.text] + "»" : "";
    }
  }

  // Members by the law's words: «жетім балалар», «девиант мінез-құлықты балалар».
  std::string labels(int enum_id, std::uint64_t bits) const {
    std::string out;
    for (int i = 0; i < 64; ++i) {
      if (!((bits >> i) & 1)) continue;
      std::string label = "№ " + std::to_string(i);
      if (enum_id >= 0 && i < static_cast<int>(p_.enums[enum_id].members.size())) {
        const EnumMember& m = p_.enums[enum_id].members[i];
        label = m.label.empty() ? words(m.name) : m.label;
      } else if (enum_id >= 0 && p_.enums[enum_id].open) {
        label = "басқа";
      }
      out += (out.empty() ? "«" : ", «") + label + "»";
    }
    return out;
  }

  // The enumeration a node's members belong to, from its field, mapping or partner.
  int enum_of(std::int32_t index) const {
    const Node& n = p_.nodes[index];
    switch (n.op) {
      case Op::Field: return p_.slots[n.a].enum_id;
      case Op::Element: return p_.record_types[n.bits].fields[n.b].enum_id;
      case Op::Map: return p_.mappings[n.b].to_enum;
      case Op::Union: case Op::Otherwise: {
        const int a = enum_of(n.a);
        return a >= 0 ? a : enum_of(n.b);
      }
      default: return -1;
    }
  }

  static std::string words(std::string name) {
    for (char& c : name)
      if (c == '_') c = ' ';
    return name;
  }

  const Program& p_;
};

}  // namespace

std::string plain_field(const std::string& path) {
  std::string out = "«";
  for (const char c : path) {
    if (c == '_') out += ' ';
    else if (c == '.') out += ": ";
    else out += c;
  }
  return out + "»";
}

std::string plain_condition(const Program& program, std::int32_t root) { return Plain(program).cond(root); }

}  // namespace ssd::cli
