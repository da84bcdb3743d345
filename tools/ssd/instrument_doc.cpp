#include "instrument_doc.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <simdjson.h>

#include "markup.h"
#include "plain_terms.h"
#include "rule_order.h"

namespace ssd::cli {

namespace {

// The page's words, in one place.
constexpr const char* kContents = "Мазмұны";
constexpr const char* kAsOf = "Күшіндегі редакциясы, күні:";
constexpr const char* kChecked = "Не тексеріледі";
constexpr const char* kComputed = "есептеледі (іс жазбасынан)";
constexpr const char* kAttested = "куәландырылады (инспектордың бағасы)";
constexpr const char* kCondition = "Шарты:";
constexpr const char* kSeverity = "Бұзушылық дәрежесі:";
constexpr const char* kExample = "Мысал";
constexpr const char* kField = "Жазбаның өрісі";
constexpr const char* kValue = "Мәні";
constexpr const char* kExpected = "Күтілетін нәтиже";
constexpr const char* kRecord = "жазба тұтас";
constexpr const char* kRecordDate = "тексеру күні";
constexpr const char* kOwnWording = "стандарттың өз мәтіні";
constexpr const char* kEstimated = "(күні шамамен: ең ерте мүмкін күні)";
constexpr const char* kGeneralExamples = "Жалпы мысалдар";

// The contract's result words as the law's reader says them.
const std::pair<const char*, const char*> kStatusWords[] = {
    {"pass", "өтті"}, {"fail", "өтпеді"}, {"not_applicable", "қолданылмайды"}, {"missing_data", "деректер жоқ"},
    {"not_reported", "хабарланбайды"}, {"compliant", "сәйкес"}, {"non_compliant", "сәйкес емес"},
    {"incomplete", "толық емес"}, {"not_in_force", "күшінде емес"}, {"error", "қате"}};

std::string status_words(const std::string& code) {
  for (const auto& [c, words] : kStatusWords)
    if (code == c) return words;
  return code;
}

std::string anchor(const std::string& rule) {
  std::string out = "p-";
  for (const char c : rule) out += (c == ':' || c == '.') ? '-' : c;
  return out;
}

std::string period(const std::optional<Day>& from, const std::optional<Day>& until) {
  std::string out;
  if (from) out += format_date(*from) + " бастап";
  if (until) out += (out.empty() ? "" : ", ") + format_date(*until) + " дейін";
  return out;
}

class Page {
 public:
  Page(const CompiledInstrument& in, Day as_of) : in_(in), p_(in.program), as_of_(as_of) {}

  std::string html() {
    std::vector<int> shown;
    for (size_t i = 0; i < p_.provisions.size(); ++i)
      if (p_.provisions[i].in_force_on(as_of_)) shown.push_back(static_cast<int>(i));
    std::stable_sort(shown.begin(), shown.end(), [&](int a, int b) {
      return rule_order(p_.provisions[a].rule) < rule_order(p_.provisions[b].rule);
    });
    place_examples(shown);
    std::string toc, body;
    for (const int i : shown) {
      const Provision& v = p_.provisions[i];
      if (v.parent < 0 && !v.rule.empty())
        toc += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", anchor(v.rule), html_escape(heading(v)));
      body += provision(i);
    }
    if (!general_.empty()) {
      body += fmt::format("<section class=\"provision\"><h2>{}</h2>\n", kGeneralExamples);
      for (const Example* e : general_) body += example(*e);
      body += "</section>\n";
    }
    return page(toc, body);
  }

 private:
  std::string heading(const Provision& v) const {
    if (v.rule.empty()) return p_.instrument.title;
    // The citation without the instrument's name, which the page's title gives.
    const std::string prefix = p_.instrument.short_name + ", ";
    if (v.citation.starts_with(prefix)) return v.citation.substr(prefix.size());
    return v.citation.empty() ? "§ " + v.rule : v.citation;
  }

  // Each example under the provision its first expectation names; the others at the end.
  void place_examples(const std::vector<int>& shown) {
    std::map<std::string, int> by_rule;
    for (const int i : shown) by_rule.emplace(p_.provisions[i].rule, i);
    for (const Example& e : in_.examples) {
      const auto named = std::find_if(e.expectations.begin(), e.expectations.end(),
                                      [](const Example::Expectation& x) { return !x.rule.empty(); });
      const auto it = named == e.expectations.end() ? by_rule.end() : by_rule.find(named->rule);
      if (it == by_rule.end()) general_.push_back(&e);
      else examples_[it->second].push_back(&e);
    }
  }

  int depth(int i) const {
    int d = 0;
    for (int k = p_.provisions[i].parent; k >= 0 && d < 8; k = p_.provisions[k].parent) ++d;
    return d;
  }

  std::string provision(int i) {
    const Provision& v = p_.provisions[i];
    std::string out = fmt::format("<section class=\"provision depth-{}\" id=\"{}\">\n", std::min(depth(i), 3), anchor(v.rule));
    out += fmt::format("<h{0} class=\"cite\">{1}</h{0}>\n", v.parent < 0 ? 2 : 3, html_escape(heading(v)));
    if (!v.text.empty()) out += "<p class=\"law\">" + html_escape(v.text) + "</p>\n";
    else if (!v.text_from.empty()) out += "<p class=\"law from\">Мәтіні: " + html_escape(v.text_from) + "</p>\n";
    int requirements = 0;
    for (const Requirement& r : p_.requirements)
      if (r.provision == i && r.in_force_on(as_of_)) out += requirement(r), ++requirements;
    for (const Example* e : examples_[i]) out += example(*e);
    out += "<p class=\"mark\">" + mark(v, requirements) + history(v) + "</p>\n";
    for (const std::string& note : v.notes) out += "<p class=\"note\">Ескертпе: " + html_escape(note) + "</p>\n";
    return out + "</section>\n";
  }

  std::string requirement(const Requirement& r) const {
    std::string out = "<div class=\"req\">\n";
    out += fmt::format("<p><b>{}:</b> {}</p>\n", kChecked,
                       html_escape(capitalised(r.description_kk.empty() ? r.name : r.description_kk)));
    out += fmt::format("<p class=\"how\">{}", r.attested ? kAttested : kComputed);
    if (r.severity != Severity::None) out += fmt::format("; {} {}", kSeverity, severity_kk(r.severity));
    out += "</p>\n";
    if (!r.attested && r.root >= 0)
      out += fmt::format("<p class=\"terms\">{} {}.</p>\n", kCondition, html_escape(plain_condition(p_, r.root)));
    if (r.from || r.until) out += "<p class=\"hist\">Бұл талап: " + html_escape(period(r.from, r.until)) + "</p>\n";
    return out + "</div>\n";
  }

  std::string mark(const Provision& v, int requirements) const {
    if (v.to_do) return "<span class=\"todo\">Әлі кодталмаған</span>";
    if (!v.reason.empty()) return "<span class=\"reason\">Кодталмайды: " + html_escape(v.reason) + "</span>";
    if (requirements) return fmt::format("<span class=\"done\">Кодталған: {} талап</span>", requirements);
    return "";
  }

  std::string history(const Provision& v) const {
    std::string out = " · Редакциясы: ";
    if (v.act.empty()) {
      out += kOwnWording;
      if (p_.instrument.in_force_from)
        out += ", " + format_date(*p_.instrument.in_force_from) + " бастап" +
               (p_.instrument.in_force_estimated ? std::string(" ") + kEstimated : "");
    } else {
      out += html_escape(v.act);
      if (v.from || v.until) out += ", " + period(v.from, v.until);
      // A first day that rests on a publication date the corpus does not give.
      if (v.from && p_.instrument.uncertain_on(*v.from)) out += std::string(" ") + kEstimated;
    }
    return out;
  }

  // A slot of the record by its JSON path.
  const Slot* slot(const std::string& path) const {
    for (const Slot& s : p_.slots)
      if (s.json_path == path) return &s;
    return nullptr;
  }

  std::string label_of(const Slot* s, std::string_view code) const {
    if (s && s->enum_id >= 0)
      for (const EnumMember& m : p_.enums[s->enum_id].members)
        if (m.code == code) return m.label.empty() ? m.name : m.label;
    return std::string(code);
  }

  // The record's fields, one row each: nested objects by their dotted path.
  void rows(simdjson::dom::element e, const std::string& path, std::string& out) const {
    simdjson::dom::object object;
    const Slot* s = slot(path);
    if (!s && !e.get_object().get(object)) {
      for (auto [key, value] : object) rows(value, path.empty() ? std::string(key) : path + "." + std::string(key), out);
      return;
    }
    std::string value;
    std::string_view text;
    simdjson::dom::array array;
    if (!e.get_string().get(text)) {
      value = label_of(s, text);
    } else if (!e.get_array().get(array) &&
               std::all_of(array.begin(), array.end(), [](simdjson::dom::element x) { return x.is_string(); })) {
      for (auto item : array) append_joined(value, "; ", label_of(s, item.get_string().value()));
    } else if (e.is_bool()) {
      value = e.get_bool().value() ? "иә" : "жоқ";
    } else {
      value = simdjson::minify(e);
    }
    const std::string name = s ? plain_field(s->name) : path == "as_of" ? kRecordDate : path;
    out += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", html_escape(name), html_escape(value));
  }

  std::string example(const Example& e) const {
    std::string out = fmt::format("<table class=\"example\"><caption>{}: {}</caption>\n", kExample, html_escape(e.name));
    out += fmt::format("<tr><th>{}</th><th>{}</th></tr>\n", kField, kValue);
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (!parser.parse(e.record_json).get(doc)) rows(doc, "", out);
    for (const Example::Expectation& x : e.expectations) {
      std::string what = x.rule.empty() ? kRecord : "§ " + x.rule;
      if (!x.requirement.empty()) what += " (" + x.requirement + ")";
      out += fmt::format("<tr class=\"expected\"><td>{}: {}</td><td>{}</td></tr>\n", kExpected, html_escape(what),
                         html_escape(status_words(x.status)));
    }
    return out + "</table>\n";
  }

  std::string page(const std::string& toc, const std::string& body) const {
    const Instrument& in = p_.instrument;
    std::string meta;
    if (!in.approved.empty()) meta += "<p>" + html_escape(in.approved) + "</p>\n";
    if (!in.wording.empty()) meta += "<p>" + html_escape(in.wording) + "</p>\n";
    if (in.in_force_from)
      meta += fmt::format("<p>Күшіне енген күні: {}{}</p>\n", format_date(*in.in_force_from),
                          in.in_force_estimated ? std::string(" ") + kEstimated : "");
    for (const UncertainPeriod& u : in.uncertain)
      meta += fmt::format("<p class=\"uncertain\">Күні анық емес кезең: {} — {}: {}</p>\n", format_date(u.from),
                          format_date(u.to - 1), html_escape(u.why_kk));
    if (in.repealed_from) meta += fmt::format("<p>Күші жойылған күні: {}</p>\n", format_date(*in.repealed_from));
    if ((in.in_force_from && as_of_ < *in.in_force_from) || (in.repealed_from && as_of_ >= *in.repealed_from))
      meta += fmt::format("<p class=\"todo\">{} күні стандарт күшінде емес: төменде оның соңғы редакциясы.</p>\n", format_date(as_of_));
    if (!in.partial.empty()) meta += "<p>Ішінара: " + html_escape(in.partial) + "</p>\n";
    return fmt::format(R"(<!DOCTYPE html>
<html lang="kk">
<head>
<meta charset="utf-8">
<title>{0}</title>
<style>
  @page {{ size: A4 portrait; margin: 18mm 15mm 18mm 20mm; }}
  body {{ font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12pt; color: #000;
         max-width: 175mm; margin: 0 auto; }}
  h1 {{ font-size: 16pt; text-align: center; }}
  h2 {{ font-size: 13pt; margin: 6mm 0 2mm; }}
  h3 {{ font-size: 12pt; margin: 4mm 0 1mm; }}
  .meta p {{ margin: 1mm 0; font-size: 10.5pt; }}
  nav.toc {{ page-break-after: always; }}
  nav.toc ol {{ columns: 2; font-size: 10.5pt; }}
  .depth-1 {{ margin-left: 6mm; }} .depth-2 {{ margin-left: 12mm; }} .depth-3 {{ margin-left: 18mm; }}
  p.law {{ text-align: justify; white-space: pre-line; margin: 1mm 0; }}
  .req {{ border-left: 2pt solid #246; padding: 0 0 0 3mm; margin: 2mm 0; font-family: "DejaVu Sans", sans-serif;
          font-size: 9.5pt; }}
  .req p {{ margin: 0.5mm 0; }}
  .how, .hist, .mark, .note {{ color: #333; font-size: 9pt; font-family: "DejaVu Sans", sans-serif; }}
  .todo {{ color: #a40; font-weight: bold; }} .done {{ color: #060; }}
  table.example {{ border-collapse: collapse; margin: 2mm 0; font-family: "DejaVu Sans", sans-serif; font-size: 9pt;
                   page-break-inside: avoid; }}
  table.example caption {{ text-align: left; font-weight: bold; }}
  table.example td, table.example th {{ border: 0.5pt solid #777; padding: 0.5mm 2mm; vertical-align: top; }}
  tr.expected td {{ background: #eef; }}
</style>
</head>
<body>
<h1>{0}</h1>
<div class="meta">
{1}<p>{2} {3}</p>
</div>
<nav class="toc"><h2>{4}</h2>
<ol>
{5}</ol>
</nav>
{6}</body>
</html>
)",
                       html_escape(in.title), meta, kAsOf, format_date(as_of_), kContents, toc, body);
  }

  const CompiledInstrument& in_;
  const Program& p_;
  const Day as_of_;
  std::map<int, std::vector<const Example*>> examples_;
  std::vector<const Example*> general_;
};

}  // namespace

std::string instrument_doc_html(const CompiledInstrument& instrument, Day as_of) {
  return Page(instrument, as_of).html();
}

}  // namespace ssd::cli
