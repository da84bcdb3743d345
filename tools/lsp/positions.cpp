#include "positions.h"

namespace ssd::lsp {

namespace {

// The length of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
int sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

int utf16_column(std::string_view line, int code_points) {
  int units = 0;
  size_t i = 0;
  for (int n = 0; n < code_points; ++n) {
    if (i >= line.size()) {
      units += code_points - n;
      break;
    }
    const int length = sequence_length(static_cast<unsigned char>(line[i]));
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return units;
}

int code_point_column(std::string_view line, int utf16) {
  int units = 0, points = 0;
  size_t i = 0;
  while (units < utf16) {
    if (i >= line.size()) return points + (utf16 - units);
    const int length = sequence_length(static_cast<unsigned char>(line[i]));
    const int width = length == 4 ? 2 : 1;
    if (units + width > utf16) break;  // inside a surrogate pair
    units += width;
    i += length;
    ++points;
  }
  return points;
}

}  // namespace ssd::lsp
