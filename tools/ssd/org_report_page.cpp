// The report as one self-contained HTML page: the ranking of organisations, the overall trends
// and most failed requirements, then a section per organisation (a page of its own in print), and
// the risk rows. Every chart has the table of its numbers beside it; the charting library is
// inlined, so the page works offline, and without it (a build without node_modules) the page
// keeps the tables.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "chart_library.h"
#include "labels.h"
#include "markup.h"
#include "report_charts.h"
#include "report_output.h"

namespace ssd::cli {

namespace {

// To one decimal, a half rounded up as people round (81.25 → 81.3; printf would give 81.2, the
// even neighbour). The small term keeps a share like 0.8125 from falling below its half.
std::string percent(std::optional<double> share) {
  return share ? fmt::format("{:.1f}&nbsp;%", std::floor(*share * 1000 + 0.5 + 1e-9) / 10) : "—";
}

std::string percent(const Share& s) { return percent(s.value()); }

// "12 / 40".
std::string fraction(const Share& s) { return fmt::format("{}&nbsp;/&nbsp;{}", s.part, s.whole); }

std::string anchor(const OrganizationFigures& o) { return fmt::format("org-{}", o.rank_by_share); }

// The organisation's name, linked to its section when it has one.
std::string organization_link(const OrganizationFigures& o, size_t sections, Lang lang) {
  const std::string name = html_escape(organization_label(o, lang));
  return o.rank_by_share <= sections ? fmt::format("<a href=\"#{}\">{}</a>", anchor(o), name) : name;
}

std::string statuses(const RecordCounts& records) {
  std::string out;
  for (size_t k = 0; k < records.size(); ++k)
    if (records[k]) {
      const char* status = to_string(static_cast<RecordStatus>(k));
      append_joined(out, " ", fmt::format("<span class=\"st {}\">{}: {}</span>", status, status, records[k]));
    }
  return out;
}

std::string severity_cell(Severity s, Lang lang) {
  return fmt::format("<td class=\"sev\"><span class=\"swatch\" style=\"background:{}\"></span>{}</td>",
                     severity_colour(s), html_escape(severity_label(s, lang)));
}

// The charts of the page: each placed where it is shown, its specification gathered for the
// script at the end; and the page's language.
class Charts {
 public:
  explicit Charts(Lang lang) : enabled_(!chart_library().empty()), lang_(lang) {}

  std::string place(const std::string& spec, const std::string& label) {
    if (!enabled_) return "";
    const std::string id = fmt::format("spec-{}", ++count_);
    // JSON inside <script>: "</" would close the element.
    std::string safe;
    safe.reserve(spec.size());
    for (size_t i = 0; i < spec.size(); ++i) {
      safe.push_back(spec[i]);
      if (spec[i] == '<' && i + 1 < spec.size() && spec[i + 1] == '/') safe.push_back('\\');
    }
    specs_ += fmt::format("<script type=\"application/json\" id=\"{}\">{}</script>\n", id, safe);
    return fmt::format("<div class=\"plot\" role=\"img\" aria-label=\"{}\" data-spec=\"{}\"></div>", html_escape(label), id);
  }

  // The library and the script that draws the charts one after another, those on screen first,
  // each into a static SVG (the chart's view is then let go, so that a page of hundreds of
  // organisations does not hold hundreds of views). The page's root gets data-charts="drawn"
  // when all are drawn: what a printer waits for.
  std::string scripts() const {
    if (!enabled_) return "";
    return specs_ + "<script>\n" + std::string(chart_library()) + "\n</script>\n" + R"(<script>
(function () {
  var pending = Array.prototype.slice.call(document.querySelectorAll('.plot[data-spec]'));
  var visible = new Set();
  if ('IntersectionObserver' in window) {
    var watch = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) visible.add(e.target); });
    }, {rootMargin: '600px'});
    pending.forEach(function (el) { watch.observe(el); });
  }
  function draw(el) {
    var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
    var view = new vega.View(vega.parse(vegaLite.compile(spec).spec), {renderer: 'none'});
    return view.toSVG().then(function (svg) { el.innerHTML = svg; view.finalize(); });
  }
  function next() {
    if (!pending.length) { document.documentElement.setAttribute('data-charts', 'drawn'); return; }
    var i = pending.findIndex(function (el) { return visible.has(el); });
    var el = pending.splice(i < 0 ? 0 : i, 1)[0];
    draw(el).catch(function (e) { el.textContent = 'chart: ' + e; }).then(function () { setTimeout(next, 0); });
  }
  next();
})();
</script>
)";
  }

  bool enabled() const { return enabled_; }
  Lang lang() const { return lang_; }

 private:
  bool enabled_;
  Lang lang_;
  int count_ = 0;
  std::string specs_;
};

// The header row of a table: a cell per label.
std::string header_cells(std::initializer_list<Label> columns, Lang lang) {
  std::string out;
  for (const Label column : columns) out += "<th>" + label(column, lang) + "</th>";
  return out;
}

// A chart and its table side by side, with a caption.
std::string pair(const std::string& caption, const std::string& plot, const std::string& table) {
  return fmt::format("<figure class=\"pair\"><figcaption>{}</figcaption><div class=\"row\">{}{}</div></figure>\n",
                     caption, plot, table);
}

std::string share_ranking(const OrganizationsReport& r, size_t sections, Charts& charts) {
  const Lang lang = charts.lang();
  std::vector<const OrganizationFigures*> ranked;
  std::string rows;
  for (const OrganizationFigures& o : r.organizations) {
    ranked.push_back(&o);
    rows += fmt::format(
        "<tr><td class=\"n\">{}</td><td class=\"org\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td></tr>\n",
        o.rank_by_share, organization_link(o, sections, lang), fraction(o.non_compliant),
        percent(o.non_compliant), total(o.records));
  }
  const std::string table = fmt::format(
      "<table class=\"numbers\"><thead><tr><th>№</th>{}</tr></thead><tbody>\n{}</tbody></table>",
      header_cells({Label::column_organisation, Label::column_non_compliant_of, Label::column_share, Label::column_records},
                   lang),
      rows);
  const std::string caption = label(Label::by_non_compliant_share, lang);
  return pair(caption + (r.organizations.size() > kChartBars && charts.enabled()
                             ? " " + label(Label::chart_shows_first, lang, kChartBars)
                             : ""),
              charts.place(share_ranking_chart(ranked, lang), caption), table);
}

std::string severity_ranking(const OrganizationsReport& r, size_t sections, Charts& charts) {
  const Lang lang = charts.lang();
  std::vector<const OrganizationFigures*> ranked;
  std::string rows;
  for (size_t i : r.by_severity) {
    const OrganizationFigures& o = r.organizations[i];
    ranked.push_back(&o);
    const SeverityCounts& v = o.violations;
    rows += fmt::format(
        "<tr><td class=\"n\">{}</td><td class=\"org\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
        o.rank_by_severity, organization_link(o, sections, lang), v.gross, v.significant, v.minor,
        v.unclassified, v.total());
  }
  const std::string table = fmt::format(
      "<table class=\"numbers\"><thead><tr><th>№</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th><th>{}</th></tr></thead><tbody>\n{}</tbody></table>",
      label(Label::column_organisation, lang), severity_label(Severity::Gross, lang),
      severity_label(Severity::Significant, lang), severity_label(Severity::Minor, lang),
      severity_label(Severity::None, lang), label(Label::column_total, lang), rows);
  const std::string caption = label(Label::by_severity_weighted, lang);
  return pair(caption, charts.place(severity_ranking_chart(ranked, lang), caption), table);
}

std::string compliance_trend(const std::vector<MonthFigures>& months, Charts& charts) {
  if (months.empty()) return "";
  const Lang lang = charts.lang();
  std::string rows;
  for (const MonthFigures& m : months) {
    const Share s = m.compliant();
    rows += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                        month_text(m.month), total(m.records), fraction(s), percent(s));
  }
  const std::string table = fmt::format(
      "<table class=\"numbers\"><thead><tr>{}</tr></thead><tbody>\n{}</tbody></table>",
      header_cells({Label::column_month, Label::column_records, Label::column_compliant_of, Label::column_share}, lang),
      rows);
  const std::string caption = label(Label::compliant_by_month, lang);
  return pair(caption, charts.place(compliance_trend_chart(months, lang), caption), table);
}

std::string failures_trend(const std::vector<FailingRequirement>& top, const std::vector<MonthFigures>& months,
                           Charts& charts) {
  if (top.empty() || months.empty()) return "";
  const Lang lang = charts.lang();
  std::string head, rows;
  for (const FailingRequirement& f : top) head += "<th>" + html_escape(requirement_label(f)) + "</th>";
  for (const MonthFigures& m : months) {
    rows += "<tr><td>" + month_text(m.month) + "</td>";
    for (const FailingRequirement& f : top) {
      int n = 0;
      for (const auto& [month, k] : f.by_month)
        if (month == m.month) n = k;
      rows += fmt::format("<td class=\"n\">{}</td>", n);
    }
    rows += "</tr>\n";
  }
  const std::string table = fmt::format(
      "<table class=\"numbers\"><thead><tr><th>{}</th>{}</tr></thead><tbody>\n{}</tbody></table>",
      label(Label::column_month, lang), head, rows);
  const std::string caption = label(Label::failures_by_month, lang);
  return pair(caption, charts.place(failures_trend_chart(top, months, lang), caption), table);
}

std::string law_cell(const RequirementStats& line, Lang lang) {
  const std::string text = html_escape(capitalised(std::string(line.text.empty() ? line.name : line.text)));
  if (line.law.empty() || line.law == line.text) return "<td>" + text + "</td>";
  return fmt::format("<td>{}<details><summary>{}</summary><p class=\"law\">{}</p></details></td>", text,
                     html_escape(label(Label::the_laws_text, lang)), html_escape(line.law));
}

// What the tables leave out of a long list of failed requirements.
std::string more_failing(const std::vector<FailingRequirement>& failing, Lang lang) {
  if (failing.size() <= kChartBars) return "";
  int records = 0;
  for (size_t i = kChartBars; i < failing.size(); ++i) records += failing[i].line.counts.fail;
  return "<p class=\"folded\">" + label(Label::more_failed, lang, failing.size() - kChartBars, records) + "</p>";
}

// The first kChartBars failed requirements (the chart's bars), and a line for the rest.
std::string failing_table(const std::vector<FailingRequirement>& failing, bool with_standard, Lang lang) {
  std::string rows;
  for (size_t i = 0; i < failing.size() && i < kChartBars; ++i) {
    const FailingRequirement& f = failing[i];
    const RequirementStats& q = f.line;
    rows += fmt::format(
        "<tr><td class=\"n\">{}</td><td class=\"rule\">{}</td>{}{}<td class=\"n fail\">{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td></tr>\n",
        i + 1, html_escape(with_standard ? requirement_label(f) : std::string("§ ").append(q.rule)), law_cell(q, lang), severity_cell(f.severity, lang),
        q.counts.fail, q.counts.pass + q.counts.fail, percent(q.compliant_share()));
  }
  return fmt::format(
      "<table class=\"numbers wide\"><thead><tr><th>№</th>{}</tr></thead><tbody>\n{}</tbody></table>{}",
      header_cells({Label::column_citation, Label::column_requirement, Label::column_severity,
                    Label::column_records_failing, Label::column_judged, Label::column_share_compliant},
                   lang),
      rows, more_failing(failing, lang));
}

std::string top_failures(const std::vector<FailingRequirement>& failing, Charts& charts, const std::string& caption) {
  const Lang lang = charts.lang();
  if (failing.empty()) return "<p>" + label(Label::no_requirement_failed, lang) + "</p>\n";
  return pair(caption, charts.place(failures_chart(failing, lang), caption), failing_table(failing, true, lang));
}

// The lines of a standard that are not among its failures, folded into one line that says why.
std::string folded(const StandardFigures& s, Lang lang) {
  std::string out;
  if (s.met) append_joined(out, "; ", label(Label::met_everywhere, lang, s.met));
  if (s.not_judged) append_joined(out, "; ", label(Label::not_judged, lang, s.not_judged));
  if (const int none = s.unanswered + s.out_of_force) {
    std::string why;
    if (s.unanswered) append_joined(why, ", ", label(Label::attested_unanswered, lang, s.unanswered));
    if (s.out_of_force) append_joined(why, ", ", label(Label::out_of_force_on_dates, lang, s.out_of_force));
    append_joined(out, "; ", label(Label::without_data, lang, none, why));
  }
  return out.empty() ? "" : out + ".";
}

std::string standards_table(const OrganizationFigures& o, Lang lang) {
  std::string rows;
  for (const StandardFigures& s : o.standards) {
    const std::optional<double> share = s.compliant.value();
    rows += fmt::format(
        "<tr><td class=\"rule\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n share\"><div class=\"bar\" "
        "style=\"width:{:.0f}%\"></div><span>{}</span></td><td>{}</td></tr>\n",
        html_escape(s.program->instrument.id), html_escape(s.program->instrument.title), fraction(s.compliant),
        share ? *share * 100 : 0.0, percent(share), statuses(s.records));
  }
  return fmt::format(
      "<table class=\"numbers wide\"><thead><tr>{}</tr></thead><tbody>\n{}</tbody></table>\n",
      header_cells({Label::column_standard, Label::column_title, Label::column_compliant_of,
                    Label::column_compliant_share, Label::column_records},
                   lang),
      rows);
}

std::string organization_section(const OrganizationFigures& o, size_t count, Charts& charts) {
  const Lang lang = charts.lang();
  std::vector<FailingRequirement> failing;
  std::string folds;
  for (const StandardFigures& s : o.standards) {
    failing.insert(failing.end(), s.failing.begin(), s.failing.end());
    if (const std::string f = folded(s, lang); !f.empty())
      folds += fmt::format("<p class=\"folded\"><b>{}</b>: {}</p>\n", html_escape(s.program->instrument.id), f);
  }
  std::sort(failing.begin(), failing.end(), more_failed);
  const std::string fail_most = label(Label::fail_most, lang);
  const std::string failures = top_failures(failing, charts, fail_most) + folds;
  const SeverityCounts& v = o.violations;
  return fmt::format(
      "<section class=\"org\" id=\"{}\">\n<h2>{}</h2>\n<p class=\"counts\">{}{}</p>\n<p class=\"counts\">{}</p>\n"
      "<h3>{}</h3>\n{}<h3>{}</h3>\n{}<h3>{}</h3>\n{}{}</section>\n",
      anchor(o), html_escape(organization_label(o, lang)), label(Label::records_count, lang, total(o.records), statuses(o.records)),
      o.without_month ? label(Label::without_date, lang, o.without_month) : "",
      label(Label::org_ranks, lang, fraction(o.non_compliant), percent(o.non_compliant), o.rank_by_share, count, v.gross,
            v.significant, v.minor, v.unclassified, o.rank_by_severity, count),
      label(Label::compliant_per_standard, lang), standards_table(o, lang), fail_most, failures,
      label(Label::over_time, lang), compliance_trend(o.months, charts), failures_trend(o.top, o.months, charts));
}

std::string risk_section(const OrgReport& report, Lang lang) {
  if (report.risk.empty()) return "";
  std::string rows;
  for (const RiskRowStats& r : report.risk) {
    std::string from;
    for (const auto& [standard, rule] : r.from) append_joined(from, ", ", standard + " § " + rule);
    rows += fmt::format(
        "<tr><td class=\"rule\">{}</td><td>{}</td>{}<td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
        "<td>{}</td></tr>\n",
        html_escape(r.row), html_escape(r.text), severity_cell(r.severity, lang),
        html_escape(r.group_label.empty() ? r.group : r.group_label), r.records, r.findings, html_escape(from));
  }
  std::map<std::string, int> by_severity, by_group;
  risk_totals(report, by_severity, by_group);
  std::string totals;
  for (const auto& [k, n] : by_severity) append_joined(totals, ", ", fmt::format("{}: {}", k, n));
  return fmt::format(
      "<section class=\"risk\">\n<h2>{}</h2>\n<p>{}</p>\n<table class=\"numbers wide\"><thead><tr>{}</tr></thead>"
      "<tbody>\n{}</tbody></table>\n</section>\n",
      label(Label::risk_criteria_all, lang), label(Label::rows_violated, lang, report.risk.size(), totals),
      header_cells({Label::column_row, Label::column_criterion, Label::column_violation_degree, Label::column_group,
                    Label::column_records, Label::column_violations, Label::column_from_requirements},
                   lang),
      rows);
}

constexpr const char* kStyle = R"(
  @page { size: A4 landscape; margin: 12mm; }
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #111; margin: 8mm; }
  h1 { font-size: 15pt; margin: 0 0 4pt; }
  h2 { font-size: 13pt; margin: 12pt 0 4pt; border-bottom: 1.5pt solid #333; }
  h3 { font-size: 10.5pt; margin: 10pt 0 3pt; }
  h4 { font-size: 9.5pt; margin: 8pt 0 2pt; }
  h2, h3, h4, figcaption { break-after: avoid; }
  figure.pair .plot { break-inside: avoid; }
  table { border-collapse: collapse; }
  th, td { border: 1px solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left; }
  th { background: #eee; font-weight: bold; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  table.wide { width: calc(100% - 2px); }  /* the collapsed outer border lies half outside */
  td.n { text-align: right; white-space: nowrap; }
  td.org { min-width: 30mm; }
  td.rule { white-space: nowrap; font-weight: bold; }
  td.fail { color: #a00; font-weight: bold; }
  td.sev { white-space: nowrap; }
  .swatch { display: inline-block; width: 8pt; height: 8pt; margin-right: 3pt; vertical-align: -1pt; }
  td.share { position: relative; min-width: 24mm; }
  td.share .bar { position: absolute; left: 0; top: 0; bottom: 0; background: #cfe8cf; }
  td.share span { position: relative; }
  figure.pair { margin: 6pt 0 10pt; }
  figure.pair figcaption { font-weight: bold; margin-bottom: 3pt; }
  figure.pair .row { display: flex; flex-wrap: wrap; gap: 10pt; align-items: flex-start; }
  figure.pair .plot { flex: 0 0 auto; }
  figure.pair table { flex: 1 1 320px; max-width: calc(100% - 2px); font-size: 8.5pt; }
  details summary { color: #555; font-size: 8pt; cursor: pointer; }
  p.law { font-size: 8pt; color: #333; margin: 2pt 0; white-space: pre-line; }
  p.folded { color: #444; font-style: italic; }
  .st { padding: 0 3pt; border-radius: 2pt; background: #eee; white-space: nowrap; }
  .st.non_compliant, .st.error { background: #f8d7d7; }
  .st.compliant { background: #d7f0d7; }
  section.org, section.risk { break-before: page; }
  a { color: #1a4f8b; }
  @media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
)";

}  // namespace

// The records judged on days when the wording in force depends on an unknown publication date.
std::string uncertain_section(const OrgReport& all, Lang lang) {
  std::string rows;
  for (const StandardStats& s : all.standards)
    for (const auto& [period, records] : s.uncertain) {
      const UncertainPeriod& u = s.program->instrument.uncertain[period];
      rows += fmt::format("<tr><td>{}</td><td>{} – {}</td><td>{}</td><td>{}</td></tr>\n", html_escape(s.program->instrument.id),
                          format_date(u.from), format_date(u.to - 1), records, html_escape(lang == Lang::En ? u.why_en : u.why_kk));
    }
  if (rows.empty()) return "";
  return "<h3>" + label(Label::uncertain_days, lang) + "</h3>\n<table><tr>" +
         header_cells({Label::column_standard, Label::column_days, Label::column_records, Label::column_why}, lang) +
         "</tr>\n" + rows + "</table>\n";
}

std::string report_html(const OrganizationsReport& r, Lang lang, size_t sections) {
  Charts charts(lang);
  const OrgReport& all = r.overall;
  const std::string period =
      r.months.empty() ? "" : fmt::format("; {}: {} – {}", label(Label::months_from_to, lang), month_text(r.months.front().month),
                                          month_text(r.months.back().month));
  const std::string title = label(Label::report_by_organisation, lang);
  std::string body = fmt::format(
      "<h1>{}</h1>\n<p class=\"counts\">{}: {} — {}; {}: {}{}</p>\n{}", title, label(Label::all_records, lang),
      all.records, [&] {
        std::string out;
        for (const auto& [status, n] : all.by_status)
          append_joined(out, " ", fmt::format("<span class=\"st {}\">{}: {}</span>", status, status, n));
        return out;
      }(),
      label(Label::organisations, lang), r.organizations.size(), period,
      charts.enabled() ? "" : "<p class=\"folded\">" + label(Label::no_chart_library, lang) + "</p>\n");
  body += uncertain_section(all, lang);
  body += "<h2>" + label(Label::organisations_ranked, lang) + "</h2>\n" + share_ranking(r, sections, charts) +
          severity_ranking(r, sections, charts);
  body += "<h2>" + label(Label::all_organisations, lang) + "</h2>\n";
  body += "<h3>" + label(Label::over_time, lang) + "</h3>\n" + compliance_trend(r.months, charts) +
          failures_trend(r.top, r.months, charts);
  body += "<h3>" + label(Label::fail_most, lang) + "</h3>\n" +
          top_failures(r.failing, charts, label(Label::over_all_records, lang));
  for (const OrganizationFigures& o : r.organizations)
    if (o.rank_by_share <= sections) body += organization_section(o, r.organizations.size(), charts);
  if (sections < r.organizations.size())
    body += "<p class=\"folded\">" + label(Label::sections_first_only, lang, sections) + "</p>\n";
  body += risk_section(all, lang);
  return fmt::format(R"(<!DOCTYPE html>
<html lang="{}">
<head>
<meta charset="utf-8">
<title>{}</title>
<style>{}</style>
</head>
<body>
{}{}</body>
</html>
)",
                     html_lang(lang), title, kStyle, body, charts.scripts());
}

}  // namespace ssd::cli
