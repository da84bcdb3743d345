// Civil dates as day numbers, and the date arithmetic the law uses: ages in completed years,
// terms in months and years.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ssd/export.h"

namespace ssd {

// Days since 1970-01-01 (proleptic Gregorian calendar).
using Day = std::int32_t;

struct CivilDate {
  int year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

SSD_API Day day_from_civil(CivilDate date);
SSD_API CivilDate civil_from_day(Day day);

// Parses exactly YYYY-MM-DD with a real month and day; anything else is nullopt.
SSD_API std::optional<Day> parse_date(std::string_view text);
SSD_API std::string format_date(Day day);

// 1 = Monday ... 7 = Sunday.
SSD_API int iso_weekday(Day day);

// Age in completed years on `on`: a person born on 29 February turns a year older on 1 March
// of a common year.
SSD_API int completed_years(Day birth, Day on);

// The same day `months` months later; a day the month lacks becomes the month's last day
// (31 January + 1 month = 28 or 29 February).
SSD_API Day add_months(Day day, int months);
SSD_API Day add_years(Day day, int years);

}  // namespace ssd
