// ssd import: an official text (as the seeds: extracted from PDF) becomes a skeleton .ssd to
// encode, every provision quoted and marked not yet encoded (import_skeleton.h).
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>

#include "commands.h"
#include "import_skeleton.h"
#include "output.h"
#include "record_files.h"

namespace ssd::cli {

namespace {

struct ImportOptions {
  std::string input, output, id = "draft";
};

int run_import(const ImportOptions& o) {
  if (!std::regex_match(o.id, std::regex(R"([a-z0-9]+(-[a-z0-9]+)*)"))) {
    std::cerr << "ssd: --id takes an instrument id of Latin letters and digits joined by '-', e.g. edu-org\n";
    return kCannotRun;
  }
  std::string text;
  if (!read_text_file(o.input, text)) return kCannotRun;
  const std::string skeleton = import_skeleton(text, std::filesystem::path(o.input).filename().string(), o.id);
  if (o.output.empty()) return write_out(skeleton) ? kOk : kCannotRun;
  std::ofstream out(o.output, std::ios::binary);
  if (!(out << skeleton) || !out.flush()) {
    std::cerr << "ssd: cannot write " << o.output << ": " << std::strerror(errno) << "\n";
    return kCannotRun;
  }
  return kOk;
}

}  // namespace

Command add_import(CLI::App& app) {
  auto o = std::make_shared<ImportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Starts a .ssd file from an official text (plain text extracted from the PDF): the act's title\n"
      "and requisites, its numbered paragraphs (1.), sub-paragraphs (1)), chapter headings and\n"
      "appendices with their numbered table rows become blocks, each quoting its text and marked\n"
      "әлі_кодталмаған. The skeleton compiles as it is; `ssd coverage FILE.ssd` lists the work to do.\n"
      "Letters the PDF spaced out (б о й ы н ш а) are joined; the rest is left as extracted.\n"
      "  ssd import order.txt -o standards/new-standard.ssd --id new-standard");
  cmd->add_option("file", o->input, "the official text (UTF-8)")->required()->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", o->output, "the .ssd file to write (default: standard output)");
  cmd->add_option("--id", o->id, "the instrument id of the act's body; its appendices get ID-1, ID-2, … (default draft)");
  return [o] { return run_import(*o); };
}

}  // namespace ssd::cli
