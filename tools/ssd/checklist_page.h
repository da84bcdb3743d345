// A ChecklistForm as the official form on a printable A4 page, or as JSON (docs/checklists.md).
#pragma once

#include <string>

#include "checklist.h"
#include "ssd/diagnostics.h"

namespace ssd::cli {

// The official form as its appendix prints it (its own words are the law's, marked lang="kk"), the
// tool's words (where answers came from, the tally, the risk rows) in `lang`.
std::string checklist_html(const ChecklistForm& form, Lang lang);
std::string checklist_json(const ChecklistForm& form);

}  // namespace ssd::cli
