// The C API (ssd.h): a thin layer over Checker; nothing of C++ crosses it.
#include "ssd/ssd.h"

#include <memory>
#include <new>
#include <string>

#include "ssd/artifact.h"
#include "ssd/checker.h"
#include "ssd/report.h"

struct ssd_checker {
  ssd::Checker checker;
  const ssd::RecordResult* last = nullptr;
  std::string json;
  std::string error;
};

namespace {

const ssd::Finding* finding(const ssd_checker* c, size_t i) {
  return c && c->last && i < c->last->findings.size() ? &c->last->findings[i] : nullptr;
}

const ssd::Requirement* requirement(const ssd_checker* c, size_t i) {
  const ssd::Finding* f = finding(c, i);
  return f ? &c->last->program->requirements[f->requirement] : nullptr;
}

}  // namespace

extern "C" {

ssd_checker* ssd_checker_new(void) { return new (std::nothrow) ssd_checker(); }

void ssd_checker_free(ssd_checker* checker) { delete checker; }

int ssd_checker_load(ssd_checker* c, const char* path) {
  if (!c || !path) return -1;
  std::optional<ssd::Program> program = ssd::load_artifact(path, &c->error);
  if (!program) return -1;
  if (c->error = ssd::incomplete_reason(*program); !c->error.empty()) return -1;
  c->checker.add(std::make_shared<const ssd::Program>(std::move(*program)));
  c->error.clear();
  return 0;
}

const char* ssd_last_error(const ssd_checker* c) { return c ? c->error.c_str() : "no checker"; }

const char* ssd_check(ssd_checker* c, const char* json, size_t length) {
  if (!c || !json) return "error";
  c->last = &c->checker.check(std::string_view(json, length));
  c->json.clear();
  ssd::append_jsonl(*c->last, c->json);
  if (!c->json.empty()) c->json.pop_back();  // the newline
  return ssd::to_string(c->last->status);
}

const char* ssd_result_json(const ssd_checker* c) { return c && c->last ? c->json.c_str() : ""; }
const char* ssd_result_error(const ssd_checker* c) { return c && c->last ? c->last->error.c_str() : ""; }
size_t ssd_finding_count(const ssd_checker* c) { return c && c->last ? c->last->findings.size() : 0; }

const char* ssd_finding_rule(const ssd_checker* c, size_t i) {
  const ssd::Requirement* r = requirement(c, i);
  return r ? r->rule.c_str() : nullptr;
}

const char* ssd_finding_status(const ssd_checker* c, size_t i) {
  const ssd::Finding* f = finding(c, i);
  return f ? ssd::to_string(f->status) : nullptr;
}

const char* ssd_finding_severity(const ssd_checker* c, size_t i) {
  const ssd::Requirement* r = requirement(c, i);
  return r ? ssd::severity_code(r->severity) : nullptr;
}

const char* ssd_finding_citation(const ssd_checker* c, size_t i) {
  const ssd::Requirement* r = requirement(c, i);
  return r ? r->citation.c_str() : nullptr;
}

}  // extern "C"
