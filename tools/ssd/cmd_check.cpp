// ssd check: case records in, one result per record out, in input order (contract §5, §6).
#include <unistd.h>

#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "check_page.h"
#include "commands.h"
#include "database_records.h"
#include "library.h"
#include "output.h"
#include "record_files.h"
#include "ssd/runtime.h"
#include "ssd/report.h"

namespace ssd::cli {

namespace {

struct CheckOptions {
  std::string standards;
  std::string format = "jsonl";
  std::string lang = "kk";
  std::vector<std::string> inputs;
  std::string from, query;  // records from a database
  bool quiet = false;
  bool no_cache = false;
};

int run_check(const CheckOptions& o) {
  const Lang lang = o.lang == "en" ? Lang::En : Lang::Kk;
  Library library;
  const CompileCache cache = o.no_cache ? CompileCache::disabled() : CompileCache::open_default();
  if (!load_library(standards_dir(o.standards), lang, library, cache)) return kCannotRun;
  RecordChecker checker;
  for (auto& p : library.programs) checker.add(p);

  const bool html = o.format == "html";
  const OutputFormat format = o.format == "text" ? OutputFormat::Text : OutputFormat::Jsonl;
  const CheckPage page(lang == Lang::En);
  const bool progress = !o.quiet && isatty(STDERR_FILENO);
  std::string out;
  out.reserve(1 << 21);
  if (html) out = page.head();
  long records = 0;
  std::map<RecordStatus, long> counts;
  JsonlWriter jsonl(lang == Lang::En);
  // Results are written in blocks; once a block cannot be written, checking stops (the exit
  // status and the message come from finish_output).
  auto handle = [&](const RecordResult& r) {
    ++counts[r.status];
    if (html) page.append(r, out);
    else if (format == OutputFormat::Jsonl) jsonl.append(r, out);
    else append_text(r, out, lang == Lang::En);
    if (out.size() > (1 << 20)) {
      if (!write_out(out)) return false;
      out.clear();
    }
    if (progress && ++records % 100000 == 0) std::fprintf(stderr, "\r%ld records…", records);
    return true;
  };

  const std::vector<std::string> inputs = o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
  const bool read_ok = o.from.empty() ? check_case_files(checker, inputs, handle)  // says what it could not read
                                      : check_database_rows(checker, o.from, o.query, handle);
  if (progress && records >= 100000) std::fprintf(stderr, "\r");
  if (html) {
    out += page.tail(counts);
  } else if (format == OutputFormat::Text) {
    out += "\n";
    for (const auto& [status, n] : counts) out += fmt::format("{:<14} {}\n", to_string(status), n);
  }
  write_out(out);
  if (!read_ok) return kCannotRun;
  for (const auto& [status, n] : counts)
    if (status != RecordStatus::Compliant && status != RecordStatus::NotInForce && n > 0) return kFindings;
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
  cmd->add_option("--standards", o->standards,
                  "folder of .ssd standards (default: $SSD_STANDARDS, the installed ones, or the source tree's)");
  auto* from = cmd->add_option("--from", o->from,
                               "read records from a database: postgresql://… (a libpq URI) or sqlite:FILE");
  auto* query = cmd->add_option("--query", o->query, "with --from: SQL whose rows' first column is one record each (JSON)");
  from->needs(query)->excludes(inputs);
  query->needs(from);
  cmd->add_option("--format", o->format,
                  "jsonl (contract §5), text (readable), or html (a printable page: each record's findings "
                  "grouped by status, with citations and the law's text)")
      ->check(CLI::IsMember({"jsonl", "text", "html"}));
  cmd->add_option("--lang", o->lang, "kk, or en: diagnostics and --format text in English, and an English message_en beside each message")
      ->check(CLI::IsMember({"kk", "en"}));
  cmd->add_flag("-q,--quiet", o->quiet, "no progress on standard error");
  cmd->add_flag("--no-cache", o->no_cache,
                "compile the standards even when a compiled copy is cached ($SSD_CACHE_DIR, ~/.cache/ssd)");
  return [o] { return run_check(*o); };
}

}  // namespace ssd::cli
