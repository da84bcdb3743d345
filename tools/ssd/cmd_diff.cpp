// ssd diff OLD NEW: what changed in meaning between two versions of an instrument (contract §6).
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "diff_report.h"
#include "library.h"
#include "semantic_diff.h"
#include "ssd/artifact.h"

namespace ssd::cli {

namespace {

struct DiffOptions {
  std::string older, newer;
  std::string format = "text";
  std::string lang = "kk";
};

// A version: a .ssdc artifact, or a .ssd source compiled now; its one instrument.
std::optional<Program> version(const std::string& path, Lang lang) {
  if (std::filesystem::path(path).extension() == ".ssdc") {
    std::string error;
    std::optional<Program> p = load_artifact(path, &error);
    if (!p) std::cerr << "ssd: " << path << ": " << error << "\n";
    return p;
  }
  CompileResult result;
  if (!compile_one(path, lang, result)) return std::nullopt;
  if (result.instruments.size() != 1) {
    std::cerr << "ssd: " << path << ": one instrument expected, found " << result.instruments.size() << "\n";
    return std::nullopt;
  }
  return result.instruments[0].program;
}

int run_diff(const DiffOptions& o) {
  const Lang lang = o.lang == "en" ? Lang::En : Lang::Kk;
  const std::optional<Program> a = version(o.older, lang), b = version(o.newer, lang);
  if (!a || !b) return kCannotRun;
  InstrumentDiff d = diff_programs(*a, *b);
  d.old_label = o.older;
  d.new_label = o.newer;
  std::cout << (o.format == "json" ? diff_json(d) : o.format == "html" ? diff_html(d) : diff_text(d));
  return d.meaning_changed() ? kFindings : kOk;
}

}  // namespace

Command add_diff(CLI::App& app) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand(
      "diff",
      "Compare two versions of an instrument (.ssd sources or .ssdc artifacts) provision by\n"
      "provision: requirements added, removed, re-worded with the same meaning, or changed in\n"
      "meaning, naming what changed (a term, a list's members, a severity, ...). A change of\n"
      "white space, comments or the order of declarations is no change in meaning.\n"
      "Exit status: 0 no change in meaning, 1 changed, 2 could not compare.\n"
      "  ssd diff old/edu-org.ssd standards/edu-org.ssd\n"
      "  ssd diff --format html old.ssdc new.ssdc > changes.html");
  cmd->add_option("old", o->older, "the older version")->required()->check(CLI::ExistingFile);
  cmd->add_option("new", o->newer, "the newer version")->required()->check(CLI::ExistingFile);
  cmd->add_option("--format", o->format, "text, json or html")->check(CLI::IsMember({"text", "json", "html"}));
  cmd->add_option("--lang", o->lang, "language of diagnostics: kk or en")->check(CLI::IsMember({"kk", "en"}));
  return [o] { return run_diff(*o); };
}

}  // namespace ssd::cli
