// ssd: compile standards of special social services written in .ssd, and check case records
// against them.

#include "commands.h"
#include "output.h"

int main(int argc, char** argv) {
  CLI::App app{
      "ssd — арнаулы әлеуметтік қызметтер стандарттарының компиляторы мен тексерушісі.\n"
      "ssd — compiler and checker for standards of special social services (.ssd).\n\n"
      "Examples:\n"
      "  ssd check cases.jsonl                  check case records against standards/\n"
      "  ssd check --format text cases.jsonl    the same, readable\n"
      "  ssd compile standards/edu-org.ssd      check a standard and write edu-org.ssdc\n"
      "  ssd test standards/edu-org.ssd         run the examples (мысал) written beside the rules\n"
      "  ssd fmt standards                      lay out every .ssd file the one canonical way\n",
      "ssd"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ssd 0.1.0");
  const std::pair<const char*, ssd::cli::Command> commands[] = {
      {"check", ssd::cli::add_check(app)},
      {"compile", ssd::cli::add_compile(app)},
      {"test", ssd::cli::add_test(app)},
      {"list", ssd::cli::add_list(app)},
      {"coverage", ssd::cli::add_coverage(app)},
      {"diff", ssd::cli::add_diff(app)},
      {"consolidate", ssd::cli::add_consolidate(app)},
      {"checklist", ssd::cli::add_checklist(app)},
      {"report", ssd::cli::add_report(app)},
      {"serve", ssd::cli::add_serve(app)},
      {"doc", ssd::cli::add_doc(app)},
      {"import", ssd::cli::add_import(app)},
      {"fmt", ssd::cli::add_fmt(app)},
      {"lsp", ssd::cli::add_lsp(app)},
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return ssd::cli::finish_output(code == 0 ? ssd::cli::kOk : ssd::cli::kCannotRun);
  }
  for (const auto& [name, run] : commands)
    if (app.got_subcommand(name)) return ssd::cli::finish_output(run());
  return ssd::cli::kCannotRun;
}
