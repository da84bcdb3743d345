#include "fuzz_support.h"

#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "check_page.h"
#include "ssd/compiler.h"
#include "ssd/report.h"

namespace ssd::fuzz {

void finding(const std::string& what) {
  std::fprintf(stderr, "ssd fuzz finding: %s\n", what.c_str());
  std::abort();
}

const std::vector<std::shared_ptr<const Program>>& standards() {
  static const std::vector<std::shared_ptr<const Program>> programs = [] {
    const CompileResult r = compile_folder(SSD_SOURCE_DIR "/standards");
    if (!r.ok()) finding("the standards do not compile:\n" + r.diagnostics.render(Lang::En));
    std::vector<std::shared_ptr<const Program>> out;
    for (const CompiledInstrument& in : r.instruments) out.push_back(std::make_shared<const Program>(in.program));
    return out;
  }();
  return programs;
}

namespace {

// A JSON object built from dotted paths.
struct Tree {
  std::string value;  // a leaf's JSON text
  std::map<std::string, Tree> children;

  void put(std::string_view path, std::string json) {
    const size_t dot = path.find('.');
    Tree& child = children[std::string(path.substr(0, dot))];
    if (dot == std::string_view::npos) child.value = std::move(json);
    else child.put(path.substr(dot + 1), std::move(json));
  }
  std::string json() const {
    if (children.empty()) return value.empty() ? "{}" : value;
    std::string out = "{";
    for (const auto& [key, child] : children) {
      if (out.size() > 1) out += ',';
      append_json_string(key, out);
      out += ':' + child.json();
    }
    return out + "}";
  }
};

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(s, out);
  return out;
}

std::string value_of(const Program& p, const Slot& s, Day day) {
  auto code = [&](size_t i) {
    const EnumDef& e = p.enums[s.enum_id];
    return json_string(i < e.members.size() ? e.members[i].code : "other");
  };
  switch (s.type) {
    case ValueType::Bool: return "true";
    case ValueType::Number: return "3";
    case ValueType::Area: return "12.5";
    case ValueType::Text: return "\"7\"";
    case ValueType::Date: return json_string(format_date(day - 30));
    case ValueType::Enum: return code(0);
    case ValueType::EnumSet: return fmt::format("[{},{}]", code(0), code(1));
    case ValueType::DateList:
      return fmt::format("[{},{}]", json_string(format_date(day - 60)), json_string(format_date(day - 3)));
    case ValueType::TextList: return "[\"1\",\"7\",\"85\"]";
    case ValueType::NumberTable: return "{\"85\":2,\"86\":1}";
    case ValueType::ObjectList: {
      Tree element;
      for (const Slot& f : p.record_types[s.record_type].fields)
        if (f.type != ValueType::ObjectList) element.put(f.json_path, value_of(p, f, day));
      return fmt::format("[{0},{0}]", element.json());
    }
    case ValueType::Duration: break;
  }
  return "null";
}

}  // namespace

std::vector<std::string> sample_records(const Program& p) {
  const Instrument& in = p.instrument;
  Day day = in.in_force_from ? *in.in_force_from + 365 : *parse_date("2023-06-01");
  if (in.repealed_from && day >= *in.repealed_from) day = in.in_force_from ? *in.in_force_from : *in.repealed_from - 1;
  const std::string head =
      fmt::format("{{\"id\":\"fuzz\",\"standard\":{},\"as_of\":{}", json_string(in.id), json_string(format_date(day)));
  Tree full;
  for (const Slot& s : p.slots)
    if (s.type != ValueType::Duration && !s.json_path.empty()) full.put(s.json_path, value_of(p, s, day));
  std::string fields = full.json();  // {…}: its members follow the head's
  fields[0] = ',';
  return {fields.size() > 2 ? head + fields : head + "}", head + "}"};
}

void expect_json_line(std::string_view text, const std::string& what) {
  if (text.empty() || text.back() != '\n' || text.find('\n') != text.size() - 1)
    finding(what + " is not one line: " + std::string(text));
  static simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (auto error = parser.parse(text.data(), text.size()).get(doc); error)
    finding(what + " is not JSON (" + simdjson::error_message(error) + "): " + std::string(text));
}

void write_every_way(const RecordResult& r, Writers& writers) {
  std::string line;
  writers.kk.append(r, line);
  expect_json_line(line, "a result");
  std::string english, text, html;
  writers.en.append(r, english);
  append_text(r, text);
  cli::CheckPage(false).append(r, html);
}

}  // namespace ssd::fuzz
