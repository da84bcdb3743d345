#include "units.h"

#include "words.h"

namespace ssd {

namespace {

struct Entry {
  std::string_view written;
  Unit unit;
};

const Entry kUnits[] = {
    {"м²", {Type::of(Type::Area), 1}},
    {"шаршы метр", {Type::of(Type::Area), 1}},
    {"күнтізбелік күн", {Type::duration(TimeUnit::CalendarDays), 1}},
    {"күнтізбелік_күн", {Type::duration(TimeUnit::CalendarDays), 1}},
    {"күн", {Type::duration(TimeUnit::CalendarDays), 1}},
    {"апта", {Type::duration(TimeUnit::CalendarDays), 7}},
    {"жұмыс күні", {Type::duration(TimeUnit::WorkingDays), 1}},
    {"жұмыс_күні", {Type::duration(TimeUnit::WorkingDays), 1}},
    {"ай", {Type::duration(TimeUnit::Months), 1}},
    {"жыл", {Type::duration(TimeUnit::Years), 1}},
};

}  // namespace

std::optional<Unit> find_unit(std::string_view written) {
  for (const Entry& e : kUnits)
    if (e.written == written) return e.unit;
  return std::nullopt;
}

std::string known_units() {
  std::vector<std::string> written;
  for (const Entry& e : kUnits) written.emplace_back(e.written);
  return code_words(written);
}

}  // namespace ssd
