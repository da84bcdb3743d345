// ssd test: runs the examples (мысал) written beside the rules, and says which give results
// other than the ones they expect.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "commands.h"
#include "common_options.h"
#include "labels.h"
#include "output.h"
#include "library.h"
#include "ssd/runtime.h"
#include "ssd/report.h"

namespace ssd::cli {

namespace {

struct TestOptions {
  std::vector<std::string> inputs;
  CommonOptions common;
  bool verbose = false;
};

// The example's record with the instrument's id and the example's name filled in.
std::string example_record(const Example& x, const std::string& standard) {
  std::string json = x.record_json;
  const size_t brace = json.find('{');
  if (brace == std::string::npos) return json;
  std::string head = fmt::format("{{\"id\":\"{}\",\"standard\":\"{}\"", x.name, standard);
  const size_t next = json.find_first_not_of(" \t\n", brace + 1);
  if (next != std::string::npos && json[next] != '}') head += ',';
  return head + json.substr(brace + 1);
}

// What the result says of one expectation, in the contract's words.
std::string actual(const RecordResult& r, const Example::Expectation& want) {
  if (want.rule.empty()) return to_string(r.status);
  std::string status;
  for (const Finding& f : r.findings) {
    const Requirement& req = r.program->requirements[f.requirement];
    if (req.rule != want.rule || (!want.requirement.empty() && req.name != want.requirement)) continue;
    const std::string s = to_string(f.status);
    if (status.empty()) status = s;
    else if (status != s) return status + "+" + s;  // findings of one rule that disagree
  }
  return status.empty() ? "not_reported" : status;
}

int run_test(const TestOptions& o) {
  const Lang lang = o.common.language();
  int passed = 0, failed = 0;
  std::set<std::pair<std::string, int>> run;  // each example once, when several inputs reach it
  for (const std::string& path : o.inputs) {
    // The file is compiled with the files whose orders may amend it and whose instruments its
    // orders may amend (the standards folder, or its own); its own examples are run.
    CompileResult result;
    if (!compile_with_folder(path, o.common, result)) {
      ++failed;
      continue;
    }
    // Of an amending order, the examples of every instrument it touches run too: a new order can
    // break an example written elsewhere.
    std::set<std::string> touched;
    for (const CompiledOrder& order : result.orders)
      if (order.file == path)
        for (const OrderChange& c : order.changes) touched.insert(c.instrument);
    for (const CompiledInstrument& in : result.instruments) {
      RecordChecker checker;
      checker.add(std::make_shared<const Program>(in.program));
      const bool all = touched.count(in.program.instrument.id) > 0;
      for (const Example& x : in.examples) {
        if ((x.file != path && !all) || !run.emplace(x.file, x.line).second) continue;
        const RecordResult& r = checker.check(example_record(x, in.program.instrument.id));
        std::vector<std::string> problems;
        for (const Example::Expectation& want : x.expectations) {
          const std::string got = actual(r, want);
          if (got != want.status)
            problems.push_back(fmt::format("{}:{}: {}{}{}: {}", x.file, want.line, want.rule.empty() ? "" : "§ ",
                                           want.rule.empty() ? label(Label::the_record, lang) : want.rule,
                                           want.requirement.empty() ? "" : " " + want.requirement,
                                           label(Label::example_expected_got, lang, want.status, got)));
        }
        const bool error_expected = std::any_of(x.expectations.begin(), x.expectations.end(),
            [](const Example::Expectation& e) { return e.rule.empty() && e.status == "error"; });
        if (r.status == RecordStatus::Error && !error_expected)
          problems.push_back(fmt::format("{}:{}: {}", x.file, x.line, r.error));
        if (problems.empty()) {
          ++passed;
          if (o.verbose) write_out(fmt::format("PASS {}: {}\n", in.program.instrument.id, x.name));
          continue;
        }
        ++failed;
        std::string report = fmt::format("FAIL {}: {}\n", in.program.instrument.id, x.name);
        for (const std::string& p : problems) report += "  " + p + "\n";
        report += "  ";
        append_jsonl(r, report);
        write_out(report);
      }
    }
  }
  write_out(fmt::format("{} passed, {} failed\n", passed, failed));
  return failed ? kFindings : kOk;
}

}  // namespace

Command add_test(CLI::App& app) {
  auto o = std::make_shared<TestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "test",
      "Run the examples (мысал) of standards: each example's record is checked and its results\n"
      "compared with the ones it expects (күтілетін).\n"
      "Of an amending order, the examples of every instrument it touches run too.\n"
      "  ssd test standards/edu-org.ssd\n"
      "  ssd test -v standards/*.ssd");
  cmd->add_option("inputs", o->inputs, ".ssd files")->required()->check(CLI::ExistingFile);
  cmd->add_flag("-v,--verbose", o->verbose, "name every example that passes too");
  add_common_options(*cmd, o->common,
                     {.standards = "the folder a file is compiled with (default: the file's own folder)",
                      .lang = "language of diagnostics and of the examples' results: kk or en"});
  return [o] { return run_test(*o); };
}

}  // namespace ssd::cli
