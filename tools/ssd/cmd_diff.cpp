// ssd diff OLD NEW: what changed in meaning between two versions of an instrument (contract §6).
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "output.h"
#include "diff_report.h"
#include "library.h"
#include "consolidate.h"
#include "semantic_diff.h"
#include "ssd/internal/artifact.h"

namespace ssd::cli {

namespace {

struct DiffOptions {
  std::string older, newer;
  std::string from, to;
  std::string standards;
  std::string format = "text";
  std::string lang = "kk";
};

// A version: a .ssdc artifact, or a .ssd source compiled now; its one instrument.
// A source is compiled alone (two versions of one instrument may share a folder), or with the
// standards folder when --standards is given.
std::optional<Program> version(const std::string& path, const std::string& standards, Lang lang) {
  if (std::filesystem::path(path).extension() == ".ssdc") {
    std::string error;
    std::optional<Program> p = load_artifact(path, &error);
    if (!p) std::cerr << "ssd: " << path << ": " << error << "\n";
    return p;
  }
  CompileResult result;
  const std::optional<std::vector<std::string>> files =
      standards.empty() ? std::vector<std::string>{path} : companions(path, standards);
  if (!files || !compile_together(*files, lang, result)) return std::nullopt;
  std::vector<const Program*> own;
  std::error_code ec;
  for (const CompiledInstrument& in : result.instruments)
    if (std::filesystem::weakly_canonical(in.program.source_name, ec) == std::filesystem::weakly_canonical(path, ec))
      own.push_back(&in.program);
  if (own.size() != 1) {
    std::cerr << "ssd: " << path << ": one instrument expected, found " << own.size() << "\n";
    return std::nullopt;
  }
  return *own[0];
}

// `ssd diff ID --from D1 --to D2`: one instrument of the standards folder at two dates.
int run_dated_diff(const DiffOptions& o, Lang lang, InstrumentDiff& d) {
  const std::optional<Day> from = parse_date(o.from), to = parse_date(o.to);
  if (!from || !to) {
    std::cerr << "ssd: --from and --to take dates YYYY-MM-DD\n";
    return kCannotRun;
  }
  Library library;
  if (!load_library(standards_dir(o.standards), lang, library)) return kCannotRun;
  for (const auto& p : library.programs) {
    if (p->instrument.id != o.older) continue;
    d = diff_programs(in_force_on(*p, *from), in_force_on(*p, *to));
    const Instrument& in = p->instrument;
    auto in_force = [&](Day day) {
      return (!in.in_force_from || *in.in_force_from <= day) && (!in.repealed_from || day < *in.repealed_from);
    };
    if (in_force(*from) != in_force(*to))
      d.metadata.push_back(in_force(*to) ? "күшіне енді / came into force" : "күші жойылды / repealed");
    d.old_label = o.older + " " + o.from;
    d.new_label = o.older + " " + o.to;
    return kOk;
  }
  std::cerr << "ssd: no instrument " << o.older << "\n";
  return kCannotRun;
}

int run_diff(const DiffOptions& o) {
  const Lang lang = o.lang == "en" ? Lang::En : Lang::Kk;
  InstrumentDiff d;
  if (!o.from.empty() || !o.to.empty()) {
    if (!o.newer.empty()) {
      std::cerr << "ssd: give either OLD NEW or ID --from DATE --to DATE\n";
      return kCannotRun;
    }
    if (const int status = run_dated_diff(o, lang, d); status != kOk) return status;
  } else {
    if (o.newer.empty()) {
      std::cerr << "ssd: diff needs OLD and NEW, or ID --from DATE --to DATE\n";
      return kCannotRun;
    }
    const std::optional<Program> a = version(o.older, o.standards, lang), b = version(o.newer, o.standards, lang);
    if (!a || !b) return kCannotRun;
    d = diff_programs(*a, *b);
    d.old_label = o.older;
    d.new_label = o.newer;
  }
  write_out(o.format == "json" ? diff_json(d) : o.format == "html" ? diff_html(d) : diff_text(d));
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
      "  ssd diff --format html old.ssdc new.ssdc > changes.html\n"
      "  ssd diff domestic-violence --from 2024-01-01 --to 2025-01-01   (amending orders applied)");
  cmd->add_option("old", o->older, "the older version (a file), or an instrument id with --from/--to")->required();
  cmd->add_option("new", o->newer, "the newer version (a file)");
  cmd->add_option("--from", o->from, "with an instrument id: the earlier date");
  cmd->add_option("--to", o->to, "with an instrument id: the later date");
  cmd->add_option("--standards", o->standards, "folder of .ssd standards: of ID --from/--to; a source file OLD or NEW is compiled with it (else alone)");
  cmd->add_option("--format", o->format, "text, json or html")->check(CLI::IsMember({"text", "json", "html"}));
  cmd->add_option("--lang", o->lang, "language of diagnostics: kk or en")->check(CLI::IsMember({"kk", "en"}));
  return [o] { return run_diff(*o); };
}

}  // namespace ssd::cli
