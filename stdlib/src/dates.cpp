#include "ssd/dates.h"

#include <cstdio>

namespace ssd {

// The civil-from-days and days-from-civil algorithms of H. Hinnant's "chrono-compatible
// low-level date algorithms": exact for every Gregorian date, no tables.
Day day_from_civil(CivilDate date) {
  const int y = date.year - (date.month <= 2);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<Day>(doe) - 719468;
}

CivilDate civil_from_day(Day day) {
  const int z = day + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe) + era * 400 + (m <= 2), m, d};
}

static bool is_leap(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

static unsigned days_in_month(int year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::optional<Day> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int digits[8];
  for (int i = 0, j = 0; i < 10; ++i) {
    if (i == 4 || i == 7) continue;
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    digits[j++] = s[i] - '0';
  }
  const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
  const unsigned month = digits[4] * 10 + digits[5], day = digits[6] * 10 + digits[7];
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return day_from_civil({year, month, day});
}

std::string format_date(Day day) {
  const CivilDate c = civil_from_day(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
  return buf;
}

int iso_weekday(Day day) {
  // 1970-01-01 was a Thursday (4).
  const int w = (day + 3) % 7;
  return (w < 0 ? w + 7 : w) + 1;
}

int completed_years(Day birth, Day on) {
  const CivilDate b = civil_from_day(birth), o = civil_from_day(on);
  int years = o.year - b.year;
  if (o.month < b.month || (o.month == b.month && o.day < b.day)) --years;
  return years;
}

Day add_months(Day day, int months) {
  const CivilDate c = civil_from_day(day);
  const int total = c.year * 12 + static_cast<int>(c.month) - 1 + months;
  const int year = total >= 0 ? total / 12 : (total - 11) / 12;
  const unsigned month = static_cast<unsigned>(total - year * 12) + 1;
  const unsigned last = days_in_month(year, month);
  return day_from_civil({year, month, c.day > last ? last : c.day});
}

Day add_years(Day day, int years) { return add_months(day, years * 12); }

}  // namespace ssd
