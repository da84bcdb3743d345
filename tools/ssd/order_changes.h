// What one amending order changes, instruction by instruction, across the instruments it touches
// (`ssd diff --order`): each change's previous and new wording as the corpus holds them, and
// whether the meaning of the requirements there changed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "labels.h"
#include "ssd/compiler.h"
#include "ssd/dates.h"

namespace ssd::cli {

struct OrderChangeView {
  std::string order;         // the order's name (its қысқаша)
  std::optional<Day> applies_from;
  bool applies_from_earliest = false;
  std::string instruction;   // "1.6"; "" where the order's file does not number it
  std::string instrument;    // id
  std::string instrument_name;  // its short name, as the law cites it
  std::string target;        // contract §2 form; "" the whole instrument or a part no block encodes
  std::string citation;      // the target in the law's words: "8-қосымшаның 12-жолы"
  OrderChange::Kind kind = OrderChange::NewWording;
  std::optional<std::string> previous, next;  // the wordings; none where there is none or it is not in the corpus
  bool previous_in_corpus = false;
  std::optional<bool> meaning_changed;  // of the requirements there; none when it cannot be told
  std::vector<std::string> what;        // each change in meaning, in the view's LabelLang
  std::string unit;    // an instruction that changes no block: the part it changes, in the order's words
  std::string reason;  // and why it is no block
  std::string justification;  // why the order makes it (the instruction's or the order's); "" none given
};

struct InstrumentDiff;

struct OrderView {
  CompiledOrder order;  // its changes are in `changes` below
  std::vector<OrderChangeView> changes;
};

// The view of `order_id` in a compilation of it with the instruments it amends; nullopt when the
// compilation holds no such order. What changed in meaning is said in `lang` (Json for JSON output).
std::optional<OrderView> order_view(const CompileResult& result, const std::string& order_id, LabelLang lang);

// The changes the orders of a compilation make to one instrument that apply after `after` and
// not after `until`, in date order, each order's in the order of its instructions.
std::vector<OrderChangeView> instrument_changes(const CompileResult& result, const std::string& instrument, Day after,
                                                Day until, LabelLang lang);

// Names the source of each requirement's change in `diff` from its `amendments`: the order, the
// instruction and the day; a requirement "added" by a new wording whose previous wording the corpus
// lacks becomes a NewWording.
void attribute_changes(InstrumentDiff& diff, LabelLang lang);

// The order, instruction and day of a change: in `lang`, in Kazakh for Json.
std::string source_of(const OrderChangeView& change, LabelLang lang);

// The contract's word for a kind: new_wording, supplement, deletion, repeal.
const char* to_string(OrderChange::Kind kind);

}  // namespace ssd::cli
