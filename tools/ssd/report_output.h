// What `ssd report` writes: the figures (org_figures.h) as JSON (docs/checklists.md), or as one
// self-contained HTML page with charts and the tables of their numbers, that prints on A4.
#pragma once

#include <string>

#include "org_figures.h"

namespace ssd::cli {

std::string report_json(const OrganizationsReport& report);
std::string report_html(const OrganizationsReport& report);

}  // namespace ssd::cli
