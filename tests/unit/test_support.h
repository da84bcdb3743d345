// Helpers shared by the unit tests: compile a source text, check a record against it.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "ssd/runtime.h"
#include "ssd/compiler.h"
#include "ssd/report.h"

namespace ssd::testing {

inline CompileResult compile_text(const std::string& text, const std::string& name = "test.ssd") {
  return compile(std::make_shared<const SourceFile>(name, text));
}

// The names of the diagnostics reported, in order, e.g. "unknown_name type_mismatch".
inline std::string diag_ids(const CompileResult& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics.all()) {
    if (d.severity == DiagSeverity::Note) continue;
    if (!out.empty()) out += ' ';
    out += diag_name(d.id);
  }
  return out;
}

// An instrument around `body`, with the edu-like enumerations the tests use.
inline std::string instrument(const std::string& body, const std::string& meta = "") {
  return "стандарт t-1 \"Тест\" {\n" + meta +
         "  тізбе санат { жетім = \"orphan\" \"жетім\" § 2.1  девиант = \"deviant_behaviour\" \"д\" § 2.3 }\n" +
         "  тізбе құжат { куәлік = \"birth_or_id\" \"куәлік\"  анықтамасы = \"stay_certificate\" \"а\" }\n" +
         body + "\n}\n";
}

class Checked {
 public:
  explicit Checked(const std::string& source) : result_(compile_text(source)) {
    if (!result_.ok()) {
      ADD_FAILURE() << result_.diagnostics.render(Lang::En);
      return;
    }
    for (const auto& in : result_.instruments) checker_.add(std::make_shared<const Program>(in.program));
  }
  // The status of the finding of `rule`, "" when there is none; the record's status for "".
  std::string status(const std::string& record_json, const std::string& rule = "") {
    const RecordResult& r = checker_.check(record_json);
    if (rule.empty()) return to_string(r.status);
    for (const Finding& f : r.findings)
      if (r.program->requirements[f.requirement].rule == rule) return to_string(f.status);
    return "";
  }
  const RecordResult& check(const std::string& record_json) { return checker_.check(record_json); }

 private:
  CompileResult result_;
  RecordChecker checker_;
};

}  // namespace ssd::testing
