// ssd report: many case records, grouped by organisation and month: organisations ranked,
// requirements that fail most, trends, as JSON, a self-contained HTML page, or a PDF of the page
// (docs/checklists.md).
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "commands.h"
#include "common_options.h"
#include "headless_print.h"
#include "library.h"
#include "org_figures.h"
#include "output.h"
#include "parallel_records.h"
#include "record_files.h"
#include "report_output.h"

namespace ssd::cli {

namespace {

// Past this many organisations, a page with a section for each is long to print: say so.
constexpr size_t kManySections = 50;

struct ReportOptions {
  std::vector<std::string> inputs;
  CommonOptions common;
  std::string format = "json";
  bool format_given = false;
  std::string pdf;
  size_t sections = SIZE_MAX;
};

int run_report(const ReportOptions& o) {
  Library library;
  if (!load_standards(o.common, library)) return kCannotRun;
  ReportBuilder overall(library.programs);
  OrganizationTally tally(library.programs);
  bool all_compliant = true;
  const bool progress = !o.common.quiet && isatty(STDERR_FILENO);
  long records = 0;
  const std::vector<std::string> inputs = o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
  const bool read = check_case_files(library.programs, o.common.thread_count(), inputs, [&](const RecordResult& r) {
    overall.add(r);
    tally.add(r);
    all_compliant = all_compliant && (r.status == RecordStatus::Compliant || r.status == RecordStatus::NotInForce);
    if (progress && ++records % 100000 == 0) std::fprintf(stderr, "\r%ld records…", records);
    return true;
  });
  if (progress && records >= 100000) std::fprintf(stderr, "\r");
  if (!read) return kCannotRun;
  const OrganizationsReport report = make_figures(overall.finish(), tally);
  const bool page = o.format == "html" || !o.pdf.empty();
  if (page && !o.common.quiet && o.sections == SIZE_MAX && report.organizations.size() > kManySections)
    std::cerr << "ssd: the page has a section for each of " << report.organizations.size()
              << " organisations; --sections N keeps those of the N first in the ranking\n";
  if (!o.pdf.empty()) {
    if (progress) std::cerr << "ssd: printing " << o.pdf << " with Chromium…\n";
    std::string error;
    if (!print_pdf(report_html(report, o.common.language(), o.sections), o.pdf, error)) {
      std::cerr << "ssd: " << o.pdf << ": " << error << "\n";
      return kCannotRun;
    }
  }
  if (o.pdf.empty() || o.format_given)
    write_out(o.format == "html" ? report_html(report, o.common.language(), o.sections) : report_json(report));
  return all_compliant ? kOk : kFindings;
}

}  // namespace

Command add_report(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Check many case records and report them by organisation (the record's organization.id;\n"
      "records without one form one group) and by month of as_of: organisations ranked by the\n"
      "share of non-compliant records and by violations weighted by severity; per organisation\n"
      "the requirements that fail most, the share of compliant records per standard and the\n"
      "trends by month; over all records the counts per standard and requirement and the risk\n"
      "rows the violations map to. Exit status as for check: 0, 1, or 2.\n"
      "  ssd report cases.jsonl > report.json\n"
      "  ssd report --format html cases.jsonl > report.html   (charts and tables; prints on A4)\n"
      "  ssd report --pdf report.pdf cases.jsonl              (the page, printed by Chromium)");
  cmd->add_option("inputs", o->inputs, "JSON Lines files; none or - reads standard input");
  cmd->add_option("--format", o->format, "json (default) or html, written to standard output")
      ->check(CLI::IsMember({"json", "html"}))
      ->each([o](const std::string&) { o->format_given = true; });
  cmd->add_option("--pdf", o->pdf,
                  "also print the page to this PDF file with headless Chromium ($SSD_CHROMIUM, else chromium on "
                  "PATH); standard output then stays empty unless --format is given");
  cmd->add_option("--sections", o->sections,
                  "on the page, sections only for the N organisations ranked first by share (all are in the "
                  "rankings; the JSON has all)")
      ->check(CLI::PositiveNumber);
  add_common_options(*cmd, o->common,
                     {.standards = kStandardsFolderHelp,
                      .lang = "language of the page (html) and of diagnostics: kk or en; JSON is the same in both",
                      .no_cache = true,
                      .threads = true,
                      .quiet = kQuietHelp});
  return [o] { return run_report(*o); };
}

}  // namespace ssd::cli
