// Reads JSON Lines from a file or standard input in blocks of whole lines, each line with the
// padding the JSON parser needs after it. Memory stays flat: one block and the longest line,
// whatever the number of records.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace ssd::cli {

// Whole lines of input: every non-blank line, a byte-order mark at its start and a carriage
// return at its end cut off.
struct LineBlock {
  struct Line {
    size_t offset, size;
  };
  std::vector<char> bytes;  // the lines as read, then the padding (zeros)
  std::vector<Line> lines;

  const char* data(const Line& line) const { return bytes.data() + line.offset; }
  // The bytes readable from the line's start: at least its size and the padding.
  size_t capacity(const Line& line) const { return bytes.size() - line.offset; }
};

class LineReader {
 public:
  // `padding`: bytes that must be readable after each line. `block_size`: about how much a block
  // holds (a longer line makes a longer block).
  LineReader(std::FILE* in, size_t padding, size_t block_size = 1 << 20);

  // The next block, with at least one line; false at the end of the input or on a read error.
  bool next(LineBlock& block);
  // Whether the input could not be read.
  bool failed() const { return std::ferror(in_) != 0; }

 private:
  std::FILE* in_;
  size_t padding_, block_size_;
  std::vector<char> rest_;  // the start of a line the last block did not end
  bool eof_ = false;
};

// Returns false to stop reading.
using LineHandler = std::function<bool(const char* data, size_t size, size_t capacity)>;

// Every line of `in`, one by one. False when the input cannot be read.
bool for_each_line(std::FILE* in, size_t padding, const LineHandler& handle);

}  // namespace ssd::cli
