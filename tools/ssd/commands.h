// The subcommands of `ssd`. Each registers its options on the CLI11 app and returns the exit
// status when run.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace ssd::cli {

using Command = std::function<int()>;

Command add_check(CLI::App& app);
Command add_compile(CLI::App& app);
Command add_test(CLI::App& app);
Command add_list(CLI::App& app);
Command add_coverage(CLI::App& app);
Command add_diff(CLI::App& app);
Command add_consolidate(CLI::App& app);
Command add_checklist(CLI::App& app);
Command add_report(CLI::App& app);
Command add_serve(CLI::App& app);
Command add_doc(CLI::App& app);
Command add_import(CLI::App& app);
Command add_fmt(CLI::App& app);
Command add_lsp(CLI::App& app);

// Exit statuses (contract §6).
inline constexpr int kOk = 0;
inline constexpr int kFindings = 1;
inline constexpr int kCannotRun = 2;

}  // namespace ssd::cli
