// The types of the .ssd language (docs/language.md, "Types").
#pragma once

#include <string>

#include "ssd/internal/program.h"

namespace ssd {

struct Type {
  enum Kind { Error, Bool, Number, Text, Date, Duration, Area, Enum, EnumSet, DateList,
              TextList, NumberTable, ObjectList };
  Kind kind = Error;
  int enum_id = -1;                          // Enum, EnumSet; ObjectList: its record type
  TimeUnit unit = TimeUnit::CalendarDays;    // Duration

  static Type of(Kind kind) { return Type{kind}; }
  static Type duration(TimeUnit unit) { return Type{Duration, -1, unit}; }
  static Type enumeration(Kind kind, int enum_id) { return Type{kind, enum_id}; }
  static Type objects(int record_type) { return Type{ObjectList, record_type}; }

  bool is_error() const { return kind == Error; }
  bool operator==(const Type& other) const {
    return kind == other.kind && enum_id == other.enum_id &&
           (kind != Duration || unit == other.unit);
  }
  bool operator!=(const Type& other) const { return !(*this == other); }
};

// How a type reads in a diagnostic, e.g. «аудан (м²)», «санат тізбесінің жиыны».
// `enum_name` names the enumeration of Enum and EnumSet types (the field, for ObjectList).
std::string type_name(const Type& type, const std::string& enum_name, bool english);

ValueType value_type(const Type& type);

}  // namespace ssd
