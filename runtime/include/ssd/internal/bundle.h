// A bundle (.ssdb): every instrument of a standards folder, each with all its wordings, and the
// working-day calendar they were compiled against, in one file checksummed as a whole. The
// layout is in docs/artifact-format.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ssd/internal/program.h"

namespace ssd {

inline constexpr char kBundleMagic[4] = {'S', 'S', 'D', 'B'};
inline constexpr std::uint32_t kBundleVersion = 1;

struct Bundle {
  std::string calendar_tsv;  // docs/calendar.md
  std::vector<Program> programs;
};

std::string serialize_bundle(const std::vector<const Program*>& programs, std::string_view calendar_tsv);
// nullopt, and why in `error`, for bytes that are not a bundle of this version, are corrupt
// (checksum) or truncated, or hold an artifact that does not load.
std::optional<Bundle> deserialize_bundle(std::string_view bytes, std::string* error);

}  // namespace ssd
