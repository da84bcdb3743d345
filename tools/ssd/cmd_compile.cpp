// ssd compile: check a .ssd file and write its compiled artifact (.ssdc), or print it.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "common_options.h"
#include "labels.h"
#include "output.h"
#include "library.h"
#include "ssd/calendar.h"
#include "ssd/internal/artifact.h"
#include "ssd/internal/bundle.h"

namespace ssd::cli {

namespace {

struct CompileOptions {
  std::string input;
  std::string output;
  CommonOptions common;
  bool alone = false;
  bool dump = false;
  bool check_only = false;
  bool fix = false;
};

// The instruments the compiled file itself declares (not those of the files it went with).
bool declared_in(const Program& p, const std::string& file) {
  std::error_code ec;
  return std::filesystem::weakly_canonical(p.source_name, ec) == std::filesystem::weakly_canonical(file, ec);
}

// The amending orders of `folder` that amend an instrument of `file`, as "name (file)". Said on
// stderr before the file is compiled alone: what the artifact lacks.
std::vector<std::string> orders_left_out(const std::string& file, const std::string& folder, Lang lang) {
  std::vector<std::shared_ptr<const SourceFile>> own, others;
  const std::optional<std::vector<std::string>> files = companions(file, folder);
  if (!files || !read_sources({file}, own) || !read_sources(*files, others)) return {};
  others.erase(others.begin());  // the file itself
  const std::vector<std::string> ids = declarations(own).instruments;
  std::vector<std::string> out;
  for (const AmendingOrder& order : declarations(others).orders) {
    const bool amends = std::any_of(order.instruments.begin(), order.instruments.end(), [&](const std::string& id) {
      return std::find(ids.begin(), ids.end(), id) != ids.end();
    });
    if (!amends) continue;
    out.push_back(order.name);
    std::cerr << "ssd: " << label(Label::order_not_applied, lang, order.name, order.file) << "\n";
  }
  return out;
}

// Writes the fix-its of the warnings (the old spellings' new forms) into the files, round by round
// until none is left: a fix-it that overlaps another waits for the next round.
bool write_fixits(const std::vector<std::string>& paths, Lang lang) {
  for (int round = 0; round < 20; ++round) {
    std::vector<std::shared_ptr<const SourceFile>> sources;
    if (!read_sources(paths, sources)) return false;
    const CompileResult result = compile_sources(sources);
    int applied = 0;
    const auto fixed = apply_fixits(result.diagnostics, &applied);
    if (applied == 0) return true;
    for (const auto& [file, text] : fixed) {
      std::ofstream out(file->name(), std::ios::binary | std::ios::trunc);
      out << text;
      out.close();
      if (!out) {
        std::cerr << "ssd: cannot write " << file->name() << ": " << std::strerror(errno) << "\n";
        return false;
      }
    }
    std::cerr << label(Label::fixits_written, lang, applied) << "\n";
  }
  return true;
}

// `ssd compile --standards DIR -o FILE`: every instrument of the folder and the calendar, one file.
int run_bundle(const CompileOptions& o) {
  if (o.output.empty() && !o.check_only && !o.dump) {
    std::cerr << "ssd: compile: give a .ssd file, or -o FILE.ssdb for a bundle of the standards folder\n";
    return kCannotRun;
  }
  Library library;
  if (!load_standards(o.common, library)) return kCannotRun;
  std::vector<const Program*> programs;
  for (const auto& p : library.programs) {
    programs.push_back(p.get());
    if (o.dump) write_out(dump(*p));
  }
  if (o.check_only || o.dump) return kOk;
  const std::string bytes = serialize_bundle(programs, WorkCalendar::kazakhstan_tsv());
  std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::cerr << "ssd: cannot write " << o.output << ": " << std::strerror(errno) << "\n";
    return kCannotRun;
  }
  std::cerr << o.common.standards_folder() << " → " << o.output << " (" << programs.size() << " instruments, " << bytes.size() << " bytes)\n";
  return kOk;
}

int run_compile(const CompileOptions& o) {
  const Lang lang = o.common.language();
  if (o.input.empty()) return run_bundle(o);
  const std::string folder = folder_of(o.input, o.common.standards);
  std::vector<std::string> left_out;
  if (o.alone) left_out = orders_left_out(o.input, folder, lang);
  // An instrument goes with the amending orders of its folder, unless --alone asks otherwise.
  CompileResult result;
  std::optional<std::vector<std::string>> files = std::vector<std::string>{o.input};
  if (!o.alone) files = companions(o.input, folder);
  if (files && o.fix && !write_fixits(*files, lang)) return kCannotRun;
  if (!files || !compile_together(*files, lang, result)) return kCannotRun;
  const auto own = std::count_if(result.instruments.begin(), result.instruments.end(),
                                 [&](const CompiledInstrument& in) { return declared_in(in.program, o.input); });
  for (CompiledInstrument& in : result.instruments) {
    Program& p = in.program;
    if (!declared_in(p, o.input)) continue;
    p.instrument.orders_left_out = left_out;
    if (o.dump) write_out(dump(p));
    if (o.check_only || o.dump) continue;
    std::string path = o.output;
    if (path.empty() || own > 1)
      path = (std::filesystem::path(o.input).parent_path() / (p.instrument.id + ".ssdc")).string();
    std::string error;
    if (!save_artifact(p, path, &error)) {
      std::cerr << "ssd: " << error << "\n";
      return kCannotRun;
    }
    std::cerr << p.instrument.id << " → " << path << " (" << p.requirements.size() << " requirements"
              << (left_out.empty() ? "" : ", compiled alone: not for checking") << ")\n";
  }
  return kOk;
}

}  // namespace

Command add_compile(CLI::App& app) {
  auto o = std::make_shared<CompileOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compile",
      "Check a standard (.ssd) and write its compiled artifact (.ssdc).\n"
      "The file is compiled with every .ssd file of its folder — the --standards folder, else its\n"
      "own — so that the amending orders there apply. Errors are reported with file:line:col, the\n"
      "line and a caret; all of them in one run.\n"
      "  ssd compile --standards standards standards/edu-org.ssd   writes standards/edu-org.ssdc\n"
      "  ssd compile --dump standards/edu-org.ssd     prints the compiled program instead\n"
      "  ssd compile --check standards/edu-org.ssd    only checks\n"
      "  ssd compile --check --fix old.ssd            first writes the new spelling of old keywords\n"
      "                                               and forms into the files\n"
      "  ssd compile --alone draft.ssd                without the orders of its folder (listed on\n"
      "                                               stderr); the runtime refuses such an artifact\n"
      "  ssd compile --standards standards -o standards.ssdb\n"
      "                                               a bundle: every instrument of the folder, with\n"
      "                                               its calendar, for the runtime (C, C++, Python)");
  cmd->add_option("input", o->input, ".ssd file; none: a bundle of the whole standards folder (-o)")
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", o->output, "artifact path (default: <id>.ssdc beside the source); the bundle's path");
  add_common_options(*cmd, o->common,
                     {.standards = "the folder the file is compiled with (default: the file's own folder); of a bundle, "
                                   "the standards folder (default: as for ssd check)",
                      .lang = kLangHelp});
  cmd->add_flag("--alone", o->alone, "compile the file by itself; the orders of its folder that amend it are listed as not applied");
  cmd->add_flag("--dump", o->dump, "print the compiled program, node by node, with source lines");
  cmd->add_flag("--check", o->check_only, "check only, write no artifact");
  cmd->add_flag("--fix", o->fix,
                "first write into the files the fix-its of the warnings: the new spelling of each old one\n"
                "(a keyword renamed, x ішінде S as S тізімінде x, ...); then compile as asked");
  return [o] { return run_compile(*o); };
}

}  // namespace ssd::cli
