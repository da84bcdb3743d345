#include "record_files.h"

#include <simdjson.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "jsonl_input.h"
#include "parallel_records.h"

namespace ssd::cli {

bool check_case_files(RecordChecker& checker, const std::vector<std::string>& paths,
                      const std::function<bool(const RecordResult&)>& handle) {
  for (const std::string& path : paths) {
    std::FILE* in = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!in) {
      std::cerr << "ssd: cannot open " << path << "\n";
      return false;
    }
    bool more = true;
    const bool ok = for_each_line(in, RecordChecker::padding(), [&](const char* data, size_t size, size_t capacity) {
      more = handle(checker.check_padded(data, size, capacity));
      return more;
    });
    if (in != stdin) std::fclose(in);
    if (!ok) {
      std::cerr << "ssd: read error: " << path << "\n";
      return false;
    }
    if (!more) return true;
  }
  return true;
}

namespace {

// A worker's part: check each record of a block and keep a copy of its result.
class KeepResults : public BlockWork {
 public:
  explicit KeepResults(const std::vector<std::shared_ptr<const Program>>& programs) {
    for (const auto& p : programs) checker_.add(p);
    checker_.set_explanations(RecordChecker::Explanations::None);
  }
  void check(CheckedBlock& block) override {
    const LineBlock& in = block.input;
    for (const LineBlock::Line& line : in.lines) block.keep(checker_.check_padded(in.data(line), line.size, in.capacity(line)));
  }

 private:
  RecordChecker checker_;
};

}  // namespace

bool check_case_files(const std::vector<std::shared_ptr<const Program>>& programs, unsigned threads,
                      const std::vector<std::string>& paths, const std::function<bool(const RecordResult&)>& handle) {
  return check_files_parallel(
      paths, threads, RecordChecker::padding(), [&] { return std::make_unique<KeepResults>(programs); },
      [&](CheckedBlock& block) {
        for (size_t i = 0; i < block.kept; ++i)
          if (!handle(block.results[i])) return false;
        return true;
      });
}

bool read_text_file(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "ssd: cannot open " << path << "\n";
    return false;
  }
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) {
    std::cerr << "ssd: read error: " << path << "\n";
    return false;
  }
  text = s.str();
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);  // a byte-order mark is not the record's
  return true;
}

bool inspection_fields(const std::string& json, InspectionFields& out, std::string& error) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (auto e = parser.parse(json).get(doc); e) {
    error = std::string("not valid JSON: ") + simdjson::error_message(e);
    return false;
  }
  simdjson::dom::object record;
  if (doc.get_object().get(record)) {
    error = "the record is not a JSON object";
    return false;
  }
  std::string_view as_of;
  if (!record["as_of"].get_string().get(as_of)) out.as_of = as_of;
  simdjson::dom::element inspection;
  // No header, or null (which reads as absent): the lines stay empty.
  if (record["inspection"].get(inspection) || inspection.is_null()) return true;
  simdjson::dom::object fields;
  if (inspection.get_object().get(fields)) {
    error = "inspection: expected an object of strings";
    return false;
  }
  for (auto [key, value] : fields) {
    std::string_view text;
    if (value.is_null()) continue;
    if (value.get_string().get(text)) {
      error = "inspection." + std::string(key) + ": expected a string";
      return false;
    }
    out.header.emplace_back(std::string(key), std::string(text));
  }
  return true;
}

}  // namespace ssd::cli
