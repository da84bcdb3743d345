#include "diff_report.h"

#include <fmt/format.h>

#include "markup.h"
#include "ssd/dates.h"

namespace ssd::cli {

namespace {

const char* amendment_kk(const OrderChangeView& a) {
  switch (a.kind) {
    case OrderChange::NewWording: return a.previous_in_corpus ? "жаңа редакцияда" : "жаңа редакцияда; бұрынғы редакциясы корпуста жоқ";
    case OrderChange::Supplement: return "толықтырылды";
    case OrderChange::Deletion: return "алып тасталды";
    case OrderChange::Repeal: return "күші жойылды";
    case OrderChange::RussianTextOnly: return "қазақ тіліндегі мәтін өзгермейді";
  }
  return "";
}

// An amendment's provision as the law cites it: «3-қосымшаның 18-жолы», or the whole instrument.
std::string amendment_unit(const OrderChangeView& a) { return a.citation.empty() ? "бүкіл мәтіні" : a.citation; }

const char* kind_kk(ProvisionChange::Kind k) {
  switch (k) {
    case ProvisionChange::Added: return "қосылды";
    case ProvisionChange::Removed: return "алынып тасталды";
    case ProvisionChange::Reworded: return "мағынасы өзгермей қайта жазылды";
    case ProvisionChange::Changed: return "мағынасы өзгерді";
    case ProvisionChange::NewWording: return "жаңа редакцияда; бұрынғы редакциясы корпуста жоқ";
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
    if (!c.source.empty()) out += "               ← " + c.source + "\n";
  }
  for (const std::string& n : d.notes) out += "  " + n + "\n";
  if (!d.amendments.empty()) out += "Өзгерту актілері / amending orders:\n";
  for (const OrderChangeView& a : d.amendments)
    out += fmt::format("  {}: {} — {}\n", source_of(a), amendment_unit(a), amendment_kk(a));
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
  out += "],\"notes\":[";
  for (size_t i = 0; i < d.notes.size(); ++i) out += (i ? "," : "") + json_quote(d.notes[i]);
  out += "],\"amendments\":[";
  for (size_t i = 0; i < d.amendments.size(); ++i) {
    const OrderChangeView& a = d.amendments[i];
    out += fmt::format("{}{{\"order\":{},\"instruction\":{},\"target\":{},\"kind\":\"{}\",\"previous_in_corpus\":{},"
                       "\"applies_from\":{},\"applies_from_earliest\":{}}}",
                       i ? "," : "", json_quote(a.order), a.instruction.empty() ? "null" : json_quote(a.instruction),
                       json_quote(a.target), to_string(a.kind), a.previous_in_corpus ? "true" : "false",
                       a.applies_from ? json_quote(format_date(*a.applies_from)) : "null",
                       a.applies_from_earliest ? "true" : "false");
  }
  out += "],\"changes\":[";
  for (size_t i = 0; i < d.changes.size(); ++i) {
    const ProvisionChange& c = d.changes[i];
    out += fmt::format("{}{{\"rule\":{},\"kind\":\"{}\",\"name\":{},\"what\":[", i ? "," : "", json_quote(c.rule),
                       to_string(c.kind), json_quote(c.name));
    for (size_t k = 0; k < c.what.size(); ++k) out += (k ? "," : "") + json_quote(c.what[k]);
    out += fmt::format("],\"old_law\":{},\"new_law\":{},\"source\":{}}}", json_quote(c.old_law), json_quote(c.new_law),
                       c.source.empty() ? "null" : json_quote(c.source));
  }
  return out + "]}\n";
}

std::string diff_html(const InstrumentDiff& d) {
  std::string rows;
  for (const ProvisionChange& c : d.changes) {
    std::string what;
    for (const std::string& w : c.what) what += "<li>" + html_escape(w) + "</li>";
    rows += fmt::format(
        "<tr class=\"{}\"><td class=\"rule\">§&nbsp;{}</td><td>{}<br><small>{}</small>{}</td>"
        "<td><ul>{}</ul></td><td class=\"law\">{}</td><td class=\"law\">{}</td></tr>\n",
        to_string(c.kind), html_escape(c.rule), kind_kk(c.kind), to_string(c.kind),
        c.source.empty() ? "" : "<br><small>← " + html_escape(c.source) + "</small>", what, html_escape(c.old_law),
        html_escape(c.new_law));
  }
  for (const OrderChangeView& a : d.amendments)
    rows += fmt::format("<tr class=\"amendment\"><td class=\"rule\">{}</td><td>{}</td><td>{}</td><td></td><td></td></tr>\n",
                        html_escape(amendment_unit(a)), html_escape(amendment_kk(a)), html_escape(source_of(a)));
  std::string meta;
  for (const std::string& m : d.metadata) meta += "<li>" + html_escape(m) + "</li>";
  for (const std::string& n : d.notes) meta += "<li>" + html_escape(n) + "</li>";
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
