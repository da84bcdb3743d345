// ssd diff OLD NEW: what changed in meaning between two versions of an instrument (contract §6);
// ssd diff --order ORDER: what an amending order changes (contract §7).
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "commands.h"
#include "common_options.h"
#include "consolidate.h"
#include "diff_report.h"
#include "headless_print.h"
#include "labels.h"
#include "library.h"
#include "order_report.h"
#include "output.h"
#include "semantic_diff.h"
#include "ssd/dates.h"
#include "ssd/internal/artifact.h"

namespace ssd::cli {

namespace {

struct DiffOptions {
  std::string older, newer;
  std::string from, to;
  std::string order, as_of, pdf;
  CommonOptions common;
  std::string format = "text";
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
  if (!load_standards(o.common, library)) return kCannotRun;
  for (const auto& p : library.programs) {
    if (p->instrument.id != o.older) continue;
    const LabelLang words = label_lang(lang, o.format == "json");
    d = diff_programs(in_force_on(*p, *from), in_force_on(*p, *to), words);
    if (!library.results.empty())
      d.amendments = instrument_changes(library.results.front(), o.older, *from, *to, words);
    attribute_changes(d, words);
    const Instrument& in = p->instrument;
    auto in_force = [&](Day day) {
      return (!in.in_force_from || *in.in_force_from <= day) && (!in.repealed_from || day < *in.repealed_from);
    };
    // An instrument given in part holds its wordings from the earliest order the corpus has; it
    // may well have been in force before, under a wording the corpus lacks.
    if (!in_force(*from) && in_force(*to) && !in.partial.empty() && in.in_force_from)
      d.notes.push_back(label(Label::wording_from_only, words, format_date(*in.in_force_from)));
    else if (in_force(*from) != in_force(*to))
      d.metadata.push_back(label(in_force(*to) ? Label::came_into_force : Label::repealed, words));
    d.old_label = o.older + " " + o.from;
    d.new_label = o.older + " " + o.to;
    return kOk;
  }
  std::cerr << "ssd: no instrument " << o.older << "\n";
  return kCannotRun;
}

// `ssd diff --order ORDER`: an order of the standards folder by its id, or an order's file with
// the standards folder. An order not in force on --as-of (a draft: a later date, or none) is
// compiled as if it applied the day after, so that its previous wording is the one in force then.
int run_order_diff(const DiffOptions& o, Lang lang) {
  const std::optional<Day> day = o.as_of.empty() ? std::optional<Day>(today()) : parse_date(o.as_of);
  if (!day) {
    std::cerr << "ssd: --as-of takes a date YYYY-MM-DD\n";
    return kCannotRun;
  }
  const std::string dir = o.common.standards_folder();
  const bool is_file = std::filesystem::path(o.order).extension() == ".ssd";
  const std::optional<std::vector<std::string>> files =
      is_file ? companions(o.order, dir) : folder_files(dir);
  if (!files) return kCannotRun;
  std::vector<std::shared_ptr<const SourceFile>> sources;
  if (!read_sources(*files, sources)) return kCannotRun;
  const Declarations declared = declarations(sources);
  const AmendingOrder* order = nullptr;
  for (const AmendingOrder& a : declared.orders)
    if (is_file ? a.file == sources.front()->name() : a.id == o.order) order = &a;
  if (!order) {
    std::cerr << "ssd: " << (is_file ? o.order + ": no amending order in the file\n"
                                     : "no amending order " + o.order + " in " + dir + "\n");
    return kCannotRun;
  }
  CompileOptions options;
  const bool draft = !order->applies_from || *order->applies_from > *day;
  if (draft) options = {order->id, *day + 1};
  CompileResult result;
  if (!compile_together(*files, lang, result, options)) return kCannotRun;
  std::optional<OrderView> view = order_view(result, order->id, label_lang(lang, o.format == "json"));
  if (!view) return kCannotRun;
  // A draft applies from its own day, where it has one, not from the day it was compiled for.
  if (draft) view->order.applies_from = order->applies_from, view->order.applies_from_earliest = false;
  if (!o.pdf.empty()) {
    std::string error;
    if (!print_pdf(order_table(*view, draft ? format_date(*day) : "", lang), o.pdf, error)) {
      std::cerr << "ssd: " << o.pdf << ": " << error << "\n";
      return kCannotRun;
    }
    if (o.format == "text") return kOk;
  }
  write_out(o.format == "json"    ? order_json(*view)
            : o.format == "html"  ? order_html(*view, lang)
            : o.format == "table" ? order_table(*view, draft ? format_date(*day) : "", lang)
                                  : order_text(*view, lang));
  return kOk;
}

int run_diff(const DiffOptions& o) {
  const Lang lang = o.common.language();
  if (!o.order.empty()) {
    if (!o.newer.empty() || !o.older.empty() || !o.from.empty() || !o.to.empty()) {
      std::cerr << "ssd: give either --order ORDER, or OLD NEW, or ID --from DATE --to DATE\n";
      return kCannotRun;
    }
    return run_order_diff(o, lang);
  }
  if (o.format == "table" || !o.pdf.empty() || !o.as_of.empty()) {
    std::cerr << "ssd: --format table, --pdf and --as-of go with --order\n";
    return kCannotRun;
  }
  if (o.older.empty()) {
    std::cerr << "ssd: diff needs --order ORDER, or OLD NEW, or ID --from DATE --to DATE\n";
    return kCannotRun;
  }
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
    const std::optional<Program> a = version(o.older, o.common.standards, lang), b = version(o.newer, o.common.standards, lang);
    if (!a || !b) return kCannotRun;
    d = diff_programs(*a, *b, label_lang(lang, o.format == "json"));
    d.old_label = o.older;
    d.new_label = o.newer;
  }
  write_out(o.format == "json" ? diff_json(d) : o.format == "html" ? diff_html(d, lang) : diff_text(d, lang));
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
      "  ssd diff domestic-violence --from 2024-01-01 --to 2025-01-01   (amending orders applied)\n"
      "With --order, what an amending order changes, in the order of its instructions: for each,\n"
      "the instruction (1.6 = the order's paragraph 1, sixth instruction), the provision in the\n"
      "law's words, the kind (new wording, supplement, deletion, repeal), the previous and the new\n"
      "wording word by word, whether the meaning changed, and the day it applies from. An order\n"
      "not yet in force on --as-of (default today) is a draft: its current wording is the one in\n"
      "force on that day. --format table is the comparative table (салыстырма кесте), A4 HTML;\n"
      "its justification column holds what the order's file gives (негіздемесі), else nothing.\n"
      "  ssd diff --order 391-2024\n"
      "  ssd diff --order 391-2024 --format json\n"
      "  ssd diff --order drafts/my-order.ssd --format table --pdf table.pdf");
  cmd->add_option("old", o->older, "the older version (a file), or an instrument id with --from/--to");
  cmd->add_option("new", o->newer, "the newer version (a file)");
  cmd->add_option("--from", o->from, "with an instrument id: the earlier date");
  cmd->add_option("--to", o->to, "with an instrument id: the later date");
  cmd->add_option("--order", o->order, "an amending order: its id in the standards folder (391-2024), or its .ssd file (a draft)");
  cmd->add_option("--as-of", o->as_of, "with --order: the day whose wording is the current one (default today)");
  cmd->add_option("--pdf", o->pdf, "with --order: write the comparative table as PDF (headless Chromium) to this file");
  cmd->add_option("--format", o->format, "text, json or html; with --order also table")->check(CLI::IsMember({"text", "json", "html", "table"}));
  add_common_options(*cmd, o->common,
                     {.standards = "folder of .ssd standards: of ID --from/--to; a source file OLD or NEW is compiled "
                                   "with it (else alone)",
                      .lang = "language of the labels (text, html, table) and of diagnostics: kk or en; JSON is "
                              "the same in both"});
  return [o] { return run_diff(*o); };
}

}  // namespace ssd::cli
