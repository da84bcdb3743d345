// What `ssd report` writes: the figures (org_figures.h) as JSON (docs/checklists.md), or as one
// self-contained HTML page with charts and the tables of their numbers, that prints on A4.
#pragma once

#include <cstdint>
#include <string>

#include "org_figures.h"

namespace ssd::cli {

std::string report_json(const OrganizationsReport& report);

// `sections`: how many organisations, the first of the ranking by share, get a section of their
// own (all are in the rankings); a page of hundreds of sections is thousands of pages in print.
// The page's words are in `lang`; the law's, the standards' and the organisations' as they are.
std::string report_html(const OrganizationsReport& report, Lang lang, size_t sections = SIZE_MAX);

}  // namespace ssd::cli
