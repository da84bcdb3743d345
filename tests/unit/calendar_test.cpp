#include <gtest/gtest.h>

#include "ssd/calendar.h"

namespace ssd {
namespace {

Day d(const char* s) { return *parse_date(s); }
std::string after(const char* from, int n) {
  const auto end = WorkCalendar::kazakhstan().add_working_days(d(from), n);
  return end ? format_date(*end) : "outside";
}

TEST(Calendar, CoversTheYearsTheLawNeeds) {
  const WorkCalendar& kz = WorkCalendar::kazakhstan();
  EXPECT_LE(kz.first_year(), 2009);
  EXPECT_GE(kz.last_year(), 2026);
}

TEST(Calendar, WeekendsAreDaysOff) {
  // Friday 19 Sep 2025 → Monday 22 Sep 2025.
  EXPECT_EQ(after("2025-09-19", 1), "2025-09-22");
}

TEST(Calendar, NauryzTwentyTwentyFive) {
  // 21 Mar (Fri) is Nauryz; 22–23 Mar fall on the weekend and move to 24–25 Mar.
  const WorkCalendar& kz = WorkCalendar::kazakhstan();
  for (const char* off : {"2025-03-21", "2025-03-22", "2025-03-23", "2025-03-24", "2025-03-25"})
    EXPECT_TRUE(kz.is_day_off(d(off))) << off;
  EXPECT_EQ(after("2025-03-20", 1), "2025-03-26");
}

TEST(Calendar, HolidayOnAWeekendMovesToMonday) {
  // Republic Day, Sat 25 Oct 2025 → Mon 27 Oct is a day off.
  EXPECT_TRUE(WorkCalendar::kazakhstan().is_day_off(d("2025-10-27")));
  EXPECT_EQ(after("2025-10-24", 1), "2025-10-28");
}

TEST(Calendar, ReligiousHolidaysAreNotMoved) {
  // 7 January 2024 was a Sunday: Monday 8 January was a working day.
  EXPECT_FALSE(WorkCalendar::kazakhstan().is_day_off(d("2024-01-08")));
}

TEST(Calendar, GovernmentTransfers) {
  // 2025: a transfer made a Saturday or Sunday a working day and a weekday a day off; the file
  // lists them, and the code must honour both kinds.
  const WorkCalendar& kz = WorkCalendar::kazakhstan();
  EXPECT_FALSE(kz.is_day_off(d("2025-01-05")));  // Sunday worked
  EXPECT_TRUE(kz.is_day_off(d("2025-01-03")));   // Friday off
}

TEST(Calendar, ATermOutsideTheCalendarIsUnknown) {
  EXPECT_EQ(after("2026-12-30", 5), "outside");
}

TEST(Calendar, RejectsBadLines) {
  std::string error;
  EXPECT_FALSE(WorkCalendar::parse("2025-02-30\tholiday\tx\n", &error));
  EXPECT_NE(error.find("line 1"), std::string::npos);
  EXPECT_FALSE(WorkCalendar::parse("2025-02-03\tfestival\tx\n", &error));
  EXPECT_NE(error.find("unknown kind"), std::string::npos);
}

}  // namespace
}  // namespace ssd
