#include "diff_report.h"

#include <fmt/format.h>

#include "labels.h"
#include "markup.h"
#include "ssd/dates.h"

namespace ssd::cli {

namespace {

std::string amendment_kind(const OrderChangeView& a, Lang lang) {
  switch (a.kind) {
    case OrderChange::NewWording:
      return label(a.previous_in_corpus ? Label::new_wording : Label::new_wording_only, lang);
    case OrderChange::Supplement: return label(Label::supplement, lang);
    case OrderChange::Deletion: return label(Label::deletion, lang);
    case OrderChange::Repeal: return label(Label::repeal, lang);
    case OrderChange::RussianTextOnly: return label(Label::kazakh_text_unchanged, lang);
  }
  return "";
}

// An amendment's provision as the law cites it: «3-қосымшаның 18-жолы», or the whole instrument.
std::string amendment_unit(const OrderChangeView& a, Lang lang) {
  return a.citation.empty() ? label(Label::whole_text, lang) : a.citation;
}

std::string kind_name(ProvisionChange::Kind k, Lang lang) {
  switch (k) {
    case ProvisionChange::Added: return label(Label::added, lang);
    case ProvisionChange::Removed: return label(Label::removed, lang);
    case ProvisionChange::Reworded: return label(Label::reworded, lang);
    case ProvisionChange::Changed: return label(Label::changed, lang);
    case ProvisionChange::NewWording: return label(Label::new_wording_only, lang);
  }
  return "";
}

std::string summary(const InstrumentDiff& d, Lang lang) {
  int meaning = static_cast<int>(d.metadata.size());
  for (const ProvisionChange& c : d.changes) meaning += c.kind != ProvisionChange::Reworded;
  return d.meaning_changed() ? label(Label::changes_in_meaning, lang, meaning) : label(Label::no_change_in_meaning, lang);
}

}  // namespace

std::string diff_text(const InstrumentDiff& d, Lang lang) {
  std::string out = fmt::format("{}: {} → {}\n", d.id, d.old_label, d.new_label);
  for (const std::string& m : d.metadata) out += "  " + m + "\n";
  for (const ProvisionChange& c : d.changes) {
    out += fmt::format("  § {:<10} {:<9} {}  ({})\n", c.rule, to_string(c.kind), c.name, kind_name(c.kind, lang));
    for (const std::string& w : c.what) out += "               " + w + "\n";
    if (!c.source.empty()) out += "               ← " + c.source + "\n";
  }
  for (const std::string& n : d.notes) out += "  " + n + "\n";
  if (!d.amendments.empty()) out += label(Label::amending_orders, lang) + ":\n";
  for (const OrderChangeView& a : d.amendments)
    out += fmt::format("  {}: {} — {}\n", source_of(a, label_lang(lang)), amendment_unit(a, lang), amendment_kind(a, lang));
  return out + summary(d, lang) + ".\n";
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

std::string diff_html(const InstrumentDiff& d, Lang lang) {
  std::string rows;
  for (const ProvisionChange& c : d.changes) {
    std::string what;
    for (const std::string& w : c.what) what += "<li>" + html_escape(w) + "</li>";
    rows += fmt::format(
        "<tr class=\"{}\"><td class=\"rule\">§&nbsp;{}</td><td>{}<br><small>{}</small>{}</td>"
        "<td><ul>{}</ul></td><td class=\"law\">{}</td><td class=\"law\">{}</td></tr>\n",
        to_string(c.kind), html_escape(c.rule), html_escape(kind_name(c.kind, lang)), to_string(c.kind),
        c.source.empty() ? "" : "<br><small>← " + html_escape(c.source) + "</small>", what, html_escape(c.old_law),
        html_escape(c.new_law));
  }
  for (const OrderChangeView& a : d.amendments)
    rows += fmt::format("<tr class=\"amendment\"><td class=\"rule\">{}</td><td>{}</td><td>{}</td><td></td><td></td></tr>\n",
                        html_escape(amendment_unit(a, lang)), html_escape(amendment_kind(a, lang)),
                        html_escape(source_of(a, label_lang(lang))));
  std::string meta;
  for (const std::string& m : d.metadata) meta += "<li>" + html_escape(m) + "</li>";
  for (const std::string& n : d.notes) meta += "<li>" + html_escape(n) + "</li>";
  std::string headers;
  for (const Label column : {Label::column_provision, Label::column_change, Label::column_what_changed,
                             Label::column_previous_text, Label::column_new_text})
    headers += "<th>" + label(column, lang) + "</th>";
  return fmt::format(R"(<!DOCTYPE html>
<html lang="{6}">
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
<h1>{0}: {7}</h1>
<p class="summary">{1} → {2}. <strong>{3}</strong></p>
<ul>{4}</ul>
<table>
<thead><tr>{8}</tr></thead>
<tbody>
{5}</tbody>
</table>
</body>
</html>
)",
                     html_escape(d.id), html_escape(d.old_label), html_escape(d.new_label),
                     label(d.meaning_changed() ? Label::the_meaning_changed : Label::no_change_in_meaning, lang) + ".",
                     meta, rows, html_lang(lang), label(Label::changes, lang), headers);
}

}  // namespace ssd::cli
