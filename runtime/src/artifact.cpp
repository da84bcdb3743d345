#include "ssd/internal/artifact.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "ssd/internal/verify.h"

namespace ssd {

namespace {

// Little-endian fixed-width integers, length-prefixed strings and vectors.
class Writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { for (int i = 0; i < 4; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i))); }
  void u64(std::uint64_t v) { for (int i = 0; i < 8; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i))); }
  void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
  void f64(double v) { std::uint64_t bits; std::memcpy(&bits, &v, 8); u64(bits); }
  void str(const std::string& s) { u32(static_cast<std::uint32_t>(s.size())); out_ += s; }
  void opt_day(const std::optional<Day>& d) { u8(d.has_value()); i32(d.value_or(0)); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  std::uint8_t u8() {
    if (pos_ >= in_.size()) { ok_ = false; return 0; }
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  std::uint32_t u32() { std::uint32_t v = 0; for (int i = 0; i < 4; ++i) v |= std::uint32_t{u8()} << (8 * i); return v; }
  std::uint64_t u64() { std::uint64_t v = 0; for (int i = 0; i < 8; ++i) v |= std::uint64_t{u8()} << (8 * i); return v; }
  std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
  double f64() { const std::uint64_t bits = u64(); double v; std::memcpy(&v, &bits, 8); return v; }
  std::string str() {
    const std::uint32_t n = u32();
    if (!ok_ || n > in_.size() - pos_) { ok_ = false; return {}; }
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::optional<Day> opt_day() { const bool has = u8(); const Day d = i32(); return has ? std::optional<Day>(d) : std::nullopt; }
  // A count of elements each at least `min_size` bytes long: bounded by what is left.
  std::uint32_t count(size_t min_size) {
    const std::uint32_t n = u32();
    if (!ok_ || n > (in_.size() - pos_) / min_size) { ok_ = false; return 0; }
    return n;
  }
  bool at_end() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

void write_program(Writer& w, const Program& p) {
  const Instrument& in = p.instrument;
  for (const std::string* s : {&in.id, &in.title, &in.short_name, &in.approved, &in.wording,
                               &in.in_force_note, &in.repealed_note, &p.source_name})
    w.str(*s);
  w.opt_day(in.in_force_from);
  w.u8(in.in_force_estimated);
  w.opt_day(in.repealed_from);
  w.u32(static_cast<std::uint32_t>(p.enums.size()));
  for (const EnumDef& e : p.enums) {
    w.str(e.name);
    w.u8(e.open);
    w.u32(static_cast<std::uint32_t>(e.members.size()));
    for (const EnumMember& m : e.members) { w.str(m.name); w.str(m.code); w.str(m.label); w.str(m.rule); }
  }
  w.u32(static_cast<std::uint32_t>(p.mappings.size()));
  for (const Mapping& m : p.mappings) {
    w.str(m.name);
    w.i32(m.from_enum);
    w.i32(m.to_enum);
    w.u32(static_cast<std::uint32_t>(m.image.size()));
    for (std::uint64_t bits : m.image) w.u64(bits);
  }
  w.u32(static_cast<std::uint32_t>(in.notes.size()));
  for (const std::string& note : in.notes) w.str(note);
  w.str(in.partial);
  w.u32(static_cast<std::uint32_t>(in.orders_left_out.size()));
  for (const std::string& order : in.orders_left_out) w.str(order);
  w.u32(static_cast<std::uint32_t>(in.uncertain.size()));
  for (const UncertainPeriod& u : in.uncertain) { w.i32(u.from); w.i32(u.to); w.str(u.why_kk); w.str(u.why_en); }
  auto write_slot = [&](const Slot& s) {
    w.str(s.name); w.str(s.json_path); w.u8(static_cast<std::uint8_t>(s.type)); w.i32(s.enum_id); w.i32(s.record_type);
    w.u32(static_cast<std::uint32_t>(s.closed.size()));
    for (const std::string& key : s.closed) w.str(key);
    w.str(s.closed_group);
  };
  w.u32(static_cast<std::uint32_t>(p.slots.size()));
  for (const Slot& s : p.slots) write_slot(s);
  w.u32(static_cast<std::uint32_t>(p.record_types.size()));
  for (const RecordType& t : p.record_types) {
    w.str(t.name);
    w.u32(static_cast<std::uint32_t>(t.fields.size()));
    for (const Slot& s : t.fields) write_slot(s);
  }
  w.u32(static_cast<std::uint32_t>(p.nodes.size()));
  for (const Node& n : p.nodes) {
    w.u8(static_cast<std::uint8_t>(n.op));
    w.u8(static_cast<std::uint8_t>(n.type));
    w.u8(static_cast<std::uint8_t>(n.unit));
    w.i32(n.a); w.i32(n.b); w.i32(n.c);
    w.f64(n.num);
    w.u64(n.bits);
    w.i32(n.text);
    w.i32(n.line);
  }
  w.u32(static_cast<std::uint32_t>(p.requirements.size()));
  for (const Requirement& r : p.requirements) {
    w.str(r.name); w.i32(r.provision); w.str(r.rule); w.str(r.citation);
    w.u8(static_cast<std::uint8_t>(r.severity));
    w.u8(r.attested);
    w.i32(r.root);
    w.str(r.description_kk); w.str(r.description_en);
    w.i32(r.line);
    w.u32(static_cast<std::uint32_t>(r.inspects.size()));
    for (const auto& [instrument, rule] : r.inspects) { w.str(instrument); w.str(rule); }
    w.opt_day(r.from); w.opt_day(r.until); w.str(r.act); w.str(r.source); w.str(r.group); w.str(r.group_label);
  }
  w.u32(static_cast<std::uint32_t>(p.provisions.size()));
  for (const Provision& q : p.provisions) {
    w.u8(static_cast<std::uint8_t>(q.kind));
    w.str(q.rule); w.str(q.number); w.i32(q.parent); w.str(q.citation); w.str(q.text); w.str(q.text_from); w.str(q.reason); w.u8(q.to_do);
    w.u32(static_cast<std::uint32_t>(q.notes.size()));
    for (const std::string& note : q.notes) w.str(note);
    w.opt_day(q.from); w.opt_day(q.until); w.str(q.act); w.str(q.source); w.str(q.file);
    w.i32(q.line); w.i32(q.column); w.i32(q.text_line); w.i32(q.text_column);
  }
  for (const auto* list : {&p.meta_source, &p.declarations_source}) {
    w.u32(static_cast<std::uint32_t>(list->size()));
    for (const std::string& text : *list) w.str(text);
  }
  w.u32(static_cast<std::uint32_t>(p.texts.size()));
  for (const std::string& t : p.texts) w.str(t);
}

std::optional<Program> read_program(Reader& r) {
  Program p;
  Instrument& in = p.instrument;
  for (std::string* s : {&in.id, &in.title, &in.short_name, &in.approved, &in.wording,
                         &in.in_force_note, &in.repealed_note, &p.source_name})
    *s = r.str();
  in.in_force_from = r.opt_day();
  in.in_force_estimated = r.u8();
  in.repealed_from = r.opt_day();
  p.enums.resize(r.count(9));
  for (EnumDef& e : p.enums) {
    e.name = r.str();
    e.open = r.u8();
    e.members.resize(r.count(16));
    for (EnumMember& m : e.members) { m.name = r.str(); m.code = r.str(); m.label = r.str(); m.rule = r.str(); }
  }
  p.mappings.resize(r.count(16));
  for (Mapping& m : p.mappings) {
    m.name = r.str();
    m.from_enum = r.i32();
    m.to_enum = r.i32();
    m.image.resize(r.count(8));
    for (std::uint64_t& bits : m.image) bits = r.u64();
  }
  in.notes.resize(r.count(4));
  for (std::string& note : in.notes) note = r.str();
  in.partial = r.str();
  in.orders_left_out.resize(r.count(4));
  for (std::string& order : in.orders_left_out) order = r.str();
  in.uncertain.resize(r.count(16));
  for (UncertainPeriod& u : in.uncertain) { u.from = r.i32(); u.to = r.i32(); u.why_kk = r.str(); u.why_en = r.str(); }
  auto read_slot = [&](Slot& s) {
    s.name = r.str(); s.json_path = r.str(); s.type = static_cast<ValueType>(r.u8()); s.enum_id = r.i32(); s.record_type = r.i32();
    s.closed.resize(r.count(4));
    for (std::string& key : s.closed) key = r.str();
    s.closed_group = r.str();
  };
  p.slots.resize(r.count(25));
  for (Slot& s : p.slots) read_slot(s);
  p.record_types.resize(r.count(8));
  for (RecordType& t : p.record_types) {
    t.name = r.str();
    t.fields.resize(r.count(25));
    for (Slot& s : t.fields) read_slot(s);
  }
  p.nodes.resize(r.count(39));
  for (Node& n : p.nodes) {
    n.op = static_cast<Op>(r.u8());
    n.type = static_cast<ValueType>(r.u8());
    n.unit = static_cast<TimeUnit>(r.u8());
    n.a = r.i32(); n.b = r.i32(); n.c = r.i32();
    n.num = r.f64();
    n.bits = r.u64();
    n.text = r.i32();
    n.line = r.i32();
  }
  p.requirements.resize(r.count(48));
  for (Requirement& q : p.requirements) {
    q.name = r.str(); q.provision = r.i32(); q.rule = r.str(); q.citation = r.str();
    q.severity = static_cast<Severity>(r.u8());
    q.attested = r.u8();
    q.root = r.i32();
    q.description_kk = r.str(); q.description_en = r.str();
    q.line = r.i32();
    q.inspects.resize(r.count(8));
    for (auto& [instrument, rule] : q.inspects) { instrument = r.str(); rule = r.str(); }
    q.from = r.opt_day(); q.until = r.opt_day(); q.act = r.str(); q.source = r.str();
    q.group = r.str(); q.group_label = r.str();
  }
  p.provisions.resize(r.count(63));
  for (Provision& q : p.provisions) {
    q.kind = static_cast<ProvisionKind>(r.u8());
    q.rule = r.str(); q.number = r.str(); q.parent = r.i32(); q.citation = r.str(); q.text = r.str(); q.text_from = r.str(); q.reason = r.str(); q.to_do = r.u8() != 0;
    q.notes.resize(r.count(4));
    for (std::string& note : q.notes) note = r.str();
    q.from = r.opt_day(); q.until = r.opt_day(); q.act = r.str(); q.source = r.str(); q.file = r.str();
    q.line = r.i32(); q.column = r.i32(); q.text_line = r.i32(); q.text_column = r.i32();
  }
  for (auto* list : {&p.meta_source, &p.declarations_source}) {
    list->resize(r.count(4));
    for (std::string& text : *list) text = r.str();
  }
  p.texts.resize(r.count(4));
  for (std::string& t : p.texts) t = r.str();
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return p;
}

constexpr size_t kHeaderSize = 4 + 4 + 8 + 4;

}  // namespace

std::uint32_t crc32_of(std::string_view bytes) {
  return static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

std::string serialize(const Program& program) {
  Writer body;
  write_program(body, program);
  Writer w;
  w.bytes().append(kArtifactMagic, 4);
  w.u32(kArtifactVersion);
  w.u64(body.bytes().size());
  w.u32(crc32_of(body.bytes()));
  return w.bytes() + body.bytes();
}

std::optional<Program> deserialize(std::string_view bytes, std::string* error, Checksum checksum_use) {
  auto fail = [&](const std::string& why) -> std::optional<Program> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (bytes.size() < kHeaderSize || bytes.substr(0, 4) != std::string_view(kArtifactMagic, 4))
    return fail("not an ssd artifact (no SSDC header)");
  Reader header(bytes.substr(4, kHeaderSize - 4));
  const std::uint32_t version = header.u32();
  const std::uint64_t length = header.u64();
  const std::uint32_t checksum = header.u32();
  if (version != kArtifactVersion)
    return fail("artifact format version " + std::to_string(version) + ", this ssd reads version " +
                std::to_string(kArtifactVersion) + ": compile the .ssd file again");
  const std::string_view body = bytes.substr(kHeaderSize);
  if (body.size() != length) return fail("the artifact is truncated or has trailing bytes");
  if (checksum_use == Checksum::Check && crc32_of(body) != checksum)
    return fail("the artifact is corrupt (checksum mismatch)");
  Reader r(body);
  std::optional<Program> p = read_program(r);
  if (!p) return fail("the artifact is malformed: its body does not read as a program");
  // The evaluator trusts what it runs: a program read from bytes is checked before it is used.
  if (std::string why = verify(*p); !why.empty()) return fail("the artifact is malformed: " + why);
  return p;
}

bool save_artifact(const Program& program, const std::string& path, std::string* error) {
  const std::string bytes = serialize(program);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();  // the last block reaches the file here, or fails here
  if (!out) {
    if (error) *error = "cannot write " + path + (errno ? std::string(": ") + std::strerror(errno) : "");
    return false;
  }
  return true;
}

std::optional<Program> load_artifact(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = "cannot open " + path;
    return std::nullopt;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return deserialize(buf.str(), error);
}

std::string incomplete_reason(const Program& program) {
  const Instrument& in = program.instrument;
  if (!in.orders_left_out.empty()) {
    std::string orders;
    for (const std::string& order : in.orders_left_out) orders += (orders.empty() ? "" : ", ") + order;
    return in.id + " was compiled alone, without the amending orders " + orders +
           ": compile it with its standards folder (ssd compile --standards DIR)";
  }
  if (program.requirements.empty())
    return in.id + " has no requirement: it would find every record compliant";
  return "";
}

}  // namespace ssd
