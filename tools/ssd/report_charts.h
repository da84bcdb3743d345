// The charts of the report page as Vega-Lite specifications (JSON text, the data inline), drawn in
// the page by the library of chart_library.h. Each takes the same figures as the table printed
// beside it, and the language of the page.
#pragma once

#include <string>
#include <vector>

#include "org_figures.h"
#include "ssd/diagnostics.h"

namespace ssd::cli {

// How many bars a ranking chart shows; its table lists all.
inline constexpr size_t kChartBars = 25;

// Organisations (in rank order) by the share of non-compliant records.
std::string share_ranking_chart(const std::vector<const OrganizationFigures*>& organizations, Lang lang);
// Organisations (in rank order) by violations, stacked by severity.
std::string severity_ranking_chart(const std::vector<const OrganizationFigures*>& organizations, Lang lang);
// Failed requirements (most failed first), coloured by severity.
std::string failures_chart(const std::vector<FailingRequirement>& requirements, Lang lang);
// The share of compliant records by month.
std::string compliance_trend_chart(const std::vector<MonthFigures>& months, Lang lang);
// The failures of the most failed requirements by month (0 in a month with records and no failure).
std::string failures_trend_chart(const std::vector<FailingRequirement>& top, const std::vector<MonthFigures>& months, Lang lang);

// Colours the page's tables share with the charts.
const char* severity_colour(Severity severity);
// The severity as the page names it: "өрескел" ("gross" in English), "дәрежесіз" ("unclassified").
std::string severity_label(Severity severity, Lang lang);

}  // namespace ssd::cli
