// ssd compile: check a .ssd file and write its compiled artifact (.ssdc), or print it.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "output.h"
#include "library.h"
#include "ssd/artifact.h"

namespace ssd::cli {

namespace {

struct CompileOptions {
  std::string input;
  std::string standards;
  std::string output;
  std::string lang = "kk";
  bool dump = false;
  bool check_only = false;
};

// The instruments the compiled file itself declares (not those of the files it went with).
bool declared_in(const Program& p, const std::string& file) {
  std::error_code ec;
  return std::filesystem::weakly_canonical(p.source_name, ec) == std::filesystem::weakly_canonical(file, ec);
}

int run_compile(const CompileOptions& o) {
  const Lang lang = o.lang == "en" ? Lang::En : Lang::Kk;
  // A file of the standards folder is compiled with the folder, so that its amending orders apply.
  CompileResult result;
  const std::optional<std::vector<std::string>> files = companions(o.input, o.standards, false);
  if (!files || !compile_together(*files, lang, result)) return kCannotRun;
  const auto own = std::count_if(result.instruments.begin(), result.instruments.end(),
                                 [&](const CompiledInstrument& in) { return declared_in(in.program, o.input); });
  for (const CompiledInstrument& in : result.instruments) {
    const Program& p = in.program;
    if (!declared_in(p, o.input)) continue;
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
  cmd->add_option("--standards", o->standards, "the standards folder: a file in it is compiled with all of it");
  cmd->add_flag("--dump", o->dump, "print the compiled program, node by node, with source lines");
  cmd->add_flag("--check", o->check_only, "check only, write nothing");
  cmd->add_option("--lang", o->lang, "language of diagnostics: kk or en")->check(CLI::IsMember({"kk", "en"}));
  return [o] { return run_compile(*o); };
}

}  // namespace ssd::cli
