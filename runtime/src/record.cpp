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
std::string closed_check(const Slot& slot, std::string_view item, const std::string& path) {
  if (slot.closed.empty() || std::find(slot.closed.begin(), slot.closed.end(), item) != slot.closed.end()) return "";
  return path + ": " + in_quotes(item) + " is not in the closed list '" + slot.name + "' (" + key_ranges(slot.closed) +
         (slot.closed_group.empty() ? "" : ", the rows of group " + slot.closed_group) + ")";
}

}  // namespace

RecordSchema::RecordSchema(const Program& program) : program_(program) {
  for (size_t i = 0; i < program.slots.size(); ++i) {
    Node* node = &root_;
    std::string_view path = program.slots[i].json_path;
    while (!path.empty()) {
      const size_t dot = path.find('.');
      const std::string_view key = path.substr(0, dot);
      auto it = std::find_if(node->children.begin(), node->children.end(),
                             [&](const Node& n) { return n.key == key; });
      if (it == node->children.end()) {
        node->children.push_back({std::string(key), -1, {}});
        it = node->children.end() - 1;
      }
      node = &*it;
      path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    }
    node->slot = static_cast<std::int32_t>(i);
  }
}

std::string RecordSchema::decode(simdjson::dom::object object, Record& record) const {
  record.slots.assign(program_.slots.size(), Value::missing());
  record.dates.clear();
  record.texts.clear();
  record.table.clear();
  record.elements.clear();
  record.attestations.clear();
  std::string path;
  for (auto [key, value] : object) {
    if (key == "attestations") {
      if (std::string e = decode_attestations(value, record); !e.empty()) return e;
    }
  }
  return decode_object(object, root_, path, record);
}

std::string RecordSchema::decode_object(simdjson::dom::object object, const Node& node,
                                        std::string& path, Record& record) const {
  for (auto [key, value] : object) {
    const Node* child = nullptr;
    for (const Node& c : node.children)
      if (c.key == key) { child = &c; break; }
    if (!child) continue;  // a key no rule reads
    const size_t mark = path.size();
    if (!path.empty()) path.push_back('.');
    path.append(key);
    std::string error;
    if (child->slot >= 0) {
      error = decode_leaf(value, program_.slots[child->slot], path, record, record.slots[child->slot]);
    } else if (value.is_object()) {
      error = decode_object(value.get_object().value_unsafe(), *child, path, record);
    } else if (!value.is_null()) {
      error = path + ": expected an object, found " + json_type_name(value.type());
    }
    if (!error.empty()) return error;
    path.resize(mark);
  }
  return "";
}

std::string RecordSchema::decode_leaf(simdjson::dom::element v, const Slot& slot,
                                      const std::string& path, Record& record, Value& out) const {
  if (v.is_null()) return "";  // null reads as absent
  auto wrong = [&](const char* want) {
    return path + ": expected " + want + ", found " + json_type_name(v.type());
  };
  auto code_index = [&](std::string_view code, int& index) -> std::string {
    const EnumDef& e = program_.enums[slot.enum_id];
    for (size_t i = 0; i < e.members.size(); ++i)
      if (e.members[i].code == code) { index = static_cast<int>(i); return ""; }
    if (e.open) { index = static_cast<int>(e.members.size()); return ""; }
    return path + ": unknown code " + in_quotes(code) + " of '" + e.name + "'";
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
      if (!d) return path + ": not a date YYYY-MM-DD: " + in_quotes(s);
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
        if (!item.is_string()) return path + ": expected codes (strings), found " + json_type_name(item.type());
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
        if (!item.is_string()) return path + ": expected dates (strings), found " + json_type_name(item.type());
        const std::string_view s = item.get_string().value_unsafe();
        const std::optional<Day> d = parse_date(s);
        if (!d) return path + ": not a date YYYY-MM-DD: " + in_quotes(s);
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
        if (!item.is_string()) return path + ": expected strings, found " + json_type_name(item.type());
        const std::string_view text = item.get_string().value_unsafe();
        if (std::string e = closed_check(slot, text, path); !e.empty()) return e;
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
        if (!number.is_number()) return path + "." + printable(key, 40) + ": expected a number, found " + json_type_name(number.type());
        if (std::string e = closed_check(slot, key, path); !e.empty()) return e;
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
        const std::string at = path + "[" + std::to_string(count) + "]";
        if (!item.is_object()) return at + ": expected an object, found " + json_type_name(item.type());
        const size_t base = record.elements.size();
        record.elements.resize(base + width, Value::missing());
        const simdjson::dom::object fields = item.get_object().value_unsafe();
        for (auto [key, value] : fields) {
          for (size_t f = 0; f < width; ++f) {
            if (type.fields[f].json_path != key) continue;
            if (std::string e = decode_leaf(value, type.fields[f], at + "." + std::string(key), record,
                                            record.elements[base + f]);
                !e.empty())
              return e;
            break;
          }
        }
        ++count;
      }
      out.length = count;
      return "";
    }
    case ValueType::Duration:
      break;
  }
  return path + ": cannot be read";
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
