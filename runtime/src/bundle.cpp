#include "ssd/internal/bundle.h"

#include <zlib.h>

#include "ssd/internal/artifact.h"

namespace ssd {

namespace {

void put_u32(std::string& out, std::uint32_t v) { for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i))); }
void put_u64(std::string& out, std::uint64_t v) { for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(v >> (8 * i))); }

// Reads a little-endian integer of N bytes from the front of `in`; false when too short.
template <typename T>
bool take(std::string_view& in, T& v) {
  if (in.size() < sizeof(T)) return false;
  v = 0;
  for (size_t i = 0; i < sizeof(T); ++i) v |= T{static_cast<unsigned char>(in[i])} << (8 * i);
  in.remove_prefix(sizeof(T));
  return true;
}

std::uint32_t crc(std::string_view bytes) {
  return static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

constexpr size_t kHeaderSize = 4 + 4 + 8 + 4;

}  // namespace

std::string serialize_bundle(const std::vector<const Program*>& programs, std::string_view calendar_tsv) {
  std::string body;
  put_u64(body, calendar_tsv.size());
  body += calendar_tsv;
  put_u32(body, static_cast<std::uint32_t>(programs.size()));
  for (const Program* p : programs) {
    const std::string artifact = serialize(*p);
    put_u64(body, artifact.size());
    body += artifact;
  }
  std::string out(kBundleMagic, 4);
  put_u32(out, kBundleVersion);
  put_u64(out, body.size());
  put_u32(out, crc(body));
  return out + body;
}

std::optional<Bundle> deserialize_bundle(std::string_view bytes, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<Bundle> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (bytes.size() < kHeaderSize || bytes.substr(0, 4) != std::string_view(kBundleMagic, 4))
    return fail("not an ssd bundle (no SSDB header)");
  std::string_view header = bytes.substr(4, kHeaderSize - 4);
  std::uint32_t version = 0, checksum = 0;
  std::uint64_t length = 0;
  take(header, version);
  take(header, length);
  take(header, checksum);
  if (version != kBundleVersion)
    return fail("bundle format version " + std::to_string(version) + ", this ssd reads version " +
                std::to_string(kBundleVersion) + ": compile the standards again");
  std::string_view body = bytes.substr(kHeaderSize);
  if (body.size() != length) return fail("the bundle is truncated or has trailing bytes");
  if (crc(body) != checksum) return fail("the bundle is corrupt (checksum mismatch)");
  Bundle bundle;
  std::uint64_t calendar_size = 0;
  std::uint32_t count = 0;
  if (!take(body, calendar_size) || calendar_size > body.size()) return fail("the bundle is malformed");
  bundle.calendar_tsv = body.substr(0, calendar_size);
  body.remove_prefix(calendar_size);
  if (!take(body, count) || count > body.size() / 8) return fail("the bundle is malformed");
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint64_t size = 0;
    if (!take(body, size) || size > body.size()) return fail("the bundle is malformed");
    std::string why;
    std::optional<Program> p = deserialize(body.substr(0, size), &why, Checksum::Trusted);  // the body's checksum held
    if (!p) return fail("instrument " + std::to_string(i + 1) + " of the bundle: " + why);
    bundle.programs.push_back(std::move(*p));
    body.remove_prefix(size);
  }
  if (!body.empty()) return fail("the bundle is malformed");
  return bundle;
}

}  // namespace ssd
