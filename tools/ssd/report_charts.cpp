#include "report_charts.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "labels.h"
#include "markup.h"

namespace ssd::cli {

namespace {

constexpr const char* kShareColour = "#3b6fb6";
constexpr const char* kComplianceColour = "#2e7d32";
constexpr Severity kSeverities[] = {Severity::Gross, Severity::Significant, Severity::Minor, Severity::None};

// Fonts with the Kazakh letters; no title in the chart (the page's heading says it).
constexpr const char* kConfig =
    R"("config":{"font":"DejaVu Sans, Liberation Sans, Arial, sans-serif","view":{"stroke":null},)"
    R"("axis":{"labelFontSize":10,"titleFontSize":10,"labelLimit":220},"legend":{"labelFontSize":10,"titleFontSize":10,"orient":"bottom","labelLimit":320}})";

std::string number(double x) { return fmt::format("{}", std::round(x * 10000) / 10000); }

std::string share_value(const Share& s) { return s.value() ? number(*s.value()) : "null"; }

// The colour scale of severities, in their order.
std::string severity_scale(Lang lang) {
  std::string domain, range;
  for (Severity s : kSeverities) {
    append_joined(domain, ",", json_quote(severity_label(s, lang)));
    append_joined(range, ",", json_quote(severity_colour(s)));
  }
  return fmt::format(R"({{"domain":[{}],"range":[{}]}})", domain, range);
}

std::string month_axis() {
  return R"({"field":"month","type":"temporal","title":null,"scale":{"type":"utc"},)"
         R"("axis":{"format":"%Y-%m","labelAngle":-45,"tickCount":"month"}})";
}

// "2023-05" as a date Vega reads the same in every time zone.
std::string month_date(Month m) { return json_quote(month_text(m) + "-01"); }

}  // namespace

const char* severity_colour(Severity s) {
  switch (s) {
    case Severity::Gross: return "#a50f15";
    case Severity::Significant: return "#e6550d";
    case Severity::Minor: return "#fdae6b";
    case Severity::None: break;
  }
  return "#9e9e9e";
}

std::string severity_label(Severity s, Lang lang) {
  const char* code = severity_code(s);
  if (!code) return label(Label::unclassified, lang);
  return lang == Lang::En ? code : severity_kk(s);
}

std::string share_ranking_chart(const std::vector<const OrganizationFigures*>& organizations, Lang lang) {
  std::string values;
  for (size_t i = 0; i < organizations.size() && i < kChartBars; ++i) {
    const OrganizationFigures& o = *organizations[i];
    if (!o.non_compliant.value()) continue;
    append_joined(values, ",",
                  fmt::format(R"({{"organisation":{},"share":{},"non_compliant":{},"checked":{}}})",
                              json_quote(fmt::format("{}. {}", o.rank_by_share, organization_label(o, lang))),
                              share_value(o.non_compliant), o.non_compliant.part, o.non_compliant.whole));
  }
  return fmt::format(
      R"({{"width":360,"height":{{"step":16}},"data":{{"values":[{}]}},"mark":{{"type":"bar","color":"{}","tooltip":true}},)"
      R"("encoding":{{"y":{{"field":"organisation","type":"nominal","sort":null,"title":null}},)"
      R"("x":{{"field":"share","type":"quantitative","title":{},)"
      R"("scale":{{"domain":[0,1]}},"axis":{{"format":".0%"}}}}}},{}}})",
      values, kShareColour, json_quote(label(Label::chart_non_compliant_share, lang)), kConfig);
}

std::string severity_ranking_chart(const std::vector<const OrganizationFigures*>& organizations, Lang lang) {
  std::string values;
  for (size_t i = 0; i < organizations.size() && i < kChartBars; ++i) {
    const OrganizationFigures& o = *organizations[i];
    const SeverityCounts& v = o.violations;
    const int counts[] = {v.gross, v.significant, v.minor, v.unclassified};
    const std::string label = json_quote(fmt::format("{}. {}", o.rank_by_severity, organization_label(o, lang)));
    for (size_t k = 0; k < 4; ++k)
      append_joined(values, ",", fmt::format(R"({{"organisation":{},"severity":{},"order":{},"violations":{}}})", label,
                                             json_quote(severity_label(kSeverities[k], lang)), k, counts[k]));
  }
  return fmt::format(
      R"({{"width":360,"height":{{"step":16}},"data":{{"values":[{}]}},"mark":{{"type":"bar","tooltip":true}},)"
      R"("encoding":{{"y":{{"field":"organisation","type":"nominal","sort":null,"title":null}},)"
      R"("x":{{"field":"violations","type":"quantitative","stack":"zero","title":{},)"
      R"("axis":{{"tickMinStep":1,"format":"d"}}}},)"
      R"("color":{{"field":"severity","type":"nominal","title":null,"scale":{}}},"order":{{"field":"order"}}}},{}}})",
      values, json_quote(label(Label::chart_violations, lang)), severity_scale(lang), kConfig);
}

std::string failures_chart(const std::vector<FailingRequirement>& requirements, Lang lang) {
  std::string values;
  for (size_t i = 0; i < requirements.size() && i < kChartBars; ++i) {
    const FailingRequirement& f = requirements[i];
    append_joined(values, ",",
                  fmt::format(R"({{"requirement":{},"severity":{},"fail":{}}})", json_quote(requirement_label(f)),
                              json_quote(severity_label(f.severity, lang)), f.line.counts.fail));
  }
  return fmt::format(
      R"({{"width":360,"height":{{"step":16}},"data":{{"values":[{}]}},"mark":{{"type":"bar","tooltip":true}},)"
      R"("encoding":{{"y":{{"field":"requirement","type":"nominal","sort":null,"title":null}},)"
      R"("x":{{"field":"fail","type":"quantitative","title":{},)"
      R"("axis":{{"tickMinStep":1,"format":"d"}}}},)"
      R"("color":{{"field":"severity","type":"nominal","title":null,"scale":{}}}}},{}}})",
      values, json_quote(label(Label::chart_records_failing, lang)), severity_scale(lang), kConfig);
}

std::string compliance_trend_chart(const std::vector<MonthFigures>& months, Lang lang) {
  std::string values;
  for (const MonthFigures& m : months) {
    const Share s = m.compliant();
    append_joined(values, ",", fmt::format(R"({{"month":{},"share":{},"compliant":{},"checked":{}}})",
                                           month_date(m.month), share_value(s), s.part, s.whole));
  }
  return fmt::format(
      R"({{"width":360,"height":160,"data":{{"values":[{}]}},)"
      R"("mark":{{"type":"line","color":"{}","point":{{"color":"{}"}},"tooltip":true}},"encoding":{{"x":{},)"
      R"("y":{{"field":"share","type":"quantitative","title":{},)"
      R"("scale":{{"domain":[0,1]}},"axis":{{"format":".0%"}}}}}},{}}})",
      values, kComplianceColour, kComplianceColour, month_axis(), json_quote(label(Label::chart_share_compliant, lang)), kConfig);
}

std::string failures_trend_chart(const std::vector<FailingRequirement>& top, const std::vector<MonthFigures>& months, Lang lang) {
  std::string values;
  for (const FailingRequirement& f : top)
    for (const MonthFigures& m : months) {
      auto it = std::find_if(f.by_month.begin(), f.by_month.end(), [&](const auto& p) { return p.first == m.month; });
      append_joined(values, ",", fmt::format(R"({{"month":{},"requirement":{},"fail":{}}})", month_date(m.month),
                                             json_quote(requirement_label(f)), it == f.by_month.end() ? 0 : it->second));
    }
  return fmt::format(
      R"({{"width":360,"height":160,"data":{{"values":[{}]}},"mark":{{"type":"line","point":true,"tooltip":true}},)"
      R"("encoding":{{"x":{},"y":{{"field":"fail","type":"quantitative","title":{},)"
      R"("axis":{{"tickMinStep":1,"format":"d"}}}},)"
      R"("color":{{"field":"requirement","type":"nominal","title":null,"sort":null}}}},{}}})",
      values, month_axis(), json_quote(label(Label::chart_failing, lang)), kConfig);
}

}  // namespace ssd::cli
