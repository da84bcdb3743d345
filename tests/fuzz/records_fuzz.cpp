// Fuzz target: case records. The bytes are JSON Lines, read by the reader `ssd check` uses
// (blocks, line ends, byte-order marks) and checked against every standard; each result is
// written in every format, and its JSON line must be one line of JSON.
#include <cstdint>
#include <cstdio>

#include "fuzz_support.h"
#include "jsonl_input.h"
#include "ssd/runtime.h"

// The standards are compiled before the first input, so that no input is charged with it.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ssd::fuzz::standards();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static ssd::RecordChecker& checker = *[] {
    auto* c = new ssd::RecordChecker();
    for (const auto& p : ssd::fuzz::standards()) c->add(p);
    return c;
  }();
  static ssd::fuzz::Writers writers;  // of the standards, which live as long
  if (size == 0) return 0;
  std::FILE* in = fmemopen(const_cast<std::uint8_t*>(data), size, "rb");
  if (!in) return 0;
  ssd::cli::for_each_line(in, ssd::RecordChecker::padding(), [&](const char* line, std::size_t n, std::size_t capacity) {
    ssd::fuzz::write_every_way(checker.check_padded(line, n, capacity), writers);
    return true;
  });
  std::fclose(in);
  return 0;
}
