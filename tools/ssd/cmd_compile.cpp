// ssd compile: check a .ssd file and write its compiled artifact (.ssdc), or print it.
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "library.h"
#include "ssd/artifact.h"

namespace ssd::cli {

namespace {

struct CompileOptions {
  std::string input;
  std::string output;
  std::string lang = "kk";
  bool dump = false;
  bool check_only = false;
};

int run_compile(const CompileOptions& o) {
  const Lang lang = o.lang == "en" ? Lang::En : Lang::Kk;
  CompileResult result;
  if (!compile_one(o.input, lang, result)) return kCannotRun;
  for (const CompiledInstrument& in : result.instruments) {
    const Program& p = in.program;
    if (o.dump) std::cout << dump(p);
    if (o.check_only || o.dump) continue;
    std::string path = o.output;
    if (path.empty() || result.instruments.size() > 1)
      path = (std::filesystem::path(o.input).parent_path() / (p.instrument.id + ".ssdc")).string();
    std::string error;
    if (!save_artifact(p, path, &error)) {
      std::cerr << "ssd: " << error << "\n";
      return kCannotRun;
    }
    std::cerr << p.instrument.id << " → " << path << " (" << p.requirements.size() << " requirements)\n";
  }
  return kOk;
}

}  // namespace

Command add_compile(CLI::App& app) {
  auto o = std::make_shared<CompileOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compile",
      "Check a standard (.ssd) and write its compiled artifact (.ssdc).\n"
      "Errors are reported with file:line:col, the line and a caret; all of them in one run.\n"
      "  ssd compile standards/edu-org.ssd            writes standards/edu-org.ssdc\n"
      "  ssd compile --dump standards/edu-org.ssd     prints the compiled program instead\n"
      "  ssd compile --check standards/edu-org.ssd    only checks");
  cmd->add_option("input", o->input, ".ssd file")->required()->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", o->output, "artifact path (default: <id>.ssdc beside the source)");
  cmd->add_flag("--dump", o->dump, "print the compiled program, node by node, with source lines");
  cmd->add_flag("--check", o->check_only, "check only, write nothing");
  cmd->add_option("--lang", o->lang, "language of diagnostics: kk or en")->check(CLI::IsMember({"kk", "en"}));
  return [o] { return run_compile(*o); };
}

}  // namespace ssd::cli
