// Reading one JSON Lines record into the slots of a Program: one pass over the parsed JSON object,
// each key found by a perfect hash built from the Program's slots when it is loaded. Nothing is
// allocated for a record once the Record's vectors have grown to its size; the path of a field is
// spelled out only in an error message.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

#include "key_table.h"
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
  // An object of the record the program reads into, or one of its fields.
  struct Node {
    std::string path;        // dotted, from the record: "housing.sleeping_area_m2"
    std::int32_t slot = -1;  // a field: its slot; an object: -1 (kAttestations: the answers)
    KeyTable keys;           // an object: the keys read in it
    std::vector<std::int32_t> children;  // per key, its node
  };
  static constexpr std::int32_t kAttestations = -2;

  // Where a value stands, for messages: a node's path, or a field of an element of a list.
  struct Where {
    const Where* list = nullptr;  // the list the element is in, or null
    std::string_view name;        // the node's path, or the field's key
    std::int64_t element = -1;
    std::string str() const;
  };

  std::string decode_object(simdjson::dom::object object, const Node& node, Record& record) const;
  std::string decode_leaf(simdjson::dom::element value, const Slot& slot, const Where& where, Record& record,
                          Value& out) const;
  std::string decode_attestations(simdjson::dom::element value, Record& record) const;
  std::int32_t add_node(std::string path);

  const Program& program_;
  std::vector<Node> nodes_;             // [0]: the record's own object
  std::vector<KeyTable> codes_;         // per enumeration: its members' codes
  std::vector<KeyTable> element_keys_;  // per record type: its fields' keys
};

}  // namespace ssd
