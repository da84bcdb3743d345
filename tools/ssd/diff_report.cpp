#include "diff_report.h"

#include <fmt/format.h>

#include "markup.h"

namespace ssd::cli {

namespace {

const char* kind_kk(ProvisionChange::Kind k) {
  switch (k) {
    case ProvisionChange::Added: return "қосылды";
    case ProvisionChange::Removed: return "алынып тасталды";
    case ProvisionChange::Reworded: return "мағынасы өзгермей қайта жазылды";
    case ProvisionChange::Changed: return "мағынасы өзгерді";
  }
  return "";
}

}  // namespace

std::string diff_text(const InstrumentDiff& d) {
  std::string out = fmt::format("{}: {} → {}\n", d.id, d.old_label, d.new_label);
  for (const std::string& m : d.metadata) out += "  " + m + "\n";
  for (const ProvisionChange& c : d.changes) {
    out += fmt::format("  § {:<10} {:<9} {}  ({})\n", c.rule, to_string(c.kind), c.name, kind_kk(c.kind));
    for (const std::string& w : c.what) out += "               " + w + "\n";
  }
  int meaning = static_cast<int>(d.metadata.size());
  for (const ProvisionChange& c : d.changes) meaning += c.kind != ProvisionChange::Reworded;
  out += d.meaning_changed()
      ? fmt::format("Мағынасы өзгерген {} орын / {} changes in meaning.\n", meaning, meaning)
      : "Мағынасы өзгермеді / no change in meaning.\n";
  return out;
}

std::string diff_json(const InstrumentDiff& d) {
  std::string out = fmt::format("{{\"id\":{},\"old\":{},\"new\":{},\"meaning_changed\":{},\"metadata\":[",
                                json_quote(d.id), json_quote(d.old_label), json_quote(d.new_label),
                                d.meaning_changed() ? "true" : "false");
  for (size_t i = 0; i < d.metadata.size(); ++i) out += (i ? "," : "") + json_quote(d.metadata[i]);
  out += "],\"changes\":[";
  for (size_t i = 0; i < d.changes.size(); ++i) {
    const ProvisionChange& c = d.changes[i];
    out += fmt::format("{}{{\"rule\":{},\"kind\":\"{}\",\"name\":{},\"what\":[", i ? "," : "", json_quote(c.rule),
                       to_string(c.kind), json_quote(c.name));
    for (size_t k = 0; k < c.what.size(); ++k) out += (k ? "," : "") + json_quote(c.what[k]);
    out += fmt::format("],\"old_law\":{},\"new_law\":{}}}", json_quote(c.old_law), json_quote(c.new_law));
  }
  return out + "]}\n";
}

std::string diff_html(const InstrumentDiff& d) {
  std::string rows;
  for (const ProvisionChange& c : d.changes) {
    std::string what;
    for (const std::string& w : c.what) what += "<li>" + html_escape(w) + "</li>";
    rows += fmt::format(
        "<tr class=\"{}\"><td class=\"rule\">§&nbsp;{}</td><td>{}<br><small>{}</small></td>"
        "<td><ul>{}</ul></td><td class=\"law\">{}</td><td class=\"law\">{}</td></tr>\n",
        to_string(c.kind), html_escape(c.rule), kind_kk(c.kind), to_string(c.kind), what, html_escape(c.old_law), html_escape(c.new_law));
  }
  std::string meta;
  for (const std::string& m : d.metadata) meta += "<li>" + html_escape(m) + "</li>";
  return fmt::format(R"(<!DOCTYPE html>
<html lang="kk">
<head>
<meta charset="utf-8">
<title>{0}: {1} → {2}</title>
<style>
  @page {{ size: A4 landscape; margin: 15mm; }}
  body {{ font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; }}
  h1 {{ font-size: 14pt; margin: 0 0 4pt; }}
  .summary {{ margin: 0 0 10pt; }}
  table {{ border-collapse: collapse; width: 100%; }}
  th, td {{ border: 1px solid #999; padding: 4pt 5pt; vertical-align: top; text-align: left; }}
  th {{ background: #eee; }}
  tr {{ page-break-inside: avoid; }}
  td.rule {{ white-space: nowrap; font-weight: bold; }}
  td.law {{ width: 28%; font-size: 9pt; }}
  ul {{ margin: 0; padding-left: 12pt; }}
  tr.added td.rule {{ background: #e3f4e3; }}
  tr.removed td.rule {{ background: #f8e0e0; }}
  tr.changed td.rule {{ background: #fff3cd; }}
  tr.reworded td.rule {{ background: #eef; }}
</style>
</head>
<body>
<h1>{0}: өзгерістер / changes</h1>
<p class="summary">{1} → {2}. <strong>{3}</strong></p>
<ul>{4}</ul>
<table>
<thead><tr><th>Тармақ</th><th>Өзгеріс</th><th>Мағынасы не өзгерді / what changed</th><th>Бұрынғы мәтін</th><th>Жаңа мәтін</th></tr></thead>
<tbody>
{5}</tbody>
</table>
</body>
</html>
)",
                     html_escape(d.id), html_escape(d.old_label), html_escape(d.new_label),
                     d.meaning_changed() ? "Мағынасы өзгерді / the meaning changed."
                                         : "Мағынасы өзгермеді / no change in meaning.",
                     meta, rows);
}

}  // namespace ssd::cli
