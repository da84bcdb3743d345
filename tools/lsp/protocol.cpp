#include "protocol.h"

#include <charconv>
#include <limits>

namespace ssd::lsp {

namespace {

constexpr size_t kLargestBody = size_t{256} << 20;  // far beyond any .ssd file

bool iequals_prefix(const std::string& line, std::string_view prefix) {
  if (line.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) return false;
  return true;
}

}  // namespace

Frame read_frame(std::istream& in) {
  std::optional<size_t> length;
  bool bad_length = false, any = false;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!any) continue;  // blank lines between frames
      break;
    }
    any = true;
    constexpr std::string_view kHeader = "content-length:";
    if (iequals_prefix(line, kHeader)) {
      size_t start = kHeader.size();
      while (start < line.size() && line[start] == ' ') ++start;
      size_t value = 0;
      const auto [end, ec] = std::from_chars(line.data() + start, line.data() + line.size(), value);
      if (ec != std::errc() || end != line.data() + line.size() || value > kLargestBody) bad_length = true;
      else length = value;
    }
  }
  if (!any) return {};
  if (bad_length || !length) return {std::nullopt, "a message without a valid Content-Length header"};
  std::string body(*length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(body.size()));
  if (static_cast<size_t>(in.gcount()) != body.size()) return {std::nullopt, "the input ended inside a message"};
  return {std::move(body), ""};
}

std::string frame(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace ssd::lsp
