// Checking the records of JSON Lines files on several threads, with the results in input order.
//
// The calling thread reads the input in blocks of whole lines; each worker thread checks a block
// with its own RecordChecker, over programs shared by all, and leaves what the records yield in
// the block (rendered text, counts, copies of the results); the calling thread takes the blocks
// back in input order. A bounded number of blocks is in flight, reused from one to the next: memory
// stays flat whatever the number of records. One thread does it all in the calling thread, with
// the same blocks, so any number of threads writes the same bytes.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "jsonl_input.h"
#include "ssd/result.h"

namespace ssd::cli {

// A block of input lines and what checking them yielded, in the order of the lines.
struct CheckedBlock {
  LineBlock input;
  std::string text;                     // what a worker rendered of the results
  std::vector<RecordResult> results;    // copies of the results, where a worker keeps them
  size_t kept = 0;                      // results[0, kept) are this block's
  std::array<long, 5> statuses{};       // records per RecordStatus

  void keep(const RecordResult& result);
  void clear();
};

// What a worker thread does with the lines of a block: checks each and puts what it yields into
// the block. Made once per thread, on that thread.
class BlockWork {
 public:
  virtual ~BlockWork() = default;
  virtual void check(CheckedBlock& block) = 0;
};
using MakeWork = std::function<std::unique_ptr<BlockWork>()>;

// Takes a checked block on the calling thread, in input order; false stops the reading.
using TakeBlock = std::function<bool(CheckedBlock& block)>;

// The machine's cores, for -j's default; at least 1.
unsigned default_threads();

// Checks every record of the JSON Lines files (`-` is standard input) on `threads` threads.
// `padding`: what the parser needs after each line. False, with the reason on stderr, when a file
// cannot be opened or read; the blocks before it are taken all the same.
bool check_files_parallel(const std::vector<std::string>& paths, unsigned threads, size_t padding,
                          const MakeWork& make_work, const TakeBlock& take);

}  // namespace ssd::cli
