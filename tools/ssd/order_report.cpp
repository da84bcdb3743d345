#include "order_report.h"

#include <set>

#include <fmt/format.h>

#include "labels.h"
#include "markup.h"
#include "ssd/dates.h"
#include "word_diff.h"

namespace ssd::cli {

namespace {

std::string kind_name(const OrderChangeView& c, Lang lang) {
  switch (c.kind) {
    case OrderChange::NewWording: return label(Label::new_wording, lang);
    case OrderChange::Supplement: return label(Label::supplement, lang);
    case OrderChange::Deletion: return label(Label::deletion, lang);
    case OrderChange::Repeal: return label(Label::repeal, lang);
    case OrderChange::RussianTextOnly: return label(Label::kazakh_text_unchanged, lang);
  }
  return "";
}

// The structural unit as the law cites it: «Қағидалар, 8-қосымшаның 12-жолы».
std::string unit_of(const OrderChangeView& c) {
  return c.citation.empty() ? c.instrument_name : c.instrument_name + ", " + c.citation;
}

std::string applies(const OrderView& v, Lang lang) {
  if (v.order.draft)
    return v.order.applies_from ? label(Label::draft_to_apply_from, lang, format_date(*v.order.applies_from))
                                : label(Label::draft, lang);
  if (!v.order.applies_from) return label(Label::no_application_date, lang);
  return label(Label::applies_from, lang, format_date(*v.order.applies_from)) +
         (v.order.applies_from_earliest ? " " + label(Label::publication_unknown, lang) : "");
}

size_t instructions(const OrderView& v) {
  std::set<std::string> numbers;
  size_t unnumbered = 0;
  for (const auto& c : v.changes) c.instruction.empty() ? ++unnumbered : (numbers.insert(c.instruction), 0u);
  return numbers.size() + unnumbered;
}

std::string meaning_of(const OrderChangeView& c, Lang lang) {
  if (!c.meaning_changed) return label(Label::meaning_unknown, lang);
  return label(*c.meaning_changed ? Label::meaning_changed : Label::meaning_unchanged, lang);
}

std::string json_text(const std::optional<std::string>& s) { return s ? json_quote(*s) : "null"; }
std::string json_or_null(const std::string& s) { return s.empty() ? "null" : json_quote(s); }

// A wording under its row: each of its lines indented.
std::string indented(const std::string& text) {
  std::string out = "      ";
  for (const char ch : text) {
    out += ch;
    if (ch == '\n') out += "      ";
  }
  return out + "\n";
}

}  // namespace

std::string order_text(const OrderView& v, Lang lang) {
  const size_t n = instructions(v), changes = v.changes.size();
  std::string out = fmt::format("{} — {}\n  «{}»\n  {}\n  {}\n", v.order.id, v.order.name, v.order.title, applies(v, lang),
                                label(Label::instructions_changes, lang, n, changes, n == 1 ? "" : "s",
                                      changes == 1 ? "" : "s"));
  for (const OrderChangeView& c : v.changes) {
    out += fmt::format("\n{:<5} {}\n      {}\n", c.instruction.empty() ? "—" : c.instruction, unit_of(c),
                       kind_name(c, lang));
    if (c.kind == OrderChange::RussianTextOnly) continue;
    if (!c.previous_in_corpus) out += "      " + label(Label::previous_not_in_corpus, lang) + "\n";
    if (c.previous && c.next) out += indented(marked_text(word_diff(*c.previous, *c.next)));
    else if (c.next) out += indented("{+" + *c.next + "+}");
    else if (c.previous) out += indented("[-" + *c.previous + "-]");
    if (!c.reason.empty()) out += "      " + label(Label::not_encoded, lang) + ": " + c.reason + "\n";
    if (!c.justification.empty()) out += "      " + label(Label::justification, lang) + ": " + c.justification + "\n";
    out += "      " + meaning_of(c, lang) + "\n";
    for (const std::string& w : c.what) out += "        " + w + "\n";
  }
  return out;
}

std::string order_json(const OrderView& v) {
  const std::string day = v.order.applies_from ? json_quote(format_date(*v.order.applies_from)) : "null";
  const char* earliest = v.order.applies_from_earliest ? "true" : "false";
  std::string out = fmt::format(
      "{{\"order\":{{\"id\":{},\"name\":{},\"title\":{},\"registered\":{},\"applies_from\":{},"
      "\"applies_from_earliest\":{},\"draft\":{},\"instructions\":{},\"justification\":{}}},\"changes\":[",
      json_quote(v.order.id), json_quote(v.order.name), json_quote(v.order.title),
      v.order.registered ? json_quote(format_date(*v.order.registered)) : "null", day, earliest,
      v.order.draft ? "true" : "false", instructions(v), json_or_null(v.order.justification));
  for (size_t i = 0; i < v.changes.size(); ++i) {
    const OrderChangeView& c = v.changes[i];
    std::string what;
    for (const std::string& w : c.what) append_joined(what, ",", json_quote(w));
    out += fmt::format(
        "{}\n{{\"instruction\":{},\"instrument\":{},\"target\":{},\"citation\":{},\"kind\":\"{}\","
        "\"kazakh_text_unchanged\":{},\"previous\":{},\"previous_in_corpus\":{},\"new\":{},\"meaning_changed\":{},"
        "\"what\":[{}],\"applies_from\":{},\"applies_from_earliest\":{},\"justification\":{}}}",
        i ? "," : "", c.instruction.empty() ? "null" : json_quote(c.instruction), json_quote(c.instrument),
        json_quote(c.target), json_quote(c.citation), to_string(c.kind),
        c.kind == OrderChange::RussianTextOnly ? "true" : "false", json_text(c.previous),
        c.previous_in_corpus ? "true" : "false", json_text(c.next),
        c.meaning_changed ? (*c.meaning_changed ? "true" : "false") : "null", what, day, earliest,
        json_or_null(c.justification));
  }
  return out + "\n]}\n";
}

namespace {

// One side of a change for the pages: the words this side changes in `tag`; a note where the
// corpus lacks the wording.
std::string side_html(const OrderChangeView& c, bool previous, std::string_view tag, Lang lang) {
  auto note = [&](Label l) { return "<em>" + capitalised(label(l, lang)) + ".</em>"; };
  if (c.kind == OrderChange::RussianTextOnly) return note(Label::kazakh_text_unchanged);
  const std::optional<std::string>& own = previous ? c.previous : c.next;
  if (previous && !c.previous_in_corpus) return note(Label::previous_not_in_corpus);
  if (!own) return note(previous ? Label::none : Label::deletion);
  const std::optional<std::string>& other = previous ? c.next : c.previous;
  std::string html = other ? marked_html(word_diff(c.previous.value_or(""), c.next.value_or("")),
                                         previous ? WordRun::Deleted : WordRun::Inserted, tag)
                           : "<" + std::string(tag) + ">" + html_escape(*own) + "</" + std::string(tag) + ">";
  return html;
}

const char* kPageStyle = R"(
  @page { size: A4 landscape; margin: 15mm; }
  body { font-family: "DejaVu Serif", "Liberation Serif", "Times New Roman", serif; font-size: 10pt; color: #000; }
  h1 { font-size: 13pt; text-align: center; margin: 0 0 4pt; }
  p.order { text-align: center; margin: 0 0 10pt; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  th, td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; white-space: pre-wrap; overflow-wrap: anywhere; }
  th { text-align: center; font-weight: bold; }
  thead { display: table-header-group; }
  col.n { width: 5%; } col.unit { width: 17%; } col.text { width: 31%; } col.basis { width: 16%; }
  td.n { text-align: center; }
  del { background: #f8d7d7; } ins { background: #d4f0d4; text-decoration: none; }
)";

}  // namespace

// A page of one table of five columns (a number, the unit, two wordings, a last word), as both
// views of an order print it; every argument is HTML already.
std::string table_page(const std::string& title, const std::string& heading, const std::string& lead,
                       const std::string& headers, const std::string& rows, Lang lang) {
  return fmt::format(R"(<!DOCTYPE html>
<html lang="{6}">
<head>
<meta charset="utf-8">
<title>{0}</title>
<style>{1}</style>
</head>
<body>
<h1>{2}</h1>
<p class="order">{3}</p>
<table>
<colgroup><col class="n"><col class="unit"><col class="text"><col class="text"><col class="basis"></colgroup>
<thead><tr>{4}</tr></thead>
<tbody>
{5}</tbody>
</table>
</body>
</html>
)",
                     title, kPageStyle, heading, lead, headers, rows, html_lang(lang));
}

namespace {

std::string headers(std::initializer_list<Label> columns, Lang lang) {
  std::string out;
  for (const Label column : columns) out += "<th>" + label(column, lang) + "</th>";
  return out;
}

}  // namespace

std::string order_html(const OrderView& v, Lang lang) {
  std::string rows;
  for (const OrderChangeView& c : v.changes)
    rows += fmt::format("<tr><td class=\"n\">{}</td><td>{}<br><small>{}</small></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        html_escape(c.instruction), html_escape(unit_of(c)), html_escape(kind_name(c, lang)),
                        side_html(c, true, "del", lang), side_html(c, false, "ins", lang),
                        html_escape(meaning_of(c, lang)));
  return table_page(html_escape(v.order.id), html_escape(v.order.name), html_escape(applies(v, lang)),
                    headers({Label::column_instruction, Label::column_unit, Label::column_previous_wording,
                             Label::column_new_wording, Label::column_meaning},
                            lang),
                    rows, lang);
}

std::string order_table(const OrderView& v, const std::string& current_label, Lang lang) {
  std::string rows;
  int n = 0;
  for (const OrderChangeView& c : v.changes) {
    // The unit, and under it the instruction that changes it; the justification is the order's
    // own word only (an order in force whose text gives none leaves it empty).
    std::string unit = html_escape(unit_of(c));
    if (!c.instruction.empty()) unit += "<br><small>" + html_escape(label(Label::instruction_n, lang, c.instruction)) + "</small>";
    if (!c.reason.empty()) unit += "<br><small>" + label(Label::not_encoded, lang) + ": " + html_escape(c.reason) + "</small>";
    rows += fmt::format("<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", ++n, unit,
                        side_html(c, true, "b", lang), side_html(c, false, "b", lang), html_escape(c.justification));
  }
  // The order as the law names it: its number and date (its қысқаша), its title, its registration.
  std::string heading = html_escape(v.order.name);
  if (v.order.title != v.order.name) heading += "<br>«" + html_escape(v.order.title) + "»";
  if (v.order.registered) heading += "<br>" + label(Label::registered_on, lang, format_date(*v.order.registered));
  const std::string subtitle = current_label.empty() ? html_escape(applies(v, lang))
                                                     : html_escape(label(Label::current_wording_of, lang, current_label));
  const std::string title = label(Label::comparative_table, lang);
  return table_page(title + " — " + html_escape(v.order.id), title, heading + "<br>" + subtitle,
                    "<th>№</th>" + headers({Label::column_unit, Label::column_current_wording,
                                            Label::column_proposed_wording, Label::column_justification},
                                           lang),
                    rows, lang);
}

}  // namespace ssd::cli
