// The working-day calendar: which days are days off, and terms counted in working days.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ssd/dates.h"
#include "ssd/export.h"

namespace ssd {

class SSD_API WorkCalendar {
 public:
  // The calendar of the Republic of Kazakhstan kept in stdlib/calendar/kz-calendar.tsv.
  static const WorkCalendar& kazakhstan();
  // Its TSV form, as compiled in (a bundle carries the calendar it was built against).
  static std::string_view kazakhstan_tsv();

  // Reads the calendar's TSV form (docs/calendar.md); on a bad line returns nullopt and says
  // why in `error`.
  static std::optional<WorkCalendar> parse(std::string_view tsv, std::string* error);

  // The calendar knows the years from first_year() to last_year(); outside them a working-day
  // term cannot be counted.
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  bool covers(Day day) const { return day >= first_ && day < first_ + Day(off_.size()); }

  // Saturdays, Sundays, public holidays, days off moved from a holiday on a weekend, and days
  // off transferred by the Government; a weekend day transferred to work is a working day.
  // Precondition: covers(day).
  bool is_day_off(Day day) const { return off_[day - first_] != 0; }

  // The day on which a term of `n` working days counted from `from` ends: the term starts on the
  // day after `from`, so the result is the n-th working day after it. nullopt when the term runs
  // outside the years the calendar knows.
  std::optional<Day> add_working_days(Day from, int n) const;

 private:
  Day first_ = 0;
  int first_year_ = 0, last_year_ = -1;
  std::vector<std::uint8_t> off_;  // one byte a day from first_
};

}  // namespace ssd
