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

// "as_of" and "organization": {"id", "name"} as the record gives them, for reports that group
// records; a value of another type is left out here and judged (or not) by the schema.
void read_grouping(const simdjson::dom::object& object, RecordResult& out) {
  std::string_view text;
  if (!object["as_of"].get_string().get(text)) out.as_of.assign(text);
  simdjson::dom::object organization;
  if (object["organization"].get_object().get(organization)) return;
  if (simdjson::dom::element id; !organization["id"].get(id)) {
    if (!id.get_string().get(text)) out.organization_id.assign(text);
    else if (std::int64_t n; !id.get_int64().get(n)) out.organization_id = std::to_string(n);
  }
  if (!organization["name"].get_string().get(text)) out.organization_name.assign(text);
}

}  // namespace

struct RecordChecker::Instrument {
  std::shared_ptr<const Program> program;
  RecordSchema schema;
  Evaluator evaluator;
  std::vector<std::int32_t> computed;  // requirements with a condition, in order
  std::unordered_map<std::string, std::vector<std::int32_t>> attested;  // rule → requirements

  Instrument(std::shared_ptr<const Program> p, const WorkCalendar& calendar)
      : program(std::move(p)), schema(*program), evaluator(*program, calendar) {
    for (size_t i = 0; i < program->requirements.size(); ++i) {
      const Requirement& r = program->requirements[i];
      if (r.attested) attested[r.rule].push_back(static_cast<std::int32_t>(i));
      else computed.push_back(static_cast<std::int32_t>(i));
    }
  }
};

struct RecordChecker::State {
  simdjson::dom::parser parser;
  simdjson::padded_string copy;
  Record record;
  RecordResult result;
};

RecordChecker::RecordChecker(const WorkCalendar& calendar) : state_(std::make_unique<State>()), calendar_(calendar) {}

RecordChecker::RecordChecker(std::shared_ptr<const Library> library)
    : library_(std::move(library)), state_(std::make_unique<State>()), calendar_(library_->calendar()) {
  for (const auto& program : library_->programs()) add(program);
}
RecordChecker::~RecordChecker() = default;

void RecordChecker::add(std::shared_ptr<const Program> program) {
  const std::string id = program->instrument.id;
  instruments_[id] = std::make_unique<Instrument>(std::move(program), calendar_);
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
  out.program = nullptr;
  out.findings.clear();
  out.as_of.clear();
  out.organization_id.clear();
  out.organization_name.clear();
  out.uncertain = -1;
  out.status = RecordStatus::Error;

  // The reason is one line whatever the record held (contract §5): its values are quoted and cut,
  // and no control character gets through.
  auto fail = [&](const std::string& why) -> const RecordResult& {
    out.status = RecordStatus::Error;
    out.error = printable(why);
    out.findings.clear();
    return out;
  };

  simdjson::dom::element doc;
  if (auto error = state_->parser.parse(reinterpret_cast<const uint8_t*>(data), size, false).get(doc);
      error || capacity < size + padding()) {
    return fail(std::string("not valid JSON: ") + simdjson::error_message(error));
  }
  simdjson::dom::object object;
  if (doc.get_object().get(object)) return fail("the record is not a JSON object");
  read_grouping(object, out);

  std::string_view id, standard, as_of;
  if (!object["id"].get_string().get(id)) {
    out.id.assign(id);
    out.has_id = true;
  }
  if (!object["standard"].get_string().get(standard)) {
    out.standard.assign(standard);
    out.has_standard = true;
  }
  if (!out.has_id) return fail("\"id\" is missing or not a string");
  if (!out.has_standard) return fail("\"standard\" is missing or not a string");
  auto it = instruments_.find(out.standard);
  if (it == instruments_.end()) return fail("unknown standard " + in_quotes(out.standard));
  const Instrument& in = *it->second;
  out.program = in.program;
  if (object["as_of"].get_string().get(as_of)) return fail("\"as_of\" is missing or not a string");
  const std::optional<Day> as_of_day = parse_date(as_of);
  if (!as_of_day) return fail("as_of: not a date YYYY-MM-DD: " + in_quotes(as_of));

  rec.id = id;
  rec.standard = standard;
  rec.as_of = *as_of_day;
  if (std::string error = in.schema.decode(object, rec); !error.empty()) return fail(error);

  const Instrument& meta = in;
  const auto& period = meta.program->instrument;
  if (const UncertainPeriod* u = period.uncertain_on(rec.as_of))
    out.uncertain = static_cast<std::int32_t>(u - period.uncertain.data());
  if ((period.in_force_from && rec.as_of < *period.in_force_from) ||
      (period.repealed_from && rec.as_of >= *period.repealed_from)) {
    out.status = RecordStatus::NotInForce;
    return out;
  }

  bool failed = false, missing = false;
  const auto& requirements = in.program->requirements;
  for (std::int32_t i : in.computed) {
    if (!requirements[i].in_force_on(rec.as_of)) continue;  // a wording not yet or no longer in force
    out.findings.push_back(in.evaluator.judge(i, rec));
    failed = failed || out.findings.back().status == FindingStatus::Fail;
    missing = missing || out.findings.back().status == FindingStatus::MissingData;
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
