#include "ssd/runtime.h"

#include <simdjson.h>

#include <algorithm>
#include <unordered_map>

#include "evaluator.h"
#include "record.h"
#include "ssd/internal/program.h"
#include "ssd/internal/text.h"

namespace ssd {

namespace {

// The fields read of every record — "id", "standard", "as_of" and "organization" — found in one
// pass over its keys, not searched by name one by one. Of a key given twice the first counts, as
// a search by name finds it.
struct Head {
  simdjson::dom::element id, standard, as_of, organization;
  bool has_id = false, has_standard = false, has_as_of = false, has_organization = false;

  explicit Head(const simdjson::dom::object& object) {
    for (const simdjson::dom::key_value_pair field : object) {
      const std::string_view key = field.key;
      if (key == "id") take(id, has_id, field.value);
      else if (key == "standard") take(standard, has_standard, field.value);
      else if (key == "as_of") take(as_of, has_as_of, field.value);
      else if (key == "organization") take(organization, has_organization, field.value);
    }
  }
  static void take(simdjson::dom::element& to, bool& has, const simdjson::dom::element& value) {
    if (!has) to = value;
    has = true;
  }
  // The field's text, when it is there and a string.
  static bool text(const simdjson::dom::element& e, bool has, std::string_view& out) {
    return has && !e.get_string().get(out);
  }
};

// "as_of" and "organization": {"id", "name"} as the record gives them, for reports that group
// records; a value of another type is left out here and judged (or not) by the schema.
void read_grouping(const Head& head, RecordResult& out) {
  std::string_view text;
  if (Head::text(head.as_of, head.has_as_of, text)) out.as_of.assign(text);
  simdjson::dom::object organization;
  if (!head.has_organization || head.organization.get_object().get(organization)) return;
  if (simdjson::dom::element id; !organization["id"].get(id)) {
    if (!id.get_string().get(text)) out.organization_id.assign(text);
    else if (std::int64_t n; !id.get_int64().get(n)) out.organization_id = std::to_string(n);
  }
  if (!organization["name"].get_string().get(text)) out.organization_name.assign(text);
}

}  // namespace

// What checking against one program takes, made when the first record names it: a run that
// meets few instruments does not build the others' key tables.
struct Prepared {
  RecordSchema schema;
  Evaluator evaluator;
  std::vector<std::int32_t> computed;  // requirements with a condition, in order
  std::unordered_map<std::string, std::vector<std::int32_t>> attested;  // rule → requirements

  Prepared(const Program& program, const WorkCalendar& calendar) : schema(program), evaluator(program, calendar) {
    for (size_t i = 0; i < program.requirements.size(); ++i) {
      const Requirement& r = program.requirements[i];
      if (r.attested) attested[r.rule].push_back(static_cast<std::int32_t>(i));
      else computed.push_back(static_cast<std::int32_t>(i));
    }
  }
};

struct RecordChecker::Instrument {
  std::shared_ptr<const Program> program;
  std::unique_ptr<Prepared> prepared;

  const Prepared& prepare(const WorkCalendar& calendar) {
    if (!prepared) prepared = std::make_unique<Prepared>(*program, calendar);
    return *prepared;
  }
};

struct RecordChecker::State {
  simdjson::dom::parser parser;
  simdjson::padded_string copy;
  Record record;
  RecordResult result;
  std::vector<std::string> spare;  // explanations' strings of past results, cleared, for reuse

  // The findings of the last result cleared, their explanations' memory kept.
  void clear_findings() {
    for (Finding& f : result.findings)
      for (std::string* s : {&f.detail_kk, &f.detail_en})
        if (s->capacity() > std::string().capacity()) spare.push_back(std::move(*s));
    result.findings.clear();
  }
  std::string take_spare() {
    if (spare.empty()) return {};
    std::string s = std::move(spare.back());
    spare.pop_back();
    s.clear();
    return s;
  }
};

RecordChecker::RecordChecker(const WorkCalendar& calendar) : state_(std::make_unique<State>()), calendar_(calendar) {}

RecordChecker::RecordChecker(std::shared_ptr<const Library> library)
    : library_(std::move(library)), state_(std::make_unique<State>()), calendar_(library_->calendar()) {
  for (const auto& program : library_->programs()) add(program);
}
RecordChecker::~RecordChecker() = default;

void RecordChecker::add(std::shared_ptr<const Program> program) {
  const std::string id = program->instrument.id;
  instruments_[id] = std::make_unique<Instrument>(Instrument{std::move(program), nullptr});
}

const Program* RecordChecker::find(std::string_view id) const {
  auto it = instruments_.find(std::string(id));
  return it == instruments_.end() ? nullptr : it->second->program.get();
}

size_t RecordChecker::padding() { return simdjson::SIMDJSON_PADDING; }

const RecordResult& RecordChecker::check(std::string_view json) {
  state_->copy = simdjson::padded_string(json);
  return check_padded(state_->copy.data(), state_->copy.size(), state_->copy.size() + padding());
}

const RecordResult& RecordChecker::check_padded(const char* data, size_t size, size_t capacity) {
  RecordResult& out = state_->result;
  Record& rec = state_->record;
  out.id.clear();
  out.has_id = out.has_standard = false;
  out.standard.clear();
  out.error.clear();
  // The program is kept from the last record, and replaced only when this one names another: a
  // reference count changing hands on every record is a cache line that threads checking the same
  // instrument would pass back and forth.
  bool named = false;  // the record names a known instrument
  state_->clear_findings();
  out.as_of.clear();
  out.organization_id.clear();
  out.organization_name.clear();
  out.uncertain = -1;
  out.unknown_attestations.clear();
  out.status = RecordStatus::Error;

  // The reason is one line whatever the record held (contract §5): its values are quoted and cut,
  // and no control character gets through.
  auto fail = [&](const std::string& why) -> const RecordResult& {
    if (!named) out.program = nullptr;
    out.status = RecordStatus::Error;
    out.error = printable(why);
    return out;
  };

  simdjson::dom::element doc;
  if (auto error = state_->parser.parse(reinterpret_cast<const uint8_t*>(data), size, false).get(doc);
      error || capacity < size + padding()) {
    return fail(std::string("not valid JSON: ") + simdjson::error_message(error));
  }
  simdjson::dom::object object;
  if (doc.get_object().get(object)) return fail("the record is not a JSON object");
  const Head head(object);
  read_grouping(head, out);

  std::string_view id, standard, as_of;
  if (Head::text(head.id, head.has_id, id)) {
    out.id.assign(id);
    out.has_id = true;
  }
  if (Head::text(head.standard, head.has_standard, standard)) {
    out.standard.assign(standard);
    out.has_standard = true;
  }
  if (!out.has_id) return fail("\"id\" is missing or not a string");
  if (!out.has_standard) return fail("\"standard\" is missing or not a string");
  auto it = instruments_.find(out.standard);
  if (it == instruments_.end()) return fail("unknown standard " + in_quotes(out.standard));
  Instrument& instrument = *it->second;
  if (out.program != instrument.program) out.program = instrument.program;
  named = true;
  const Program& program = *instrument.program;
  if (!Head::text(head.as_of, head.has_as_of, as_of)) return fail("\"as_of\" is missing or not a string");
  const std::optional<Day> as_of_day = parse_date(as_of);
  if (!as_of_day) return fail("as_of: not a date YYYY-MM-DD: " + in_quotes(as_of));

  rec.id = id;
  rec.standard = standard;
  rec.as_of = *as_of_day;
  const Prepared& in = instrument.prepare(calendar_);
  if (std::string error = in.schema.decode(object, rec); !error.empty()) return fail(error);

  for (const auto& [rule, answer] : rec.attestations)
    if (!in.attested.contains(std::string(rule)) &&
        std::find(out.unknown_attestations.begin(), out.unknown_attestations.end(), rule) == out.unknown_attestations.end())
      out.unknown_attestations.emplace_back(rule);

  const auto& period = program.instrument;
  if (const UncertainPeriod* u = period.uncertain_on(rec.as_of))
    out.uncertain = static_cast<std::int32_t>(u - period.uncertain.data());
  if ((period.in_force_from && rec.as_of < *period.in_force_from) ||
      (period.repealed_from && rec.as_of >= *period.repealed_from)) {
    out.status = RecordStatus::NotInForce;
    return out;
  }

  bool failed = false, missing = false;
  const auto& requirements = program.requirements;
  for (std::int32_t i : in.computed) {
    if (!requirements[i].in_force_on(rec.as_of)) continue;  // a wording not yet or no longer in force
    const FindingStatus status = in.evaluator.judge(i, rec);
    Finding& f = out.findings.emplace_back(Finding{i, status, {}, {}});
    failed = failed || status == FindingStatus::Fail;
    missing = missing || status == FindingStatus::MissingData;
    if (explanations_ != Explanations::None && status != FindingStatus::Pass) {
      const bool english = explanations_ == Explanations::KazakhAndEnglish;
      f.detail_kk = state_->take_spare();
      if (english) f.detail_en = state_->take_spare();
      in.evaluator.explain(i, status, rec, f.detail_kk, english ? &f.detail_en : nullptr);
    }
  }
  // An attested requirement is reported only where the record carries the inspector's answer.
  if (!rec.attestations.empty()) {
    for (size_t k = 0; k < rec.attestations.size(); ++k) {
      const auto& [rule, answer] = rec.attestations[k];
      auto it = in.attested.find(std::string(rule));
      if (it == in.attested.end()) continue;
      // A rule answered twice in one record: the first answer stands.
      bool repeated = false;
      for (size_t j = 0; j < k && !repeated; ++j) repeated = rec.attestations[j].first == rule;
      if (repeated) continue;
      const FindingStatus s = answer == Attestation::Compliant ? FindingStatus::Pass
                            : answer == Attestation::NonCompliant ? FindingStatus::Fail
                            : FindingStatus::NotApplicable;
      for (std::int32_t i : it->second) {
        if (!requirements[i].in_force_on(rec.as_of)) continue;
        out.findings.push_back({i, s, {}, {}});
        failed = failed || s == FindingStatus::Fail;
      }
    }
    std::sort(out.findings.begin(), out.findings.end(),
              [](const Finding& a, const Finding& b) { return a.requirement < b.requirement; });
  }
  out.status = failed ? RecordStatus::NonCompliant : missing ? RecordStatus::Incomplete : RecordStatus::Compliant;
  return out;
}

}  // namespace ssd
