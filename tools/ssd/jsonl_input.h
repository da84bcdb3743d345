// Reads JSON Lines from a file or standard input in large blocks, and hands each non-blank line
// to a callback with the padding the JSON parser needs after it. Memory stays flat: one block
// and the longest line, whatever the number of records.
#pragma once

#include <cstdio>
#include <functional>
#include <string>

namespace ssd::cli {

// Returns false to stop reading.
using LineHandler = std::function<bool(const char* data, size_t size, size_t capacity)>;

// `padding`: bytes that must be readable after each line. False when the input cannot be read.
bool for_each_line(std::FILE* in, size_t padding, const LineHandler& handle);

}  // namespace ssd::cli
