// The runtime's C++ entry point: holds compiled instruments and checks case records against the
// one each record names. One Checker per thread; the Programs are shared and never change.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ssd/calendar.h"
#include "ssd/program.h"
#include "ssd/result.h"

namespace ssd {

class Checker {
 public:
  explicit Checker(const WorkCalendar& calendar = WorkCalendar::kazakhstan());
  ~Checker();
  Checker(const Checker&) = delete;
  Checker& operator=(const Checker&) = delete;

  // Adds an instrument; a later one with the same id replaces it.
  void add(std::shared_ptr<const Program> program);
  const Program* find(std::string_view id) const;

  // Checks one record: a JSON object on one line. The result lives until the next call.
  const RecordResult& check(std::string_view json);

  // The same, for text already padded for the JSON parser: `capacity` bytes are readable from
  // `data` (at least size + padding()); saves a copy in the bulk path.
  const RecordResult& check_padded(const char* data, size_t size, size_t capacity);
  static size_t padding();

 private:
  struct Instrument;
  struct State;
  std::unordered_map<std::string, std::unique_ptr<Instrument>> instruments_;
  std::unique_ptr<State> state_;
  const WorkCalendar& calendar_;
};

}  // namespace ssd
