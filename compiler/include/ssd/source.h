// A source file as the compiler reads it: UTF-8 with any BOM removed and CRLF turned into LF.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ssd {

// A place in a source file: 1-based line, 0-based column in code points, length in code points.
struct Span {
  int line = 0;
  int column = 0;
  int length = 1;
};

// A stretch of a source file, possibly over several lines: 1-based lines, 0-based columns in code
// points; the end is one past its last code point.
struct Range {
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
};

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  // The line without its newline; empty past the end.
  std::string_view line(int number) const;
  // Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
  std::optional<size_t> invalid_utf8_at() const;
  // The 1-based line of a byte offset.
  int line_of_offset(size_t offset) const;
  // The byte offset of a line and a column in code points (clamped to the line's end).
  size_t offset_of(int line, int column) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

// Reads a file; nullopt and the reason in `error` when it cannot be read.
std::optional<SourceFile> read_source_file(const std::string& path, std::string* error);

}  // namespace ssd
