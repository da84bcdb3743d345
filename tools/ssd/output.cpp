#include "output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iostream>

#include "commands.h"

namespace ssd::cli {

namespace {

int write_error = 0;  // errno of the first failed write

bool failed(int error) {
  if (!write_error) write_error = error ? error : EIO;
  return false;
}

}  // namespace

bool write_out(std::string_view text) {
  if (write_error) return false;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) return failed(errno);
  return true;
}

int finish_output(int status) {
  std::cout.flush();
  if (!std::cout) failed(errno);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) failed(errno);
  if (!write_error) return status;
  if (write_error != EPIPE)
    std::fprintf(stderr, "ssd: шығысқа жазу мүмкін емес / cannot write the output: %s\n", std::strerror(write_error));
  return kCannotRun;
}

Day today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return day_from_civil({local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                         static_cast<unsigned>(local.tm_mday)});
}

}  // namespace ssd::cli
