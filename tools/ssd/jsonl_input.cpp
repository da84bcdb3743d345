#include "jsonl_input.h"

#include <cstring>
#include <vector>

namespace ssd::cli {

bool for_each_line(std::FILE* in, size_t padding, const LineHandler& handle) {
  constexpr size_t kBlock = 1 << 20;
  std::vector<char> buf(kBlock + padding);
  size_t filled = 0;
  for (;;) {
    if (filled == buf.size() - padding) buf.resize(buf.size() * 2);  // a line longer than the block
    const size_t got = std::fread(buf.data() + filled, 1, buf.size() - padding - filled, in);
    filled += got;
    // The parser may read up to `padding` bytes past a line; past the data they are zero.
    std::memset(buf.data() + filled, 0, padding);
    const bool eof = got == 0;
    size_t start = 0;
    for (;;) {
      const char* nl = static_cast<const char*>(std::memchr(buf.data() + start, '\n', filled - start));
      if (!nl && !(eof && start < filled)) break;
      const size_t end = nl ? static_cast<size_t>(nl - buf.data()) : filled;
      // A byte-order mark opens a file, not its first record; files joined by `cat` have one
      // at the start of a line.
      const size_t first = end - start >= 3 && std::memcmp(buf.data() + start, "\xEF\xBB\xBF", 3) == 0 ? start + 3 : start;
      size_t size = end - first;
      if (size && buf[first + size - 1] == '\r') --size;
      bool blank = true;
      for (size_t i = first; i < first + size && blank; ++i)
        blank = buf[i] == ' ' || buf[i] == '\t';
      if (!blank && !handle(buf.data() + first, size, buf.size() - first)) return true;
      start = nl ? end + 1 : filled;
    }
    std::memmove(buf.data(), buf.data() + start, filled - start);
    filled -= start;
    if (eof) return !std::ferror(in);
  }
}

}  // namespace ssd::cli
