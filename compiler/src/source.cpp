#include "ssd/source.h"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace ssd {

SourceFile::SourceFile(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
  if (text_.starts_with("\xEF\xBB\xBF")) text_.erase(0, 3);
  if (text_.find("\r\n") != std::string::npos) {
    size_t kept = 0;
    for (size_t i = 0; i < text_.size(); ++i)
      if (text_[i] != '\r' || i + 1 == text_.size() || text_[i + 1] != '\n') text_[kept++] = text_[i];
    text_.resize(kept);
  }
  line_starts_.push_back(0);
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p))); ++p)
    line_starts_.push_back(static_cast<size_t>(p - begin) + 1);
}

std::string_view SourceFile::line(int number) const {
  if (number < 1 || static_cast<size_t>(number) > line_starts_.size()) return {};
  const size_t start = line_starts_[number - 1];
  size_t end = static_cast<size_t>(number) < line_starts_.size() ? line_starts_[number] - 1 : text_.size();
  return std::string_view(text_).substr(start, end - start);
}

int SourceFile::line_of_offset(size_t offset) const {
  return static_cast<int>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
                          line_starts_.begin());
}

size_t SourceFile::offset_of(int line_number, int column) const {
  if (line_number < 1) return 0;
  if (static_cast<size_t>(line_number) > line_starts_.size()) return text_.size();
  const std::string_view text = line(line_number);
  size_t i = 0;
  for (int c = 0; c < column && i < text.size(); ++c) {
    ++i;  // the code point's first byte, then its continuation bytes
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return line_starts_[line_number - 1] + i;
}

std::optional<size_t> SourceFile::invalid_utf8_at() const {
  if (simdjson::validate_utf8(text_.data(), text_.size())) return std::nullopt;  // the usual case, at SIMD speed
  const auto* s = reinterpret_cast<const unsigned char*>(text_.data());
  const size_t n = text_.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    size_t len;
    char32_t cp;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::nullopt;
}

std::optional<SourceFile> read_source_file(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = std::string("cannot open: ") + std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    if (error) *error = std::string("read error: ") + std::strerror(errno);
    return std::nullopt;
  }
  return SourceFile(path, std::move(buf).str());
}

}  // namespace ssd
