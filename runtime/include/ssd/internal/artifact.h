// The compiled artifact (.ssdc): a Program on disk. The layout is in docs/artifact-format.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ssd/internal/program.h"

namespace ssd {

inline constexpr char kArtifactMagic[4] = {'S', 'S', 'D', 'C'};
inline constexpr std::uint32_t kArtifactVersion = 9;

std::string serialize(const Program& program);
// Whether deserialize computes the artifact's checksum: Trusted only for bytes inside a file whose
// own checksum, over them, has just held (a compile cache entry). The program is verified either way.
enum class Checksum { Check, Trusted };
// nullopt, and why in `error`, for a file that is not an artifact, of another format version,
// corrupt (checksum) or truncated.
std::optional<Program> deserialize(std::string_view bytes, std::string* error, Checksum checksum = Checksum::Check);

bool save_artifact(const Program& program, const std::string& path, std::string* error);

// The checksum of artifacts (and of other files that hold them): zlib's CRC-32.
std::uint32_t crc32_of(std::string_view bytes);
std::optional<Program> load_artifact(const std::string& path, std::string* error);

// Why `program` cannot check records of its instrument: it was compiled alone, without the
// amending orders that give its wording, or it has no requirement, so it would find every record
// compliant. "" when it can.
std::string incomplete_reason(const Program& program);

}  // namespace ssd
