// ssd check: case records in, one result per record out, in input order (contract §5, §6).
#include <unistd.h>

#include <array>
#include <cstdio>

#include <fmt/format.h>

#include "check_page.h"
#include "commands.h"
#include "common_options.h"
#include "database_records.h"
#include "library.h"
#include "output.h"
#include "parallel_records.h"
#include "ssd/internal/text.h"
#include "ssd/report.h"
#include "ssd/runtime.h"

namespace ssd::cli {

namespace {

struct CheckOptions {
  CommonOptions common;
  std::string format = "jsonl";
  std::string findings = "all";
  std::vector<std::string> inputs;
  std::string from, query;  // records from a database
};

// One thread's means to check and write results: its own checker and writer over the shared
// programs.
class Renderer : public BlockWork {
 public:
  // With a page, results are written as its sections; otherwise in `format`.
  Renderer(const Library& library, OutputFormat format, const CheckPage* page, FindingsOutput findings, bool english,
           bool warn)
      : format_(format), page_(page), findings_(findings), english_(english), warn_(warn), jsonl_(english, findings) {
    add_programs(checker_, library.programs);
    // Brief output writes no message at all; English output explains in both languages.
    checker_.set_explanations(findings == FindingsOutput::Brief ? RecordChecker::Explanations::None
                              : english                         ? RecordChecker::Explanations::KazakhAndEnglish
                                                                : RecordChecker::Explanations::Kazakh);
  }

  RecordChecker& checker() { return checker_; }

  void render(const RecordResult& r, std::string& out) {
    if (warn_) warn_unknown_attestations(r);
    if (page_) page_->append(r, out);
    else if (format_ == OutputFormat::Jsonl) jsonl_.append(r, out);
    else append_text(r, out, english_, findings_);
  }

  void check(CheckedBlock& block) override {
    const LineBlock& in = block.input;
    for (const LineBlock::Line& line : in.lines) {
      const RecordResult& r = checker_.check_padded(in.data(line), line.size, in.capacity(line));
      ++block.statuses[static_cast<size_t>(r.status)];
      render(r, block.text);
    }
  }

 private:
  // A rule of `attestations` that is no attested requirement leaves the requirement it was meant
  // for unanswered: said on stderr, one line a record (the result carries it too).
  static void warn_unknown_attestations(const RecordResult& r) {
    if (r.unknown_attestations.empty()) return;
    std::string rules;
    for (const std::string& rule : r.unknown_attestations) rules += (rules.empty() ? "\"" : ", \"") + printable(rule, 40) + "\"";
    const std::string line = fmt::format("ssd check: warning: record {}: attestations {} name no attested requirement of {}; not read\n",
                                         r.has_id ? "\"" + printable(r.id, 80) + "\"" : "(no id)", rules, printable(r.standard, 80));
    std::fputs(line.c_str(), stderr);
  }

  RecordChecker checker_;
  OutputFormat format_;
  const CheckPage* page_;
  FindingsOutput findings_;
  bool english_;
  bool warn_;
  JsonlWriter jsonl_;
};

int run_check(const CheckOptions& o) {
  const Lang lang = o.common.language();
  Library library;
  if (!load_standards(o.common, library)) return kCannotRun;
  const FindingsOutput findings = o.findings == "brief" ? FindingsOutput::Brief
                                 : o.findings == "failing" ? FindingsOutput::Failing : FindingsOutput::All;
  const bool html = o.format == "html";
  const OutputFormat format = o.format == "text" ? OutputFormat::Text : OutputFormat::Jsonl;
  const CheckPage page(lang == Lang::En);
  auto make_renderer = [&] {
    return std::make_unique<Renderer>(library, format, html ? &page : nullptr, findings, lang == Lang::En, !o.common.quiet);
  };
  const bool progress = !o.common.quiet && isatty(STDERR_FILENO);
  std::array<long, 5> counts{};
  long records = 0;
  auto counted = [&](long n) {
    if (progress && (records + n) / 100000 > records / 100000) std::fprintf(stderr, "\r%ld records…", records + n);
    records += n;
  };

  bool read_ok;
  std::string out;
  if (html) out = page.head();
  if (o.from.empty()) {
    write_out(out);  // the page's head, if any
    out.clear();
    // Results are written block by block, in input order; once a block cannot be written, checking
    // stops (the exit status and the message come from finish_output).
    const std::vector<std::string> inputs = o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
    read_ok = check_files_parallel(
        inputs, o.common.thread_count(), RecordChecker::padding(),
        [&]() -> std::unique_ptr<BlockWork> { return make_renderer(); },
        [&](CheckedBlock& block) {
          for (size_t s = 0; s < counts.size(); ++s) counts[s] += block.statuses[s];
          counted(static_cast<long>(block.input.lines.size()));
          return write_out(block.text);
        });
  } else {
    // Rows come one by one from the database, checked on this thread.
    const std::unique_ptr<Renderer> renderer = make_renderer();
    out.reserve(1 << 21);
    read_ok = check_database_rows(renderer->checker(), o.from, o.query, [&](const RecordResult& r) {
      ++counts[static_cast<size_t>(r.status)];
      renderer->render(r, out);
      counted(1);
      if (out.size() > (1 << 20)) {
        if (!write_out(out)) return false;
        out.clear();
      }
      return true;
    });
  }
  if (progress && records >= 100000) std::fprintf(stderr, "\r");
  if (html) {
    out += page.tail(counts);
  } else if (format == OutputFormat::Text) {
    out += "\n";
    for (size_t s = 0; s < counts.size(); ++s)
      if (counts[s]) out += fmt::format("{:<14} {}\n", to_string(static_cast<RecordStatus>(s)), counts[s]);
  }
  write_out(out);
  if (!read_ok) return kCannotRun;
  for (size_t s = 0; s < counts.size(); ++s) {
    const auto status = static_cast<RecordStatus>(s);
    if (status != RecordStatus::Compliant && status != RecordStatus::NotInForce && counts[s] > 0) return kFindings;
  }
  return kOk;
}

}  // namespace

Command add_check(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check case records (JSON Lines) against the standards.\n"
      "Each record names its standard (\"standard\": \"edu-org\") and the date it is judged on\n"
      "(\"as_of\"); one result line per record, in input order. Exit status: 0 all compliant or\n"
      "not in force, 1 some are not, 2 could not run.\n"
      "  ssd check cases.jsonl\n"
      "  cat cases.jsonl | ssd check --format text\n"
      "  ssd check --format html cases.jsonl > results.html\n"
      "  ssd check --from postgresql://localhost/social --query \"SELECT record FROM cases ORDER BY id\"\n"
      "  ssd check --from sqlite:cases.db --query \"SELECT record FROM cases\"");
  auto* inputs = cmd->add_option("inputs", o->inputs, "JSON Lines files; none or - reads standard input");
  add_common_options(*cmd, o->common,
                     {.standards = "folder of .ssd standards (default: $SSD_STANDARDS, the installed ones, or the source tree's)",
                      .lang = "kk, or en: diagnostics and the text and html formats in English, and an English message_en beside each message",
                      .no_cache = true,
                      .threads = true,
                      .quiet = "no progress and no warnings (unknown attestations) on standard error"});
  auto* from = cmd->add_option("--from", o->from,
                               "read records from a database: postgresql://… (a libpq URI) or sqlite:FILE");
  auto* query = cmd->add_option("--query", o->query, "with --from: SQL whose rows' first column is one record each (JSON); the rows are\n"
                               "checked on one thread");
  from->needs(query)->excludes(inputs);
  query->needs(from);
  cmd->add_option("--format", o->format,
                  "jsonl (contract §5), text (readable), or html (a printable page: each record's findings "
                  "grouped by status, with citations and the law's text)")
      ->check(CLI::IsMember({"jsonl", "text", "html"}));
  cmd->add_option("--findings", o->findings,
                  "all: every finding in full (default); brief: each finding's rule, status and severity\n"
                  "only; failing: in full, only the findings that are not pass")
      ->check(CLI::IsMember({"all", "brief", "failing"}));
  return [o] { return run_check(*o); };
}

}  // namespace ssd::cli
