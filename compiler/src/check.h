// Type checking: gives every expression of an instrument its type and reports what does not fit
// (a date compared with an area, a term in working days added to a number, ...); checks each
// requirement's citation, severity and condition, and each example's expectations.
#pragma once

#include "scope.h"
#include "ssd/diagnostics.h"

namespace ssd {

void check(Scope& scope, Diagnostics& diags);

// "N units after the first official publication" counts calendar days (or weeks) only.
void check_publication_unit(const ast::Metadata& meta, const SourceFile& file, Diagnostics& diags);

// The first day the instrument is in force, as its metadata gives it (nullopt: not given).
std::optional<Day> first_day_in_force(const ast::Metadata& meta);

// The days in which a day that depends on an unknown publication may really fall, from its
// earliest: [earliest, earliest + publication term). Nullopt where the act gives no publication
// term (жариялау_мерзімі), or its publication date.
struct Uncertain {
  Day from, to;  // to: the first day no longer uncertain
};
std::optional<Uncertain> uncertain_start(const ast::Metadata& meta);
std::optional<Uncertain> uncertain_repeal(const ast::Metadata& meta);

// The words of example expectations: a finding's status, or a record's.
std::optional<std::string> finding_status_code(const std::string& word);  // "pass", ...
std::optional<std::string> record_status_code(const std::string& word);   // "compliant", ...

}  // namespace ssd
