// The charting library that report pages inline so that they work offline and print: Vega and
// Vega-Lite, minified, with their licences. It is embedded into ssd at build time
// from tools/charts/node_modules (installed by `npm ci` there, which scripts/install-deps runs);
// a build without it has an empty library, and its pages have the tables without the charts.
#pragma once

#include <string_view>

namespace ssd::cli {

// The scripts, one after another, each after its licence in a comment; empty when not built in.
std::string_view chart_library();

}  // namespace ssd::cli
