#include "ssd/result.h"

#include "ssd/internal/program.h"
#include "ssd/report.h"

namespace ssd {

namespace {

const Requirement& requirement(const RecordResult& r, const Finding& f) { return r.program->requirements[f.requirement]; }

}  // namespace

std::string_view RecordResult::rule(const Finding& f) const { return requirement(*this, f).rule; }
std::string_view RecordResult::citation(const Finding& f) const { return requirement(*this, f).citation; }
Severity RecordResult::severity(const Finding& f) const { return requirement(*this, f).severity; }
bool RecordResult::attested(const Finding& f) const { return requirement(*this, f).attested; }
std::string_view RecordResult::wording(const Finding& f) const { return requirement(*this, f).act; }
std::string RecordResult::message(const Finding& f, bool english) const { return finding_message(*program, f, english); }

}  // namespace ssd
