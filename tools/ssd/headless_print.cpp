#include "headless_print.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <thread>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace ssd::cli {

namespace fs = std::filesystem;

extern "C" char** environ;

std::string find_chromium() {
  if (const char* chosen = std::getenv("SSD_CHROMIUM"); chosen && *chosen) return chosen;
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  std::vector<std::string> folders;
  for (std::string dir; std::getline(dirs, dir, ':');) folders.push_back(dir.empty() ? "." : dir);
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
    for (const std::string& dir : folders) {
      const std::string candidate = dir + "/" + name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
  return "";
}

namespace {

// A temporary folder, removed with everything in it when the object goes.
class TempFolder {
 public:
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "ssd-print-XXXXXX").string();
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempFolder() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The last lines of the browser's output, to say why it failed.
std::string tail_of(const fs::path& log) {
  std::ifstream in(log);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  std::string out;
  for (size_t i = lines.size() > 3 ? lines.size() - 3 : 0; i < lines.size(); ++i) out += "\n  " + lines[i];
  return out;
}

}  // namespace

bool print_pdf(std::string_view html, const std::string& pdf_path, std::string& error, int budget_ms) {
  const std::string browser = find_chromium();
  if (browser.empty()) {
    error = "no Chromium to print with (install chromium, or name it in SSD_CHROMIUM)";
    return false;
  }
  TempFolder temp;
  if (temp.path().empty()) {
    error = "cannot make a temporary folder";
    return false;
  }
  // The browser prints into the temporary folder; the PDF replaces `pdf_path` only when whole.
  const fs::path page = temp.path() / "page.html", log = temp.path() / "chromium.log",
                 printed = temp.path() / "page.pdf";
  std::ofstream(page, std::ios::binary).write(html.data(), static_cast<std::streamsize>(html.size()));

  std::vector<std::string> args = {browser,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-quic",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--no-pdf-header-footer",
                                   "--user-data-dir=" + (temp.path() / "profile").string(),
                                   "--virtual-time-budget=" + std::to_string(budget_ms),
                                   "--print-to-pdf=" + printed.string(),
                                   "file://" + page.string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
  // In a process group of its own, so that a browser that hangs goes with all its processes.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, browser.c_str(), &files, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0) {
    error = "cannot start " + browser;
    return false;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(budget_ms) + std::chrono::minutes(10);
  int status = 0;
  for (;;) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid || (done < 0 && errno != EINTR)) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      error = browser + " did not finish printing in time";
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::ifstream pdf(printed, std::ios::binary);
  char magic[5] = {};
  pdf.read(magic, 4);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || std::string(magic) != "%PDF") {
    error = browser + " wrote no PDF" + tail_of(log);
    return false;
  }
  std::error_code failed;
  fs::copy_file(printed, pdf_path, fs::copy_options::overwrite_existing, failed);
  if (failed) {
    error = "cannot write it: " + failed.message();
    return false;
  }
  return true;
}

}  // namespace ssd::cli
