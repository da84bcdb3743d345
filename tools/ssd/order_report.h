// An amending order's changes (OrderView) as text, JSON (contract §7), an HTML page, and the
// comparative table (салыстырма кесте) that accompanies a draft order, as printable A4 HTML.
#pragma once

#include <string>

#include "order_changes.h"

namespace ssd::cli {

// Text and pages in `lang`, of a view made in the same language; JSON of a view made in
// LabelLang::Json.
std::string order_text(const OrderView& view, Lang lang);
std::string order_json(const OrderView& view);
std::string order_html(const OrderView& view, Lang lang);
// `current_label`: the day whose wording is the current one (a draft's --as-of), or "".
std::string order_table(const OrderView& view, const std::string& current_label, Lang lang);

}  // namespace ssd::cli
