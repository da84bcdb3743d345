// ssd report: many case records of one organisation, counted per standard and requirement, with
// the violations mapped to the rows of the risk criteria (docs/checklists.md).

#include "commands.h"
#include "output.h"
#include "library.h"
#include "org_report.h"
#include "parallel_records.h"
#include "record_files.h"

namespace ssd::cli {

namespace {

struct ReportOptions {
  std::vector<std::string> inputs;
  std::string standards;
  std::string format = "json";
  std::string lang = "kk";
  unsigned threads = 0;  // 0: the machine's cores
  bool no_cache = false;
};

int run_report(const ReportOptions& o) {
  const Lang lang = o.lang == "en" ? Lang::En : Lang::Kk;
  Library library;
  const CompileCache cache = o.no_cache ? CompileCache::disabled() : CompileCache::open_default();
  if (!load_library(standards_dir(o.standards), lang, library, cache)) return kCannotRun;
  ReportBuilder builder(library.programs);
  bool all_compliant = true;
  const std::vector<std::string> inputs = o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
  const unsigned threads = o.threads ? o.threads : default_threads();
  const bool read = check_case_files(library.programs, threads, inputs, [&](const RecordResult& r) {
    builder.add(r);
    all_compliant = all_compliant && (r.status == RecordStatus::Compliant || r.status == RecordStatus::NotInForce);
    return true;
  });
  if (!read) return kCannotRun;
  const OrgReport report = builder.finish();
  write_out(o.format == "html" ? report_html(report) : report_json(report));
  return all_compliant ? kOk : kFindings;
}

}  // namespace

Command add_report(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Check many case records of an organisation and count, per standard and requirement, the\n"
      "findings by status and the share of compliant records (pass / (pass + fail)); map the\n"
      "violations to the rows of the risk criteria (and so to severities) where a checklist row\n"
      "or the requirement itself links them. Exit status as for check: 0, 1, or 2.\n"
      "  ssd report cases.jsonl\n"
      "  ssd report --format html cases.jsonl > report.html");
  cmd->add_option("inputs", o->inputs, "JSON Lines files; none or - reads standard input");
  cmd->add_option("--standards", o->standards, "folder of .ssd standards");
  cmd->add_option("--format", o->format, "json or html")->check(CLI::IsMember({"json", "html"}));
  cmd->add_option("--lang", o->lang, "language of diagnostics: kk or en")->check(CLI::IsMember({"kk", "en"}));
  cmd->add_option("-j,--threads", o->threads, "check on N threads (default: the machine's cores)")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_flag("--no-cache", o->no_cache, "compile the standards even when a compiled copy is cached");
  return [o] { return run_report(*o); };
}

}  // namespace ssd::cli
