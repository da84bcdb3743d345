// Evaluates a Program's nodes over one decoded Record, and explains a failure or a lack of data
// in words. Evaluation is total: every node is visited at most once per use, no loops but over
// the record's own lists.
#pragma once

#include <string>

#include "phrases.h"
#include "record.h"
#include "ssd/calendar.h"
#include "ssd/internal/program.h"
#include "ssd/result.h"

namespace ssd {

// The elements the quantifiers around a node are at, innermost first.
struct Frame {
  const Frame* parent;
  std::uint32_t base;  // index of the element's first field in Record::elements
};

class Evaluator {
 public:
  Evaluator(const Program& program, const WorkCalendar& calendar)
      : p_(program), calendar_(calendar) {}

  Value eval(std::int32_t node, const Record& record, const Frame* frame = nullptr) const;

  // The status of one computed requirement.
  FindingStatus judge(std::int32_t requirement, const Record& record) const;
  // Why a requirement judged fail or missing_data is so, or which terms not yet due made it
  // not_applicable, appended to kk, and to en unless it is null.
  void explain(std::int32_t requirement, FindingStatus status, const Record& record, std::string& kk,
               std::string* en) const;

 private:
  // The entries of the ops (ops.def): each computes one op, or a few that share their shape.
  Value constant(const Node& n, const Record& r, const Frame* f) const;
  Value field(const Node& n, const Record& r, const Frame* f) const;
  Value element(const Node& n, const Record& r, const Frame* f) const;
  Value as_of(const Node& n, const Record& r, const Frame* f) const;
  Value present(const Node& n, const Record& r, const Frame* f) const;
  Value otherwise(const Node& n, const Record& r, const Frame* f) const;
  Value negation(const Node& n, const Record& r, const Frame* f) const;
  Value conjunction(const Node& n, const Record& r, const Frame* f) const;
  Value disjunction(const Node& n, const Record& r, const Frame* f) const;
  Value conditional(const Node& n, const Record& r, const Frame* f) const;
  Value minus(const Node& n, const Record& r, const Frame* f) const;
  Value arithmetic(const Node& n, const Record& r, const Frame* f) const;
  Value date_shift(const Node& n, const Record& r, const Frame* f) const;
  Value days_between(const Node& n, const Record& r, const Frame* f) const;
  Value compare(const Node& n, const Record& r, const Frame* f) const;
  Value set_relation(const Node& n, const Record& r, const Frame* f) const;
  Value text_in(const Node& n, const Record& r, const Frame* f) const;
  Value lookup(const Node& n, const Record& r, const Frame* f) const;
  Value image(const Node& n, const Record& r, const Frame* f) const;
  Value age(const Node& n, const Record& r, const Frame* f) const;
  Value count(const Node& n, const Record& r, const Frame* f) const;
  Value every_period(const Node& n, const Record& r, const Frame* f) const;
  Value calendar_every(const Node& n, const Record& r, const Frame* f) const;
  // every / some / sum / count_where over a list of objects.
  Value over_elements(const Node& n, const Record& r, const Frame* f) const;

  // The last day of a deadline's term that still runs on as_of, its event absent (language.md §22).
  std::optional<Day> term_running(const Node& n, const Value& a, const Value& b, const Record& r) const;
  Value date_add(Day day, double count, TimeUnit unit, int sign) const;
  // The day a periodic duty starts (the fourth argument of кезең_сайын), where given and present.
  std::optional<Day> period_start(const Node& n, const Record& r, const Frame* f) const;
  // The last day of a periodic duty's first period, where no date is there yet and that period
  // still runs on the until date: nothing can be late yet (language.md §21).
  std::optional<Day> first_period_running(const Node& n, const Record& r, const Frame* f) const;
  // The first calendar period (as a count of months since year 0, divided by the period's
  // length) that has no date, or -1 when every one has; -2 when nothing can be said.
  long first_empty_period(const Node& n, const Record& r, const Frame* f) const;
  std::uint32_t element_width(std::int32_t list_node) const;

  // An explanation being written: in Kazakh, and in English unless `en` is null (English is
  // formatted only where it is asked for).
  struct Explanation {
    std::string& kk;
    std::string* en;
    // A clause after the first is set off by "; ".
    void next_clause() {
      if (kk.empty()) return;
      kk += "; ";
      if (en) *en += "; ";
    }
    // A clause written by `write(out, en)`: in Kazakh, and in English where it is asked for.
    template <typename Write>
    void clause_by(Write write) {
      next_clause();
      write(kk, false);
      if (en) write(*en, true);
    }
    // A clause of phrase P, with the same values in both languages.
    template <Phrase P, typename... Values>
    void clause(const Values&... values) {
      next_clause();
      append_phrase<P>(kk, false, values...);
      if (en) append_phrase<P>(*en, true, values...);
    }
  };
  // A row of a closed table named in the record's list (the risk criteria's violations), as a
  // clause: which row, its criterion shortened, and its degree; false, and nothing written, where
  // held is no such test.
  bool row_found(const Node& held, const Record& r, const Frame* f, Explanation& x) const;
  // The deadlines not yet due that made node not applicable, a clause each.
  void terms_running(std::int32_t node, const Record& r, const Frame* f, Explanation& x) const;
  // Why node evaluated to false: "what was found against what was required".
  void explain_false(std::int32_t node, const Record& r, const Frame* f, Explanation& x) const;
  // The record's fields that node needs and lacks.
  void missing_fields(std::int32_t node, const Record& r, const Frame* f, Explanation& x) const;
  // A value as the record says it (codes for enumeration members), in Kazakh or English.
  std::string show(const Value& v, std::int32_t node, const Record& r, const Frame* f, bool en) const;

  const Program& p_;
  const WorkCalendar& calendar_;
};

}  // namespace ssd
