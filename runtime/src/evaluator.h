// Evaluates a Program's nodes over one decoded Record, and explains a failure or a lack of data
// in words. Evaluation is total: every node is visited at most once per use, no loops but over
// the record's own lists.
#pragma once

#include <string>

#include "record.h"
#include "ssd/calendar.h"
#include "ssd/program.h"
#include "ssd/result.h"

namespace ssd {

class Evaluator {
 public:
  Evaluator(const Program& program, const WorkCalendar& calendar)
      : p_(program), calendar_(calendar) {}

  Value eval(std::int32_t node, const Record& record) const;

  // The finding of one computed requirement, with its explanation when it fails or lacks data.
  Finding judge(std::int32_t requirement, const Record& record) const;

 private:
  Value compare(const Node& n, const Record& r) const;
  Value date_add(Day day, double count, TimeUnit unit, int sign) const;
  Value every_period(const Node& n, const Record& r) const;

  // Why node evaluated to false: "what was found against what was required".
  void explain_false(std::int32_t node, const Record& r, std::string& kk, std::string& en) const;
  // The record's fields that node needs and lacks.
  void missing_fields(std::int32_t node, const Record& r, std::string& kk, std::string& en) const;
  std::string show(const Value& v, const Node& n) const;

  const Program& p_;
  const WorkCalendar& calendar_;
};

}  // namespace ssd
