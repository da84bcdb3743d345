// The C API (ssd.h): a thin layer over Library and RecordChecker. Nothing of C++ crosses it: every
// entry point catches what the layer below may throw and turns it into an error code.
#include "ssd/ssd.h"

#include <memory>
#include <new>
#include <string>
#include <vector>

#include "ssd/internal/program.h"
#include "ssd/report.h"
#include "ssd/runtime.h"

struct ssd_library {
  std::shared_ptr<const ssd::Library> library;
  std::vector<std::string> in_force_from, repealed_from;  // "" where none
};

struct ssd_checker {
  explicit ssd_checker(std::shared_ptr<const ssd::Library> library) : checker(std::move(library)) {}
  ssd::RecordChecker checker;
  const ssd::RecordResult* last = nullptr;
  // Rendered on request, for the last result: its JSON line, and messages by finding.
  std::string json;
  std::vector<std::string> messages[2];
};

namespace {

struct ThreadError {
  int code = SSD_OK;
  std::string message;
};
thread_local ThreadError last_error;

void succeed() {
  last_error.code = SSD_OK;
  last_error.message.clear();
}

void fail(int code, std::string message) {
  last_error.code = code;
  last_error.message = std::move(message);
}

// Runs `body`, turning an exception into an error of this thread and `failed` as the value.
template <typename T, typename Body>
T guarded(T failed, Body body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    fail(SSD_ERROR_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    fail(SSD_ERROR_INTERNAL, e.what());
  } catch (...) {
    fail(SSD_ERROR_INTERNAL, "an unknown failure");
  }
  return failed;
}

const ssd::Finding* finding(const ssd_checker* c, size_t i) {
  return c && c->last && i < c->last->findings.size() ? &c->last->findings[i] : nullptr;
}

const ssd::Requirement* requirement(const ssd_checker* c, size_t i) {
  const ssd::Finding* f = finding(c, i);
  return f ? &c->last->program->requirements[f->requirement] : nullptr;
}

bool valid_lang(int lang) { return lang == SSD_KK || lang == SSD_EN; }

}  // namespace

extern "C" {

const char* ssd_version(void) { return SSD_VERSION_STRING; }
int ssd_errcode(void) { return last_error.code; }
const char* ssd_errmsg(void) { return last_error.message.c_str(); }

const char* ssd_record_status_name(int s) {
  return s >= SSD_COMPLIANT && s <= SSD_RECORD_ERROR ? ssd::to_string(static_cast<ssd::RecordStatus>(s)) : nullptr;
}

const char* ssd_finding_status_name(int s) {
  return s >= SSD_PASS && s <= SSD_MISSING_DATA ? ssd::to_string(static_cast<ssd::FindingStatus>(s)) : nullptr;
}

ssd_library* ssd_library_open(const char* path) {
  if (!path) {
    fail(SSD_ERROR_ARGUMENT, "no path");
    return nullptr;
  }
  return guarded<ssd_library*>(nullptr, [&]() -> ssd_library* {
    std::string error;
    ssd::LoadFailure failure{};
    auto library = ssd::Library::load(path, &error, &failure);
    if (!library) {
      fail(failure == ssd::LoadFailure::Io ? SSD_ERROR_IO
           : failure == ssd::LoadFailure::Incomplete ? SSD_ERROR_INCOMPLETE : SSD_ERROR_FORMAT, error);
      return nullptr;
    }
    auto out = std::make_unique<ssd_library>();
    for (const ssd::InstrumentInfo& in : library->instruments()) {
      out->in_force_from.push_back(in.in_force_from ? ssd::format_date(*in.in_force_from) : "");
      out->repealed_from.push_back(in.repealed_from ? ssd::format_date(*in.repealed_from) : "");
    }
    out->library = std::move(library);
    succeed();
    return out.release();
  });
}

void ssd_library_free(ssd_library* library) { delete library; }

size_t ssd_library_count(const ssd_library* l) { return l ? l->library->instruments().size() : 0; }

const char* ssd_library_id(const ssd_library* l, size_t i) {
  return l && i < l->library->instruments().size() ? l->library->instruments()[i].id.c_str() : nullptr;
}

const char* ssd_library_title(const ssd_library* l, size_t i) {
  return l && i < l->library->instruments().size() ? l->library->instruments()[i].title.c_str() : nullptr;
}

const char* ssd_library_in_force_from(const ssd_library* l, size_t i) {
  return l && i < l->in_force_from.size() && !l->in_force_from[i].empty() ? l->in_force_from[i].c_str() : nullptr;
}

const char* ssd_library_repealed_from(const ssd_library* l, size_t i) {
  return l && i < l->repealed_from.size() && !l->repealed_from[i].empty() ? l->repealed_from[i].c_str() : nullptr;
}

ssd_checker* ssd_checker_new(const ssd_library* library) {
  if (!library) {
    fail(SSD_ERROR_ARGUMENT, "no library");
    return nullptr;
  }
  return guarded<ssd_checker*>(nullptr, [&] {
    auto* c = new ssd_checker(library->library);
    succeed();
    return c;
  });
}

void ssd_checker_free(ssd_checker* checker) { delete checker; }

int ssd_check(ssd_checker* c, const char* json, size_t length) {
  if (!c || (!json && length)) {
    fail(SSD_ERROR_ARGUMENT, !c ? "no checker" : "no record");
    return -1;
  }
  c->last = nullptr;
  return guarded(-1, [&] {
    c->json.clear();
    for (auto& m : c->messages) m.clear();
    c->last = &c->checker.check(std::string_view(json ? json : "", length));
    succeed();
    return static_cast<int>(c->last->status);
  });
}

int ssd_result_status(const ssd_checker* c) { return c && c->last ? static_cast<int>(c->last->status) : -1; }

const char* ssd_result_id(const ssd_checker* c) {
  return c && c->last && c->last->has_id ? c->last->id.c_str() : nullptr;
}

const char* ssd_result_standard(const ssd_checker* c) {
  return c && c->last && c->last->has_standard ? c->last->standard.c_str() : nullptr;
}

const char* ssd_result_error(const ssd_checker* c) { return c && c->last ? c->last->error.c_str() : ""; }

const char* ssd_result_json(ssd_checker* c, int lang) {
  if (!c || !valid_lang(lang)) {
    fail(SSD_ERROR_ARGUMENT, !c ? "no checker" : "the language is neither SSD_KK nor SSD_EN");
    return nullptr;
  }
  if (!c->last) return "";
  return guarded<const char*>(nullptr, [&] {
    c->json.clear();
    ssd::append_jsonl(*c->last, c->json, lang == SSD_EN);
    if (!c->json.empty()) c->json.pop_back();  // the newline
    succeed();
    return c->json.c_str();
  });
}

size_t ssd_finding_count(const ssd_checker* c) { return c && c->last ? c->last->findings.size() : 0; }

const char* ssd_finding_rule(const ssd_checker* c, size_t i) {
  const ssd::Requirement* r = requirement(c, i);
  return r ? r->rule.c_str() : nullptr;
}

int ssd_finding_status(const ssd_checker* c, size_t i) {
  const ssd::Finding* f = finding(c, i);
  return f ? static_cast<int>(f->status) : -1;
}

const char* ssd_finding_severity(const ssd_checker* c, size_t i) {
  const ssd::Requirement* r = requirement(c, i);
  return r ? ssd::severity_code(r->severity) : nullptr;
}

const char* ssd_finding_citation(const ssd_checker* c, size_t i) {
  const ssd::Requirement* r = requirement(c, i);
  return r ? r->citation.c_str() : nullptr;
}

int ssd_finding_attested(const ssd_checker* c, size_t i) {
  const ssd::Requirement* r = requirement(c, i);
  return r ? r->attested : -1;
}

const char* ssd_finding_message(ssd_checker* c, size_t i, int lang) {
  const ssd::Finding* f = finding(c, i);
  if (!f || !valid_lang(lang)) return nullptr;
  return guarded<const char*>(nullptr, [&] {
    std::vector<std::string>& messages = c->messages[lang];
    if (messages.empty()) messages.resize(c->last->findings.size());
    if (messages[i].empty()) messages[i] = c->last->message(*f, lang == SSD_EN);
    succeed();
    return messages[i].c_str();
  });
}

const char* ssd_finding_explanation(const ssd_checker* c, size_t i, int lang) {
  const ssd::Finding* f = finding(c, i);
  if (!f || !valid_lang(lang)) return nullptr;
  return (lang == SSD_EN ? f->detail_en : f->detail_kk).c_str();
}

}  // extern "C"
