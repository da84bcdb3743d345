// ssd list: the instruments of a standards folder, one a line: id, period of force, title; under
// an instrument, each period in which the wording in force depends on an unknown publication; then
// the amending orders: id, the day they apply from, name, the instruments they touch.

#include <fmt/format.h>

#include "commands.h"
#include "output.h"
#include "library.h"

namespace ssd::cli {

Command add_list(CLI::App& app) {
  auto standards = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("list", "List the instruments of the standards folder: id, period of force, title;\n"
                                             "under each, marked '?', the days on which the wording in force depends on a\n"
                                             "publication date the corpus does not give (docs/time.md).\n"
                                             "then the amending orders: id, the day they apply from, name, and the\n"
                                             "instruments they touch (ssd diff --order ID shows what they change).\n"
                                             "  ssd list");
  cmd->add_option("--standards", *standards, "folder of .ssd standards");
  return [standards] {
    Library library;
    if (!load_library(standards_dir(*standards), Lang::Kk, library)) return kCannotRun;
    for (const auto& p : library.programs) {
      const Instrument& in = p->instrument;
      write_out(fmt::format("{:<22} {}{} – {}  {}\n", in.id, in.in_force_estimated ? "≥" : "",
                            in.in_force_from ? format_date(*in.in_force_from) : "…",
                            in.repealed_from ? format_date(*in.repealed_from) : "…", in.title));
      for (const UncertainPeriod& u : in.uncertain)
        write_out(fmt::format("{:<22} ? {} – {}  {}\n", "", format_date(u.from), format_date(u.to - 1), u.why_kk));
    }
    const std::optional<std::vector<std::string>> files = folder_files(standards_dir(*standards));
    std::vector<std::shared_ptr<const SourceFile>> sources;
    if (!files || !read_sources(*files, sources)) return kCannotRun;
    for (const AmendingOrder& order : declarations(sources).orders) {
      std::string touched;
      for (const std::string& id : order.instruments) touched += (touched.empty() ? "" : ", ") + id;
      write_out(fmt::format("{:<22} {}{}  {}: {}\n", order.id, order.applies_from_earliest ? "≥" : "",
                            order.applies_from ? format_date(*order.applies_from) : "…", order.name, touched));
      if (order.title != order.name) write_out(fmt::format("{:<22} «{}»\n", "", order.title));
    }
    return kOk;
  };
}

}  // namespace ssd::cli
