// ssd checklist: the official inspection form (тексеру парағы) of one control subject, filled
// from the inspector's answers and the subject's case records, or blank (docs/checklists.md).
#include <ctime>
#include <iostream>

#include "checklist.h"
#include "checklist_page.h"
#include "commands.h"
#include "common_options.h"
#include "output.h"
#include "library.h"
#include "record_files.h"
#include "risk_links.h"

namespace ssd::cli {

namespace {

struct ChecklistOptions {
  std::string id, standard;
  std::string inspection, risk, as_of;
  std::vector<std::string> cases;
  CommonOptions common;
  std::string format = "html";
};

// Checks a record held in a file of its own; prints why and gives nullptr when it cannot be used.
const RecordResult* check_record_file(RecordChecker& checker, const std::string& path, const std::string& standard,
                                      std::string& text) {
  if (!read_text_file(path, text)) return nullptr;
  const RecordResult& r = checker.check(text);
  if (r.status == RecordStatus::Error) {
    std::cerr << "ssd: " << path << ": " << r.error << "\n";
    return nullptr;
  }
  if (r.standard != standard) {
    std::cerr << "ssd: " << path << ": the record is for \"" << r.standard << "\", not \"" << standard << "\"\n";
    return nullptr;
  }
  return &r;
}

int run_checklist(const ChecklistOptions& o) {
  if (o.id.empty() == o.standard.empty()) {
    std::cerr << "ssd: give either CHECKLIST_ID or --standard ID\n";
    return kCannotRun;
  }
  const std::string id = o.id.empty() ? o.standard : o.id;
  Library library;
  if (!load_standards(o.common, library)) return kCannotRun;
  RecordChecker checker;
  add_programs(checker, library.programs);
  ChecklistForm form;
  form.program = checker.find(id);
  form.from_standard = !o.standard.empty();
  if (!form.program) {
    std::cerr << "ssd: no instrument " << id << "\n";
    return kCannotRun;
  }

  form.as_of = today();
  if (!o.as_of.empty()) {
    const std::optional<Day> day = parse_date(o.as_of);
    if (!day) {
      std::cerr << "ssd: --as-of takes a date YYYY-MM-DD\n";
      return kCannotRun;
    }
    form.as_of = *day;
  }
  InspectionFields fields;
  std::string inspection_text;
  if (!o.inspection.empty()) {
    std::string error;
    if (!read_text_file(o.inspection, inspection_text)) return kCannotRun;
    if (!inspection_fields(inspection_text, fields, error)) {
      std::cerr << "ssd: " << o.inspection << ": " << error << "\n";
      return kCannotRun;
    }
    if (const std::optional<Day> day = parse_date(fields.as_of)) form.as_of = *day;
  }
  form.rows = checklist_rows(*form.program, form.as_of, form.from_standard);

  if (!o.inspection.empty()) {
    const RecordResult* r = check_record_file(checker, o.inspection, id, inspection_text);
    if (!r) return kCannotRun;
    if (r->status == RecordStatus::NotInForce) {
      std::cerr << "ssd: " << o.inspection << ": " << id << " is not in force on " << fields.as_of << "\n";
      return kCannotRun;
    }
    form.inspection_id = r->id;
    form.filled = true;
    form.header = fields.header;
    apply_attestations(*r, form.rows);
  }
  if (!o.cases.empty()) {
    const RiskLinks links(library.programs);
    std::vector<CaseFinding> findings;
    if (!check_case_files(checker, o.cases, [&](const RecordResult& r) {
          for (const Finding& f : r.findings)
            findings.push_back({r.id, links.in_force_on(r.as_of), r.program.get(), f.requirement, f.status});
          return true;
        })) return kCannotRun;
    apply_evidence(findings, links, *form.program, form.rows);
    form.filled = true;
  }
  if (!o.risk.empty()) {
    if (!checker.find(kRiskCriteria)) {
      std::cerr << "ssd: --risk: the standards folder has no " << kRiskCriteria << "\n";
      return kCannotRun;
    }
    std::string text;
    const RecordResult* r = check_record_file(checker, o.risk, kRiskCriteria, text);
    if (!r) return kCannotRun;
    form.risk = risk_summary(*r);
  }

  write_out(o.format == "json" ? checklist_json(form) : checklist_html(form, o.common.language()));
  for (const ChecklistRow& row : form.rows)
    if (row.answer == RowAnswer::NonCompliant) return kFindings;
  return kOk;
}

}  // namespace

Command add_checklist(CLI::App& app) {
  auto o = std::make_shared<ChecklistOptions>();
  CLI::App* cmd = app.add_subcommand(
      "checklist",
      "The inspection form (тексеру парағы) of a checklist instrument for one control subject:\n"
      "each row's columns (required / not required / compliant / non-compliant) from the\n"
      "inspector's answers in the inspection record, else from the findings of the subject's case\n"
      "records on what the row inspects. Without --inspection and --cases: a blank form. With\n"
      "--standard: a form built from a standard's own requirements. Printable A4 HTML, or JSON.\n"
      "Exit status: 0 no row non-compliant, 1 some are, 2 could not run.\n"
      "  ssd checklist checklist-2 --inspection insp.json --cases cases.jsonl > form.html\n"
      "  ssd checklist --standard edu-org --format json");
  cmd->add_option("checklist", o->id, "the checklist instrument's id, e.g. checklist-2");
  cmd->add_option("--standard", o->standard, "a standard's id: its requirements as the form's rows");
  cmd->add_option("--inspection", o->inspection, "the inspection record (JSON): header and the inspector's answers");
  // One file per --cases, so that a positional id after it is not read as a file.
  cmd->add_option("--cases", o->cases, "the subject's case records (JSON Lines), repeatable; - reads standard input")
      ->allow_extra_args(false);
  cmd->add_option("--risk", o->risk, "a risk-criteria record (JSON): its violations by severity and group");
  cmd->add_option("--as-of", o->as_of, "without --inspection: the date whose wording the form shows (default today)");
  cmd->add_option("--format", o->format, "html (printable A4) or json")->check(CLI::IsMember({"html", "json"}));
  add_common_options(*cmd, o->common,
                     {.standards = kStandardsFolderHelp,
                      .lang = "language of the tool's words on the form (html) and of diagnostics: kk or en",
                      .no_cache = true});
  return [o] { return run_checklist(*o); };
}

}  // namespace ssd::cli
