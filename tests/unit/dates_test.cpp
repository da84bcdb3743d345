#include <gtest/gtest.h>

#include "ssd/dates.h"

namespace ssd {
namespace {

Day d(const char* s) { return *parse_date(s); }

TEST(Dates, ParsesOnlyRealDates) {
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2023-13-01"));
  EXPECT_FALSE(parse_date("2023-1-01"));
  EXPECT_FALSE(parse_date("20230101"));
  EXPECT_FALSE(parse_date("2023-01-01x"));
  EXPECT_EQ(format_date(d("1999-12-31")), "1999-12-31");
  EXPECT_EQ(d("1970-01-01"), 0);
}

TEST(Dates, Weekdays) {
  EXPECT_EQ(iso_weekday(d("2025-09-19")), 5);  // Friday
  EXPECT_EQ(iso_weekday(d("2025-09-21")), 7);  // Sunday
}

TEST(Dates, CompletedYearsCountsTheBirthdayItself) {
  EXPECT_EQ(completed_years(d("2012-05-10"), d("2023-05-09")), 10);
  EXPECT_EQ(completed_years(d("2012-05-10"), d("2023-05-10")), 11);  // exactly 11
  EXPECT_EQ(completed_years(d("2008-02-29"), d("2019-02-28")), 10);
  EXPECT_EQ(completed_years(d("2008-02-29"), d("2019-03-01")), 11);
}

TEST(Dates, AddMonthsKeepsToTheMonthsEnd) {
  EXPECT_EQ(format_date(add_months(d("2023-01-31"), 1)), "2023-02-28");
  EXPECT_EQ(format_date(add_months(d("2024-01-31"), 1)), "2024-02-29");
  EXPECT_EQ(format_date(add_months(d("2023-11-15"), 3)), "2024-02-15");
  EXPECT_EQ(format_date(add_months(d("2023-03-15"), -3)), "2022-12-15");
  EXPECT_EQ(format_date(add_years(d("2024-02-29"), 1)), "2025-02-28");
}

}  // namespace
}  // namespace ssd
