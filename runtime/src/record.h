// Reading one JSON Lines record into the slots of a Program: one pass over the JSON object,
// matching keys against a tree built from the Program's slots when it is loaded.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

#include "ssd/dates.h"
#include "ssd/internal/program.h"
#include "value.h"

namespace ssd {

enum class Attestation : std::uint8_t { Compliant, NonCompliant, NotApplicable };

struct Record {
  std::string_view id, standard;
  Day as_of = 0;
  std::vector<Value> slots;
  std::vector<Day> dates;  // the DateList values, run after run
  std::vector<std::string_view> texts;                     // the TextList values
  std::vector<std::pair<std::string_view, double>> table;  // the NumberTable values
  std::vector<Value> elements;  // ObjectList: each element's fields, element after element
  std::vector<std::pair<std::string_view, Attestation>> attestations;  // rule → inspector's answer
};

class RecordSchema {
 public:
  explicit RecordSchema(const Program& program);

  // Fills `record` from the object; "" on success, or why the record cannot be checked.
  std::string decode(simdjson::dom::object object, Record& record) const;

 private:
  struct Node {
    std::string key;
    std::int32_t slot = -1;  // a leaf; otherwise an object with children
    std::vector<Node> children;
  };
  std::string decode_object(simdjson::dom::object object, const Node& node, std::string& path,
                            Record& record) const;
  std::string decode_leaf(simdjson::dom::element value, const Slot& slot, const std::string& path,
                          Record& record, Value& out) const;
  std::string decode_attestations(simdjson::dom::element value, Record& record) const;

  const Program& program_;
  Node root_;
};

}  // namespace ssd
