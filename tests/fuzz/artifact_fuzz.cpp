// Fuzz target: compiled programs, as a loader meets them. An input names one of the standards'
// programs and a list of edits to its fields — ops, types, units, operands, constants, texts,
// slots, record types, enumerations, mappings, roots — and the harness re-serializes the edited
// program with a valid checksum: the verifier alone stands between those bytes and the evaluator.
// A program the loader accepts is checked against records that reach all its fields, and its
// results are written. An input whose first byte has the high bit set is instead an artifact's
// body as it is, given a valid header: the byte-level reader's turn.
//
// The custom mutator knows the format: it adds, rewrites and drops edits with kinds, places and
// values near the valid ones, and leaves the rest to libFuzzer's byte mutations.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "fuzz_support.h"
#include "ssd/internal/artifact.h"
#include "ssd/runtime.h"

namespace {

constexpr std::size_t kEditSize = 8;  // kind, a 24-bit place, a 32-bit value
constexpr std::size_t kMaxEdits = 64;

enum Kind : std::uint8_t {
  kOp, kType, kUnit, kNearA, kNearB, kNearC, kRawA, kBits, kNum, kText,  // a node
  kSlotType, kSlotEnum, kSlotRecordType,                                 // a slot
  kRoot, kRequirementFlags,                                              // a requirement
  kEnumSize, kImage, kFieldType,                                         // enumerations, mappings, record types
  kCopyNode, kDepth,
  kKinds
};

std::uint32_t read_u32(const std::uint8_t* p) {
  return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
}

// An operand near node `at`: an earlier node mostly, sometimes -1 or -2 or the node itself.
std::int32_t near(std::uint32_t at, std::uint32_t value) {
  return static_cast<std::int32_t>(at) - 1 - static_cast<std::int32_t>(value % (at + 3));
}

double number(std::uint32_t value) {
  static const double kNumbers[] = {0, 1, -1, 2, 7, 0.5, 1e9, -1e9, 1e300, -1e300,
                                    std::numeric_limits<double>::infinity(), std::nan(""),
                                    -719528, 2932896, 2932897, 18085, 3652425, 1e15};
  constexpr std::uint32_t kCount = sizeof kNumbers / sizeof kNumbers[0];
  return value % 4 ? kNumbers[(value >> 2) % kCount] : static_cast<double>(static_cast<std::int32_t>(value));
}

template <class T>
T* pick(std::vector<T>& items, std::uint32_t place) {
  return items.empty() ? nullptr : &items[place % items.size()];
}

void apply(ssd::Program& p, std::uint8_t kind, std::uint32_t place, std::uint32_t v) {
  using ssd::Node;
  const auto count = [](const auto& items) { return static_cast<std::uint32_t>(items.size()); };
  Node* n = pick(p.nodes, place);
  const std::uint32_t at = p.nodes.empty() ? 0 : place % count(p.nodes);
  switch (kind % kKinds) {
    case kOp: if (n) n->op = static_cast<ssd::Op>(v % 40); break;
    case kType: if (n) n->type = static_cast<ssd::ValueType>(v % 13); break;
    case kUnit: if (n) n->unit = static_cast<ssd::TimeUnit>(v % 5); break;
    case kNearA: if (n) n->a = near(at, v); break;
    case kNearB: if (n) n->b = near(at, v); break;
    case kNearC: if (n) n->c = near(at, v); break;
    case kRawA: if (n) n->a = static_cast<std::int32_t>(v); break;
    case kBits: if (n) n->bits = v % 2 ? v : v % 70; break;
    case kNum: if (n) n->num = number(v); break;
    case kText: if (n) n->text = static_cast<std::int32_t>(v % (count(p.texts) + 2)) - 1; break;
    case kSlotType:
      if (ssd::Slot* s = pick(p.slots, place)) s->type = static_cast<ssd::ValueType>(v % 13);
      break;
    case kSlotEnum:
      if (ssd::Slot* s = pick(p.slots, place)) s->enum_id = static_cast<std::int32_t>(v % (count(p.enums) + 2)) - 1;
      break;
    case kSlotRecordType:
      if (ssd::Slot* s = pick(p.slots, place))
        s->record_type = static_cast<std::int32_t>(v % (count(p.record_types) + 2)) - 1;
      break;
    case kRoot:
      if (ssd::Requirement* r = pick(p.requirements, place))
        r->root = static_cast<std::int32_t>(v % (count(p.nodes) + 2)) - 1;
      break;
    case kRequirementFlags:
      if (ssd::Requirement* r = pick(p.requirements, place)) {
        r->attested = v & 1;
        r->severity = static_cast<ssd::Severity>((v >> 1) % 5);
      }
      break;
    case kEnumSize:
      if (ssd::EnumDef* e = pick(p.enums, place)) {
        e->members.resize(v % 70, {"м", "code", "", ""});
        e->open = v & 0x100;
      }
      break;
    case kImage:
      if (ssd::Mapping* m = pick(p.mappings, place)) {
        if (!m->image.empty()) m->image[v % m->image.size()] = std::uint64_t{1} << (v % 64);
        if (v & 0x10000) m->to_enum = static_cast<std::int32_t>((v >> 17) % (count(p.enums) + 1));
      }
      break;
    case kFieldType:
      if (ssd::RecordType* t = pick(p.record_types, place))
        if (ssd::Slot* f = pick(t->fields, v)) f->type = static_cast<ssd::ValueType>((v >> 8) % 13);
      break;
    case kCopyNode:
      if (n && p.nodes.size() < 100000) p.nodes.push_back(*n);
      break;
    case kDepth: if (n) n->a = static_cast<std::int32_t>(v % 66); break;
  }
}

// The program an edit script makes, as bytes with a valid header and checksum.
std::string edited(const std::uint8_t* data, std::size_t size) {
  const auto& standards = ssd::fuzz::standards();
  ssd::Program p = *standards[data[0] % standards.size()];
  for (std::size_t i = 1, k = 0; i + kEditSize <= size && k < kMaxEdits; i += kEditSize, ++k)
    apply(p, data[i], read_u32(data + i) >> 8, read_u32(data + i + 4));
  return ssd::serialize(p);
}

// An artifact's body as it is, under a valid header.
std::string raw(const std::uint8_t* body, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(body), size);
  std::string out(ssd::kArtifactMagic, 4);
  auto put = [&](std::uint64_t v, int width) {
    for (int i = 0; i < width; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
  };
  put(ssd::kArtifactVersion, 4);
  put(size, 8);
  put(ssd::crc32_of(bytes), 4);
  return out + std::string(bytes);
}

}  // namespace

// The standards are compiled before the first input, so that no input is charged with it.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ssd::fuzz::standards();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string bytes = data[0] & 0x80 ? raw(data + 1, size - 1) : edited(data, size);
  std::string error;
  std::optional<ssd::Program> loaded = ssd::deserialize(bytes, &error);
  if (!loaded) {
    if (error.empty()) ssd::fuzz::finding("a refused artifact without a reason");
    return 0;
  }
  auto program = std::make_shared<const ssd::Program>(std::move(*loaded));
  (void)ssd::dump(*program);
  ssd::RecordChecker checker;
  ssd::fuzz::Writers writers;
  checker.add(program);
  for (const std::string& record : ssd::fuzz::sample_records(*program))
    ssd::fuzz::write_every_way(checker.check(record), writers);
  return 0;
}

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                              unsigned int seed) {
  std::minstd_rand rng(seed);
  if (size == 0 || (data[0] & 0x80) || rng() % 4 == 0) return LLVMFuzzerMutate(data, size, max_size);
  const auto& standards = ssd::fuzz::standards();
  const ssd::Program& base = *standards[data[0] % standards.size()];
  std::size_t edits = (size - 1) / kEditSize;
  size = 1 + edits * kEditSize;
  switch (rng() % 8) {
    case 0:  // another program
      data[0] = static_cast<std::uint8_t>(rng() % standards.size());
      return size;
    case 1:  // one edit fewer
      return edits ? size - kEditSize : size;
    default: {  // a new edit, or one rewritten
      std::size_t slot = edits;
      if ((edits && rng() % 3 == 0) || size + kEditSize > max_size || edits >= kMaxEdits) {
        if (!edits) return size;
        slot = rng() % edits;
      } else {
        size += kEditSize;
      }
      std::uint8_t* e = data + 1 + slot * kEditSize;
      const std::uint8_t kind = static_cast<std::uint8_t>(rng() % kKinds);
      // Mostly a place the program has, and values near valid ones.
      const std::size_t places = kind <= kText || kind >= kCopyNode ? base.nodes.size()
                                 : kind <= kSlotRecordType       ? base.slots.size()
                                 : kind <= kRequirementFlags     ? base.requirements.size()
                                                                 : 64;
      const std::uint32_t place = static_cast<std::uint32_t>(rng() % (places ? places : 1));
      std::uint32_t value = static_cast<std::uint32_t>(rng());
      if (kind == kOp) value %= rng() % 8 ? 39 : 40;
      else if (kind == kType || kind == kSlotType) value %= rng() % 8 ? 12 : 13;
      else if (kind >= kNearA && kind <= kNearC) value %= 8;
      e[0] = kind;
      e[1] = static_cast<std::uint8_t>(place), e[2] = static_cast<std::uint8_t>(place >> 8),
      e[3] = static_cast<std::uint8_t>(place >> 16);
      std::memcpy(e + 4, &value, 4);
      return size;
    }
  }
}
