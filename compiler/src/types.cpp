#include "types.h"

namespace ssd {

std::string type_name(const Type& t, const std::string& enum_name, bool en) {
  switch (t.kind) {
    case Type::Error: return en ? "an erroneous value" : "қате мән";
    case Type::Bool: return en ? "a truth value" : "логикалық мән";
    case Type::Number: return en ? "a number" : "сан";
    case Type::Text: return en ? "text" : "мәтін";
    case Type::Date: return en ? "a date" : "дата";
    case Type::Area: return en ? "an area (m²)" : "аудан (м²)";
    case Type::Duration:
      switch (t.unit) {
        case TimeUnit::CalendarDays: return en ? "a term in calendar days" : "күнтізбелік күнмен мерзім";
        case TimeUnit::WorkingDays: return en ? "a term in working days" : "жұмыс күнімен мерзім";
        case TimeUnit::Months: return en ? "a term in months" : "аймен мерзім";
        case TimeUnit::Years: return en ? "a term in years" : "жылмен мерзім";
      }
      break;
    case Type::Enum: return en ? "a member of '" + enum_name + "'" : "«" + enum_name + "» мүшесі";
    case Type::EnumSet: return en ? "a set of '" + enum_name + "'" : "«" + enum_name + "» жиыны";
    case Type::DateList: return en ? "a list of dates" : "даталар тізімі";
    case Type::TextList: return en ? "a list of texts" : "мәтіндер тізімі";
    case Type::NumberTable: return en ? "a table of numbers" : "сандар кестесі";
    case Type::ObjectList: return en ? "a list of records '" + enum_name + "'" : "«" + enum_name + "» жазбаларының тізімі";
  }
  return "?";
}

ValueType value_type(const Type& t) {
  switch (t.kind) {
    case Type::Bool: return ValueType::Bool;
    case Type::Number: return ValueType::Number;
    case Type::Text: return ValueType::Text;
    case Type::Date: return ValueType::Date;
    case Type::Duration: return ValueType::Duration;
    case Type::Area: return ValueType::Area;
    case Type::Enum: return ValueType::Enum;
    case Type::EnumSet: return ValueType::EnumSet;
    case Type::DateList: return ValueType::DateList;
    case Type::TextList: return ValueType::TextList;
    case Type::NumberTable: return ValueType::NumberTable;
    case Type::ObjectList: return ValueType::ObjectList;
    case Type::Error: break;
  }
  return ValueType::Bool;
}

}  // namespace ssd
