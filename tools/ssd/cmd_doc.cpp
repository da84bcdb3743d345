// ssd doc: an instrument as in force on a day, for a lawyer to review — each provision's official
// text and, under it, what is checked, in plain Kazakh (instrument_doc.h). HTML, or PDF printed by
// headless Chromium.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "common_options.h"
#include "headless_print.h"
#include "instrument_doc.h"
#include "library.h"
#include "output.h"

namespace ssd::cli {

namespace {

struct DocOptions {
  std::string id, as_of, output;
  std::string format = "html";
  CommonOptions common;
};

int run_doc(const DocOptions& o) {
  Day as_of = today();
  if (!o.as_of.empty()) {
    const std::optional<Day> day = parse_date(o.as_of);
    if (!day) {
      std::cerr << "ssd: --as-of takes a date YYYY-MM-DD\n";
      return kCannotRun;
    }
    as_of = *day;
  }
  // The examples are not stored in compiled programs: the folder is compiled, never cached.
  const std::string dir = o.common.standards_folder();
  const std::optional<std::vector<std::string>> files = folder_files(dir);
  CompileResult result;
  if (!files || !compile_together(*files, Lang::Kk, result)) return kCannotRun;
  const auto it = std::find_if(result.instruments.begin(), result.instruments.end(),
                               [&](const CompiledInstrument& in) { return in.program.instrument.id == o.id; });
  if (it == result.instruments.end()) {
    std::cerr << "ssd: no instrument " << o.id << " in " << dir << "\n";
    return kCannotRun;
  }
  const std::string html = instrument_doc_html(*it, as_of);
  if (o.format == "pdf") {
    const std::string path = o.output.empty() ? o.id + ".pdf" : o.output;
    std::string error;
    if (!print_pdf(html, path, error)) {
      std::cerr << "ssd: " << path << ": " << error << "\n";
      return kCannotRun;
    }
    return kOk;
  }
  if (o.output.empty()) return write_out(html) ? kOk : kCannotRun;
  std::ofstream out(o.output, std::ios::binary);
  if (!(out << html) || !out.flush()) {
    std::cerr << "ssd: cannot write " << o.output << ": " << std::strerror(errno) << "\n";
    return kCannotRun;
  }
  return kOk;
}

}  // namespace

Command add_doc(CLI::App& app) {
  auto o = std::make_shared<DocOptions>();
  CLI::App* cmd = app.add_subcommand(
      "doc",
      "An instrument as in force on a day, for a lawyer's review: each paragraph's official text,\n"
      "then what is checked in plain Kazakh (the requirement's description and its terms in words),\n"
      "whether computed from case records or attested by an inspector, its examples as small\n"
      "tables, whether it is encoded, and which order worded it from when. Printable A4 HTML with a\n"
      "table of contents, or PDF (printed by headless Chromium).\n"
      "  ssd doc edu-org > edu-org.html\n"
      "  ssd doc domestic-violence --as-of 2025-01-01 --format pdf -o dv.pdf");
  cmd->add_option("id", o->id, "the instrument's id, e.g. edu-org")->required();
  cmd->add_option("--as-of", o->as_of, "the day whose wording is shown (default today)");
  cmd->add_option("--format", o->format, "html (default) or pdf")->check(CLI::IsMember({"html", "pdf"}));
  cmd->add_option("-o,--output", o->output, "the file to write (html: default standard output; pdf: default ID.pdf)");
  add_common_options(*cmd, o->common, {.standards = kStandardsFolderHelp});
  return [o] { return run_doc(*o); };
}

}  // namespace ssd::cli
