#include "record.h"

#include <algorithm>

#include "ssd/internal/keys.h"
#include "ssd/internal/text.h"

namespace ssd {

namespace {

const char* json_type_name(simdjson::dom::element_type t) {
  using T = simdjson::dom::element_type;
  switch (t) {
    case T::ARRAY: return "an array";
    case T::OBJECT: return "an object";
    case T::INT64:
    case T::UINT64:
    case T::DOUBLE: return "a number";
    case T::STRING: return "a string";
    case T::BOOL: return "true/false";
    case T::NULL_VALUE: return "null";
  }
  return "?";
}

// "" when the slot's closed list (if any) holds `item`, else why the record cannot be checked.
template <typename Where>
std::string closed_check(const Slot& slot, std::string_view item, const Where& where) {
  if (slot.closed.empty() || std::find(slot.closed.begin(), slot.closed.end(), item) != slot.closed.end()) return "";
  return where.str() + ": " + in_quotes(item) + " is not in the closed list '" + slot.name + "' (" + key_ranges(slot.closed) +
         (slot.closed_group.empty() ? "" : ", the rows of group " + slot.closed_group) + ")";
}

}  // namespace

std::string RecordSchema::Where::str() const {
  std::string s;
  if (list) s = list->str() + "[" + std::to_string(element) + "].";
  return s.append(name);
}

std::int32_t RecordSchema::add_node(std::string path) {
  nodes_.push_back({std::move(path), -1, {}, {}});
  return static_cast<std::int32_t>(nodes_.size() - 1);
}

RecordSchema::RecordSchema(const Program& program) : program_(program) {
  // The tree of the slots' paths, each object's keys listed as they come.
  std::vector<std::vector<std::string>> keys(1);
  add_node("");
  for (size_t i = 0; i < program.slots.size(); ++i) {
    std::int32_t node = 0;
    std::string_view path = program.slots[i].json_path;
    for (size_t start = 0; start <= path.size();) {
      const size_t dot = std::min(path.find('.', start), path.size());
      const std::string key(path.substr(start, dot - start));
      const auto it = std::find(keys[node].begin(), keys[node].end(), key);
      std::int32_t child;
      if (it != keys[node].end()) {
        child = nodes_[node].children[it - keys[node].begin()];
      } else {
        child = add_node(std::string(path.substr(0, dot)));
        keys[node].push_back(key);
        nodes_[node].children.push_back(child);
        keys.emplace_back();
      }
      node = child;
      start = dot + 1;
    }
    nodes_[node].slot = static_cast<std::int32_t>(i);
  }
  // The inspector's answers: read beside the fields, by a node of their own.
  if (std::find(keys[0].begin(), keys[0].end(), "attestations") == keys[0].end()) {
    const std::int32_t answers = add_node("attestations");
    nodes_[answers].slot = kAttestations;
    keys[0].push_back("attestations");
    nodes_[0].children.push_back(answers);
    keys.emplace_back();
  }
  for (size_t n = 0; n < nodes_.size(); ++n) nodes_[n].keys = KeyTable(std::move(keys[n]));
  for (const EnumDef& e : program.enums) {
    std::vector<std::string> codes;
    for (const EnumMember& m : e.members) codes.push_back(m.code);
    codes_.emplace_back(std::move(codes));
  }
  for (const RecordType& t : program.record_types) {
    std::vector<std::string> fields;
    for (const Slot& f : t.fields) fields.push_back(f.json_path);
    element_keys_.emplace_back(std::move(fields));
  }
}

std::string RecordSchema::decode(simdjson::dom::object object, Record& record) const {
  record.slots.assign(program_.slots.size(), Value::missing());
  record.dates.clear();
  record.texts.clear();
  record.table.clear();
  record.elements.clear();
  record.attestations.clear();
  return decode_object(object, nodes_[0], record);
}

std::string RecordSchema::decode_object(simdjson::dom::object object, const Node& node, Record& record) const {
  for (auto [key, value] : object) {
    const int k = node.keys.find(key);
    if (k < 0) continue;  // a key no rule reads
    const Node& child = nodes_[node.children[k]];
    std::string error;
    if (child.slot >= 0) {
      error = decode_leaf(value, program_.slots[child.slot], Where{nullptr, child.path}, record,
                          record.slots[child.slot]);
    } else if (child.slot == kAttestations) {
      error = decode_attestations(value, record);
    } else if (value.is_object()) {
      error = decode_object(value.get_object().value_unsafe(), child, record);
    } else if (!value.is_null()) {
      error = child.path + ": expected an object, found " + json_type_name(value.type());
    }
    if (!error.empty()) {
      // The inspector's answers are judged first: a wrong one is the record's error wherever it stands.
      simdjson::dom::element answers;
      if (&node == &nodes_[0] && child.slot != kAttestations && !object["attestations"].get(answers))
        if (std::string e = decode_attestations(answers, record); !e.empty()) return e;
      return error;
    }
  }
  return "";
}

std::string RecordSchema::decode_leaf(simdjson::dom::element v, const Slot& slot, const Where& where,
                                      Record& record, Value& out) const {
  if (v.is_null()) return "";  // null reads as absent
  auto wrong = [&](const char* want) {
    return where.str() + ": expected " + want + ", found " + json_type_name(v.type());
  };
  auto code_index = [&](std::string_view code, int& index) -> std::string {
    const EnumDef& e = program_.enums[slot.enum_id];
    index = codes_[slot.enum_id].find(code);
    if (index >= 0) return "";
    if (e.open) { index = static_cast<int>(e.members.size()); return ""; }
    return where.str() + ": unknown code " + in_quotes(code) + " of '" + e.name + "'";
  };
  out.state = Value::State::Present;
  switch (slot.type) {
    case ValueType::Bool:
      if (!v.is_bool()) return wrong("true or false");
      out.num = v.get_bool().value_unsafe();
      return "";
    case ValueType::Number:
    case ValueType::Area:
      if (!v.is_number()) return wrong("a number");
      out.num = v.get_double().value_unsafe();
      return "";
    case ValueType::Text:
      if (!v.is_string()) return wrong("a string");
      out.text = v.get_string().value_unsafe();
      return "";
    case ValueType::Date: {
      if (!v.is_string()) return wrong("a date YYYY-MM-DD");
      const std::string_view s = v.get_string().value_unsafe();
      const std::optional<Day> d = parse_date(s);
      if (!d) return where.str() + ": not a date YYYY-MM-DD: " + in_quotes(s);
      out.num = *d;
      return "";
    }
    case ValueType::Enum: {
      if (!v.is_string()) return wrong("a code (string)");
      int index = 0;
      if (std::string e = code_index(v.get_string().value_unsafe(), index); !e.empty()) return e;
      out.bits = static_cast<std::uint64_t>(index);
      return "";
    }
    case ValueType::EnumSet: {
      if (!v.is_array()) return wrong("an array of codes");
      out.bits = 0;
      const simdjson::dom::array items = v.get_array().value_unsafe();
      for (simdjson::dom::element item : items) {
        if (!item.is_string()) return where.str() + ": expected codes (strings), found " + json_type_name(item.type());
        int index = 0;
        if (std::string e = code_index(item.get_string().value_unsafe(), index); !e.empty()) return e;
        out.bits |= std::uint64_t{1} << index;
      }
      return "";
    }
    case ValueType::DateList: {
      if (!v.is_array()) return wrong("an array of dates");
      out.offset = static_cast<std::uint32_t>(record.dates.size());
      const simdjson::dom::array items = v.get_array().value_unsafe();
      for (simdjson::dom::element item : items) {
        if (!item.is_string()) return where.str() + ": expected dates (strings), found " + json_type_name(item.type());
        const std::string_view s = item.get_string().value_unsafe();
        const std::optional<Day> d = parse_date(s);
        if (!d) return where.str() + ": not a date YYYY-MM-DD: " + in_quotes(s);
        record.dates.push_back(*d);
      }
      out.length = static_cast<std::uint32_t>(record.dates.size()) - out.offset;
      std::sort(record.dates.begin() + out.offset, record.dates.end());
      return "";
    }
    case ValueType::TextList: {
      if (!v.is_array()) return wrong("an array of strings");
      out.offset = static_cast<std::uint32_t>(record.texts.size());
      const simdjson::dom::array items = v.get_array().value_unsafe();
      for (simdjson::dom::element item : items) {
        if (!item.is_string()) return where.str() + ": expected strings, found " + json_type_name(item.type());
        const std::string_view text = item.get_string().value_unsafe();
        if (std::string e = closed_check(slot, text, where); !e.empty()) return e;
        record.texts.push_back(text);
      }
      out.length = static_cast<std::uint32_t>(record.texts.size()) - out.offset;
      return "";
    }
    case ValueType::NumberTable: {
      if (!v.is_object()) return wrong("an object of numbers");
      out.offset = static_cast<std::uint32_t>(record.table.size());
      const simdjson::dom::object entries = v.get_object().value_unsafe();
      for (auto [key, number] : entries) {
        if (!number.is_number()) return where.str() + "." + printable(key, 40) + ": expected a number, found " + json_type_name(number.type());
        if (std::string e = closed_check(slot, key, where); !e.empty()) return e;
        record.table.emplace_back(key, number.get_double().value_unsafe());
      }
      out.length = static_cast<std::uint32_t>(record.table.size()) - out.offset;
      return "";
    }
    case ValueType::ObjectList: {
      if (!v.is_array()) return wrong("an array of objects");
      const RecordType& type = program_.record_types[slot.record_type];
      const size_t width = type.fields.size();
      out.offset = static_cast<std::uint32_t>(record.elements.size());
      std::uint32_t count = 0;
      const simdjson::dom::array items = v.get_array().value_unsafe();
      for (simdjson::dom::element item : items) {
        if (!item.is_object())
          return where.str() + "[" + std::to_string(count) + "]: expected an object, found " + json_type_name(item.type());
        const size_t base = record.elements.size();
        record.elements.resize(base + width, Value::missing());
        const simdjson::dom::object fields = item.get_object().value_unsafe();
        for (auto [key, value] : fields) {
          const int f = element_keys_[slot.record_type].find(key);
          if (f < 0) continue;
          if (std::string e = decode_leaf(value, type.fields[f], Where{&where, key, count}, record,
                                          record.elements[base + f]);
              !e.empty())
            return e;
        }
        ++count;
      }
      out.length = count;
      return "";
    }
    case ValueType::Duration:
      break;
  }
  return where.str() + ": cannot be read";
}

std::string RecordSchema::decode_attestations(simdjson::dom::element v, Record& record) const {
  if (v.is_null()) return "";
  if (!v.is_object()) return "attestations: expected an object {\"<rule>\": true|false|\"not_applicable\"}";
  const simdjson::dom::object answers = v.get_object().value_unsafe();
  for (auto [rule, answer] : answers) {
    Attestation a;
    if (answer.is_bool()) {
      a = answer.get_bool().value_unsafe() ? Attestation::Compliant : Attestation::NonCompliant;
    } else if (answer.is_string() && answer.get_string().value_unsafe() == "not_applicable") {
      a = Attestation::NotApplicable;
    } else {
      return "attestations." + printable(rule, 40) + ": expected true, false or \"not_applicable\"";
    }
    record.attestations.emplace_back(rule, a);
  }
  return "";
}

}  // namespace ssd
