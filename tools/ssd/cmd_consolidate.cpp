// ssd consolidate ID --as-of DATE: the instrument in force on a date, amending orders applied.
#include <iostream>

#include "commands.h"
#include "common_options.h"
#include "output.h"
#include "consolidate.h"
#include "library.h"

namespace ssd::cli {

namespace {

struct ConsolidateOptions {
  std::string id;
  std::string as_of;
  std::string format = "ssd";
  CommonOptions common;
};

int run_consolidate(const ConsolidateOptions& o) {
  const std::optional<Day> day = parse_date(o.as_of);
  if (!day) {
    std::cerr << "ssd: --as-of: not a date YYYY-MM-DD: " << o.as_of << "\n";
    return kCannotRun;
  }
  Library library;
  if (!load_standards(o.common, library)) return kCannotRun;
  for (const auto& p : library.programs) {
    if (p->instrument.id != o.id) continue;
    write_out(o.format == "text"   ? consolidated_text(*p, *day)
              : o.format == "json" ? consolidated_json(*p, *day)
                                   : consolidated_source(*p, *day));
    return kOk;
  }
  std::cerr << "ssd: no instrument " << o.id << "\n";
  return kCannotRun;
}

}  // namespace

Command add_consolidate(CLI::App& app) {
  auto o = std::make_shared<ConsolidateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "consolidate",
      "Print an instrument as in force on a date, with every amending order of the standards\n"
      "folder applied: as .ssd source (which compiles on its own), as readable text, or as JSON\n"
      "(the provisions in law order, each with its official text).\n"
      "  ssd consolidate domestic-violence --as-of 2025-01-01\n"
      "  ssd consolidate edu-org --as-of 2021-03-15 --format text\n"
      "  ssd consolidate edu-org --as-of 2021-03-15 --format json");
  cmd->add_option("id", o->id, "instrument id")->required();
  cmd->add_option("--as-of", o->as_of, "the date, YYYY-MM-DD")->required();
  cmd->add_option("--format", o->format, "ssd, text or json")->check(CLI::IsMember({"ssd", "text", "json"}));
  add_common_options(*cmd, o->common, {.standards = kStandardsFolderHelp});
  return [o] { return run_consolidate(*o); };
}

}  // namespace ssd::cli
