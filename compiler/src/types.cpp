#include "types.h"

#include "words.h"

namespace ssd {

std::string type_name(const Type& t, const std::string& enum_name, bool en) {
  const Lang lang = en ? Lang::En : Lang::Kk;
  switch (t.kind) {
    case Type::Error: return word(Word::type_error, lang);
    case Type::Bool: return word(Word::type_bool, lang);
    case Type::Number: return word(Word::type_number, lang);
    case Type::Text: return word(Word::type_text, lang);
    case Type::Date: return word(Word::type_date, lang);
    case Type::Area: return word(Word::type_area, lang);
    case Type::Duration:
      switch (t.unit) {
        case TimeUnit::CalendarDays: return word(Word::type_calendar_days, lang);
        case TimeUnit::WorkingDays: return word(Word::type_working_days, lang);
        case TimeUnit::Months: return word(Word::type_months, lang);
        case TimeUnit::Years: return word(Word::type_years, lang);
      }
      break;
    case Type::Enum: return word(Word::type_enum, lang, enum_name);
    case Type::EnumSet: return word(Word::type_enum_set, lang, enum_name);
    case Type::DateList: return word(Word::type_date_list, lang);
    case Type::TextList: return word(Word::type_text_list, lang);
    case Type::NumberTable: return word(Word::type_number_table, lang);
    case Type::ObjectList: return word(Word::type_object_list, lang, enum_name);
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
