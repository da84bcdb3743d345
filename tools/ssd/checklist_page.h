// A ChecklistForm as the official form on a printable A4 page, or as JSON (docs/checklists.md).
#pragma once

#include <string>

#include "checklist.h"

namespace ssd::cli {

std::string checklist_html(const ChecklistForm& form);
std::string checklist_json(const ChecklistForm& form);

}  // namespace ssd::cli
