// ssd coverage: what an instrument's file encodes, provision by provision — a computed
// requirement, an attested one, or a provision not encoded and why — and the paragraphs the file
// does not mention at all.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "common_options.h"
#include "coverage.h"
#include "output.h"

namespace ssd::cli {

namespace {

struct CoverageOptions {
  std::vector<std::string> targets;  // instrument ids or .ssd files
  CommonOptions common;
  bool all = false;
  bool markdown = false;
  bool strict = false;
};

int run_coverage(const CoverageOptions& o) {
  Library library;
  std::vector<std::shared_ptr<const Program>> programs;
  std::vector<std::string> ids;
  for (const std::string& target : o.targets) {
    if (std::filesystem::path(target).extension() == ".ssd") {
      CompileResult result;
      if (!compile_with_folder(target, o.common, result)) return kCannotRun;
      std::error_code ec;
      for (auto& in : result.instruments)
        if (std::filesystem::weakly_canonical(in.program.source_name, ec) == std::filesystem::weakly_canonical(target, ec))
          programs.push_back(std::make_shared<const Program>(in.program));
    } else {
      ids.push_back(target);
    }
  }
  if (!ids.empty() || o.all) {
    if (!load_standards(o.common, library)) return kCannotRun;
    for (const std::string& id : ids) {
      auto it = std::find_if(library.programs.begin(), library.programs.end(),
                             [&](const auto& p) { return p->instrument.id == id; });
      if (it == library.programs.end()) {
        std::cerr << "ssd: no instrument " << id << " in " << o.common.standards_folder() << "\n";
        return kCannotRun;
      }
      programs.push_back(*it);
    }
    if (o.all) programs.insert(programs.end(), library.programs.begin(), library.programs.end());
  }
  if (o.markdown) {
    write_out(coverage_markdown(programs));
    return kOk;
  }
  for (const auto& p : programs) write_out(coverage_text(*p));
  if (!o.strict) return kOk;
  // Strict: a paragraph of a complete instrument that the file does not mention is a gap.
  int gaps = 0;
  for (const auto& p : programs) {
    const CoverageTotals t = coverage(*p);
    if (t.gaps.empty() || !p->instrument.partial.empty()) continue;
    ++gaps;
    std::cerr << "ssd: " << p->instrument.id << ": paragraphs neither encoded nor explained: " << gaps_text(t.gaps) << "\n";
  }
  return gaps ? kFindings : kOk;
}

}  // namespace

Command add_coverage(CLI::App& app) {
  auto o = std::make_shared<CoverageOptions>();
  CLI::App* cmd = app.add_subcommand(
      "coverage",
      "What an instrument encodes, provision by provision: computed requirements (checked from\n"
      "case records), attested ones (an inspector's answer), provisions not encoded and why,\n"
      "provisions still to encode (әлі_кодталмаған, as ssd import leaves them), and paragraph\n"
      "numbers the file does not mention at all.\n"
      "  ssd coverage edu-org\n"
      "  ssd coverage standards/edu-org.ssd\n"
      "  ssd coverage --all --markdown        the summary table of standards/README.md");
  cmd->add_option("targets", o->targets, "instrument ids (from the standards folder) or .ssd files");
  add_common_options(*cmd, o->common, {.standards = kStandardsFolderHelp});
  cmd->add_flag("--all", o->all, "every instrument of the standards folder");
  cmd->add_flag("--markdown", o->markdown, "totals only, as a Markdown table");
  cmd->add_flag("--strict", o->strict,
                "exit 1 when an instrument not marked ішінара leaves a paragraph neither encoded nor explained");
  return [o] { return run_coverage(*o); };
}

}  // namespace ssd::cli
