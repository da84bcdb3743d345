#include "jsonl_input.h"

#include <algorithm>
#include <cstring>

namespace ssd::cli {

LineReader::LineReader(std::FILE* in, size_t padding, size_t block_size)
    : in_(in), padding_(padding), block_size_(block_size) {}

bool LineReader::next(LineBlock& block) {
  block.lines.clear();
  std::vector<char>& bytes = block.bytes;
  for (;;) {
    // The bytes of this block: what the last one left, then as much again as a block holds,
    // until a newline ends a line (or the input ends).
    bytes.assign(rest_.begin(), rest_.end());
    rest_.clear();
    size_t end = 0;  // after the last whole line
    while (!eof_) {
      const size_t filled = bytes.size();
      bytes.resize(filled + std::max(block_size_, filled));
      const size_t got = std::fread(bytes.data() + filled, 1, bytes.size() - filled, in_);
      bytes.resize(filled + got);
      eof_ = got == 0;
      const auto last = std::find(bytes.rbegin(), bytes.rend() - static_cast<std::ptrdiff_t>(filled), '\n');
      if (last != bytes.rend() - static_cast<std::ptrdiff_t>(filled)) {
        end = static_cast<size_t>(bytes.rend() - last);
        break;
      }
    }
    if (eof_) end = bytes.size();
    rest_.assign(bytes.begin() + static_cast<std::ptrdiff_t>(end), bytes.end());
    bytes.resize(end);
    if (bytes.empty()) return false;
    for (size_t start = 0; start < end;) {
      const char* nl = static_cast<const char*>(std::memchr(bytes.data() + start, '\n', end - start));
      const size_t stop = nl ? static_cast<size_t>(nl - bytes.data()) : end;
      // A byte-order mark opens a file, not its first record; files joined by `cat` have one
      // at the start of a line.
      const size_t first = stop - start >= 3 && std::memcmp(bytes.data() + start, "\xEF\xBB\xBF", 3) == 0 ? start + 3 : start;
      size_t size = stop - first;
      if (size && bytes[first + size - 1] == '\r') --size;
      const bool blank = std::all_of(bytes.data() + first, bytes.data() + first + size, [](char c) { return c == ' ' || c == '\t'; });
      if (!blank) block.lines.push_back({first, size});
      start = stop + 1;
    }
    // The parser may read up to `padding` bytes past a line; past the data they are zero.
    bytes.resize(end + padding_, 0);
    if (!block.lines.empty()) return true;
  }
}

bool for_each_line(std::FILE* in, size_t padding, const LineHandler& handle) {
  LineReader reader(in, padding);
  LineBlock block;
  while (reader.next(block))
    for (const LineBlock::Line& line : block.lines)
      if (!handle(block.data(line), line.size, block.capacity(line))) return true;
  return !reader.failed();
}

}  // namespace ssd::cli
