#include "ssd/calendar.h"

#include <map>
#include <stdexcept>

namespace ssd {

namespace detail {
extern const char kKazakhstanCalendarTsv[];
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<WorkCalendar> WorkCalendar::parse(std::string_view tsv, std::string* error) {
  // kind per listed date; true = day off
  std::map<Day, bool> listed;
  int line_no = 0, first_year = 0, last_year = 0;
  bool any = false;
  while (!tsv.empty()) {
    const size_t eol = tsv.find('\n');
    std::string_view line = trim(tsv.substr(0, eol));
    tsv.remove_prefix(eol == std::string_view::npos ? tsv.size() : eol + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    const std::string_view date_text = trim(line.substr(0, tab1));
    const std::string_view kind = tab1 == std::string_view::npos
        ? std::string_view() : trim(line.substr(tab1 + 1, tab2 == std::string_view::npos ? std::string_view::npos : tab2 - tab1 - 1));
    const std::optional<Day> date = parse_date(date_text);
    if (!date) {
      if (error) *error = "line " + std::to_string(line_no) + ": not a date: " + std::string(date_text);
      return std::nullopt;
    }
    bool off;
    if (kind == "holiday" || kind == "moved" || kind == "transfer_off") {
      off = true;
    } else if (kind == "transfer_work") {
      off = false;
    } else {
      if (error) *error = "line " + std::to_string(line_no) + ": unknown kind: " + std::string(kind);
      return std::nullopt;
    }
    // A holiday on a weekend stays a day off whatever else is listed for it.
    auto [it, inserted] = listed.emplace(*date, off);
    if (!inserted) it->second = it->second || off;
    const int year = civil_from_day(*date).year;
    if (!any || year < first_year) first_year = year;
    if (!any || year > last_year) last_year = year;
    any = true;
  }
  WorkCalendar cal;
  if (!any) return cal;
  cal.first_year_ = first_year;
  cal.last_year_ = last_year;
  cal.first_ = day_from_civil({first_year, 1, 1});
  const Day end = day_from_civil({last_year + 1, 1, 1});
  cal.off_.resize(static_cast<size_t>(end - cal.first_));
  for (Day d = cal.first_; d < end; ++d) cal.off_[d - cal.first_] = iso_weekday(d) >= 6;
  for (const auto& [day, off] : listed) cal.off_[day - cal.first_] = off;
  return cal;
}

std::string_view WorkCalendar::kazakhstan_tsv() { return detail::kKazakhstanCalendarTsv; }

const WorkCalendar& WorkCalendar::kazakhstan() {
  static const WorkCalendar calendar = [] {
    std::string error;
    std::optional<WorkCalendar> cal = parse(detail::kKazakhstanCalendarTsv, &error);
    // The data is compiled in and checked by the tests; a broken file is a build defect.
    if (!cal) throw std::runtime_error("stdlib/calendar/kz-calendar.tsv: " + error);
    return *std::move(cal);
  }();
  return calendar;
}

std::optional<Day> WorkCalendar::add_working_days(Day from, int n) const {
  Day day = from;
  while (n > 0) {
    ++day;
    if (!covers(day)) return std::nullopt;
    if (!is_day_off(day)) --n;
  }
  return day;
}

}  // namespace ssd
