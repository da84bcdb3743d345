// ssd fmt: rewrites .ssd files in the one canonical layout, or (--check) lists those that are not
// in it. A file with syntax errors gets its diagnostics and is left as it is.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "common_options.h"
#include "labels.h"
#include "output.h"
#include "ssd/compiler.h"
#include "ssd/format.h"

namespace ssd::cli {

namespace {

namespace fs = std::filesystem;

struct FmtOptions {
  std::vector<std::string> paths;
  bool check = false;
  CommonOptions common;
};

// Writes `text` beside `path` and moves it over, so that a failed write leaves the file whole.
bool replace_file(const std::string& path, const std::string& text, std::string* error) {
  const std::string temporary = path + ".ssd-fmt.tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      *error = std::strerror(errno);
      std::error_code ignored;
      fs::remove(temporary, ignored);
      return false;
    }
  }
  std::error_code ec;
  fs::permissions(temporary, fs::status(path, ec).permissions(), ec);
  fs::rename(temporary, path, ec);
  if (ec) {
    *error = ec.message();
    fs::remove(temporary, ec);
    return false;
  }
  return true;
}

// The files named, and the .ssd files below the folders named, in the order given.
std::optional<std::vector<std::string>> files_of(const std::vector<std::string>& paths, Lang lang) {
  std::vector<std::string> out;
  bool whole = true;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      const SourceFiles listed = source_files(path);
      for (const auto& [entry, reason] : listed.unreadable) {
        std::cerr << "ssd: " << entry << ": " << reason << "\n";
        whole = false;
      }
      out.insert(out.end(), listed.files.begin(), listed.files.end());
    } else if (fs::exists(path, ec)) {
      out.push_back(path);
    } else {
      std::cerr << "ssd: " << label(Label::no_such_path, lang, path) << "\n";
      whole = false;
    }
  }
  if (!whole) return std::nullopt;
  return out;
}

int run_fmt(const FmtOptions& o) {
  const Lang lang = o.common.language();
  const std::optional<std::vector<std::string>> files = files_of(o.paths, lang);
  if (!files) return kCannotRun;
  int unformatted = 0, failed = 0;
  for (const std::string& path : *files) {
    std::string error;
    const std::optional<SourceFile> file = read_source_file(path, &error);
    if (!file) {
      std::cerr << "ssd: " << path << ": " << error << "\n";
      ++failed;
      continue;
    }
    Diagnostics diags;
    std::optional<std::string> formatted;
    try {
      formatted = format_source(*file, diags);
    } catch (const std::logic_error& e) {
      std::cerr << "ssd: " << label(Label::fmt_internal_error, lang, e.what()) << "\n";
      ++failed;
      continue;
    }
    if (!formatted) {
      std::cerr << diags.render(lang)
                << "ssd: " << label(Label::fmt_file_has_errors, lang, path) << "\n";
      ++failed;
      continue;
    }
    // The file as read has no byte-order mark and LF line ends; so does the canonical layout.
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes == *formatted) continue;
    ++unformatted;
    if (!o.check && !replace_file(path, *formatted, &error)) {
      std::cerr << "ssd: " << label(Label::cannot_write_file, lang, path, error) << "\n";
      ++failed;
      continue;
    }
    write_out(path + "\n");
  }
  if (failed) return kCannotRun;
  if (o.check && unformatted) {
    std::cerr << "ssd: " << label(Label::files_not_formatted, lang, unformatted) << "\n";
    return kFindings;
  }
  return kOk;
}

}  // namespace

Command add_fmt(CLI::App& app) {
  auto o = std::make_shared<FmtOptions>();
  CLI::App* cmd = app.add_subcommand(
      "fmt",
      "Rewrite .ssd files in the one canonical layout (docs/cli.md, \"ssd fmt\"): indentation by\n"
      "two spaces a level, one space between words, each statement of a body over lines on a line\n"
      "of its own. Line breaks within a statement, comments and the words of the law are kept as\n"
      "written; law text in \"\"\" is only re-indented. The names of the files rewritten are printed.\n"
      "A file with syntax errors gets its diagnostics and is left as it is (exit status 2).\n"
      "  ssd fmt standards/edu-org.ssd      rewrite one file\n"
      "  ssd fmt standards                  every .ssd file below the folder\n"
      "  ssd fmt --check standards          only list the files not formatted (exit status 1)");
  cmd->add_option("paths", o->paths, ".ssd files, or folders (every .ssd file below them)")->required();
  cmd->add_flag("--check", o->check, "change nothing: list the files that are not formatted and exit with 1 if any");
  add_common_options(*cmd, o->common, {.lang = "language of messages: kk or en"});
  return [o] { return run_fmt(*o); };
}

}  // namespace ssd::cli
