// A value during evaluation. Missing (a field the record lacks) and NotApplicable (a condition's
// premise is false) are values too, not exceptions: they flow through the evaluator and become
// the findings missing_data and not_applicable.
#pragma once

#include <cstdint>
#include <string_view>

namespace ssd {

struct Value {
  enum class State : std::uint8_t { Present, Missing, NotApplicable };
  State state = State::Missing;
  double num = 0;            // Bool (0/1), Number, Area, Date (day), Duration (count)
  std::uint64_t bits = 0;    // Enum: member index; EnumSet: one bit a member
  std::string_view text;     // Text
  std::uint32_t offset = 0, length = 0;  // DateList: a run of Record::dates

  bool present() const { return state == State::Present; }
  static Value missing() { return {}; }
  static Value not_applicable() { return with(State::NotApplicable, 0, 0); }
  static Value number(double n) { return with(State::Present, n, 0); }
  static Value boolean(bool b) { return with(State::Present, b ? 1.0 : 0.0, 0); }
  static Value set(std::uint64_t bits) { return with(State::Present, 0, bits); }

 private:
  static Value with(State state, double num, std::uint64_t bits) {
    Value v;
    v.state = state;
    v.num = num;
    v.bits = bits;
    return v;
  }
};

}  // namespace ssd
