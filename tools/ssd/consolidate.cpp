#include "consolidate.h"

#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "markup.h"
#include "rule_order.h"

namespace ssd::cli {

namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') { out += "\\n"; continue; }
    if (c == '\t') { out += "\\t"; continue; }
    out.push_back(c);
  }
  return out + "\"";
}

// Letters, not bytes.
size_t width(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// A law's text as a literal: a long one as a """block""" of lines of about 90 characters, which
// reads back the same (its white space folds to single spaces); one that would not, quoted.
std::string text_literal(const std::string& text, size_t indent) {
  const bool folds_back = text.find("  ") == std::string::npos && text.find_first_of("\n\t") == std::string::npos &&
                          text.find("\"\"\"") == std::string::npos && !text.empty() && text.front() != ' ' &&
                          text.back() != ' ' && text.back() != '"';
  if (!folds_back || width(text) < 90) return quoted(text);
  std::string out = "\"\"\"", line;
  auto flush = [&](bool last) {
    out += line;
    if (!last) out += "\n" + std::string(indent + 2, ' ');
    line.clear();
  };
  size_t start = 0;
  while (start < text.size()) {
    size_t space = text.find(' ', start);
    const std::string word = text.substr(start, space == std::string::npos ? std::string::npos : space - start);
    if (!line.empty() && width(line) + 1 + width(word) > 90) flush(false);
    line += (line.empty() ? "" : " ") + word;
    if (space == std::string::npos) break;
    start = space + 1;
  }
  flush(true);
  return out + "\"\"\"";
}

// Indices of the provisions (and requirements) in force on `day`, in law order.
template <class T>
std::vector<const T*> by_rule(const std::vector<T>& items, Day day) {
  std::vector<const T*> out;
  for (const T& item : items)
    if (item.in_force_on(day)) out.push_back(&item);
  std::stable_sort(out.begin(), out.end(), [](const T* a, const T* b) { return rule_order(a->rule) < rule_order(b->rule); });
  return out;
}

// A declaration as written keeps its lines' indentation from its file: re-indent it by `indent`
// spaces after its first line's own place, whatever that was.
std::string reindented(const std::string& text, size_t indent) {
  std::vector<std::string> lines;
  for (size_t start = 0;;) {
    const size_t nl = text.find('\n', start);
    lines.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  size_t common = std::string::npos;
  for (size_t i = 1; i < lines.size(); ++i)
    if (lines[i].find_first_not_of(' ') != std::string::npos) common = std::min(common, lines[i].find_first_not_of(' '));
  const std::string pad(indent, ' ');
  std::string out = pad + lines[0];
  for (size_t i = 1; i < lines.size(); ++i)
    out += "\n" + (lines[i].size() > common ? pad + lines[i].substr(common) : std::string());
  return out;
}

template <class T>
std::string wording_comment(const T& item, size_t indent) {
  if (item.act.empty()) return "";
  return fmt::format("{}// {} редакциясы, {} бастап\n", std::string(indent, ' '), item.act,
                     item.from ? format_date(*item.from) : "…");
}

const char* kind_code(ProvisionKind kind) {
  switch (kind) {
    case ProvisionKind::Paragraph: return "paragraph";
    case ProvisionKind::SubParagraph: return "subparagraph";
    case ProvisionKind::Abzats: return "abzats";
    case ProvisionKind::Appendix: return "appendix";
    case ProvisionKind::AppendixTitle: return "appendix_title";
    case ProvisionKind::Row: return "row";
  }
  return "";
}

const char* keyword(ProvisionKind kind) {
  switch (kind) {
    case ProvisionKind::Paragraph: return "тармақ";
    case ProvisionKind::SubParagraph: return "тармақша";
    case ProvisionKind::Abzats: return "абзац";
    case ProvisionKind::Appendix: return "қосымша";
    case ProvisionKind::AppendixTitle: return "тақырыбы";
    case ProvisionKind::Row: return "жол";
  }
  return "";
}

// The blocks of the consolidated text: one per place (kind and number, under the blocks around
// it), holding the provision in force there, if any, and the places inside it.
struct Place {
  ProvisionKind kind;
  std::string number;
  std::string rule;
  std::vector<const Provision*> provisions;  // several only for unnumbered абзацs
  std::vector<std::unique_ptr<Place>> inside;

  Place& at(ProvisionKind k, const std::string& n, const std::string& r) {
    for (auto& p : inside)
      if (p->kind == k && p->number == n && !n.empty()) return *p;
    inside.push_back(std::make_unique<Place>(Place{k, n, r, {}, {}}));
    return *inside.back();
  }
};

// The places around a provision, outermost first, from its rule: "5.1.2" → тармақ 5, тармақша 1.
std::vector<std::pair<ProvisionKind, std::string>> places_of(const std::string& rule) {
  std::vector<std::pair<ProvisionKind, std::string>> out;
  if (rule.empty()) return out;
  if (rule.rfind("app", 0) == 0) {
    const size_t colon = rule.find(':');
    out.push_back({ProvisionKind::Appendix, rule.substr(3, colon == std::string::npos ? std::string::npos : colon - 3)});
    if (colon != std::string::npos) {
      const std::string row = rule.substr(colon + 1);
      out.push_back({row == "title" ? ProvisionKind::AppendixTitle : ProvisionKind::Row, row == "title" ? "" : row});
    }
    return out;
  }
  const ProvisionKind kinds[] = {ProvisionKind::Paragraph, ProvisionKind::SubParagraph, ProvisionKind::Abzats};
  size_t level = 0;
  for (size_t start = 0; level < 3; ++level) {
    const size_t dot = rule.find('.', start);
    out.push_back({kinds[level], rule.substr(start, dot == std::string::npos ? std::string::npos : dot - start)});
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

class SourceWriter {
 public:
  SourceWriter(const Program& p, Day day) : p_(p) {
    for (const Requirement* r : by_rule(p.requirements, day)) requirements_[r->provision].push_back(r);
    for (const Provision* v : by_rule(p.provisions, day)) {
      auto around = places_of(v->rule);
      // A row of a table that is the whole instrument (the risk criteria) stands at the top.
      if (v->kind == ProvisionKind::Row && v->rule.rfind("app", 0) != 0) around = {{ProvisionKind::Row, v->rule}};
      Place* place = &root_;
      for (const auto& [kind, number] : around) place = &place->at(kind, number, "");
      if (v->kind == ProvisionKind::Abzats && v->number.empty()) place = &place->at(ProvisionKind::Abzats, "", v->rule);
      place->rule = v->rule;
      place->provisions.push_back(v);
    }
  }

  std::string write() const {
    std::string out;
    for (const auto& place : root_.inside) out += block(*place, 2) + "\n";
    return out;
  }

 private:
  std::string block(const Place& place, size_t indent) const {
    const std::string pad(indent, ' ');
    std::string out;
    const Provision* v = place.provisions.empty() ? nullptr : place.provisions.front();
    if (v) out += wording_comment(*v, indent);
    out += pad + keyword(place.kind);
    if (!place.number.empty()) out += " " + place.number;
    if (v && !v->text.empty()) out += " " + text_literal(v->text, indent);
    out += " {\n";
    if (v) {
      if (!v->reason.empty()) out += pad + "  кодталмайды " + quoted(v->reason) + "\n";
      for (const std::string& note : v->notes) out += pad + "  ескертпе " + quoted(note) + "\n";
      const auto own = requirements_.find(static_cast<std::int32_t>(v - p_.provisions.data()));
      if (own != requirements_.end())
        for (const Requirement* r : own->second) out += reindented(r->source, indent + 2) + "\n";
    }
    for (const auto& inner : place.inside) out += block(*inner, indent + 2);
    return out + pad + "}\n";
  }

  const Program& p_;
  Place root_{ProvisionKind::Paragraph, "", "", {}, {}};
  std::map<std::int32_t, std::vector<const Requirement*>> requirements_;
};

}  // namespace

Program in_force_on(const Program& program, Day day) {
  Program p = program;
  const Instrument& in = p.instrument;
  const bool instrument_in_force = (!in.in_force_from || *in.in_force_from <= day) &&
                                   (!in.repealed_from || day < *in.repealed_from);
  // The provisions kept, renumbered; requirements and enclosing provisions follow them.
  std::vector<std::int32_t> renumbered(p.provisions.size(), -1);
  std::vector<Provision> provisions;
  for (size_t i = 0; i < p.provisions.size(); ++i) {
    if (!instrument_in_force || !p.provisions[i].in_force_on(day)) continue;
    renumbered[i] = static_cast<std::int32_t>(provisions.size());
    provisions.push_back(p.provisions[i]);
    Provision& kept = provisions.back();
    kept.parent = kept.parent >= 0 ? renumbered[kept.parent] : -1;
  }
  p.provisions = std::move(provisions);
  std::erase_if(p.requirements, [&](const Requirement& r) { return !instrument_in_force || !r.in_force_on(day); });
  for (Requirement& r : p.requirements) r.provision = r.provision >= 0 ? renumbered[r.provision] : -1;
  return p;
}

std::string consolidated_source(const Program& p, Day day) {
  const Instrument& in = p.instrument;
  std::string out = fmt::format("// {} — {} күнгі редакция (ssd consolidate).\n", in.id, format_date(day));
  out += fmt::format("стандарт {} {} {{\n", in.id, quoted(in.title));
  bool repeal_written = false;
  for (const std::string& m : p.meta_source) {
    out += "  " + m + "\n";
    repeal_written = repeal_written || m.rfind("күші_жойылады", 0) == 0;
  }
  // A repeal made by an amending order is not in the instrument's own lines.
  if (in.repealed_from && !repeal_written)
    out += fmt::format("  күші_жойылады {} {}\n", format_date(*in.repealed_from), quoted(in.repealed_note));
  if (!p.declarations_source.empty()) out += "\n";
  for (const std::string& d : p.declarations_source) out += reindented(d, 2) + "\n\n";
  out += SourceWriter(p, day).write();
  return out + "}\n";
}

std::string consolidated_text(const Program& p, Day day) {
  const Instrument& in = p.instrument;
  std::string out = fmt::format("{}\n{}\n", in.title, std::string(40, '='));
  if (!in.approved.empty()) out += "Бекітілген: " + in.approved + "\n";
  if (!in.wording.empty()) out += "Редакция: " + in.wording + "\n";
  out += fmt::format("{} күнгі редакция.\n", format_date(day));
  if ((in.in_force_from && day < *in.in_force_from) || (in.repealed_from && day >= *in.repealed_from))
    out += "Бұл күні күшінде емес.\n";
  out += "\n";
  // Each provision in force with its text once: how it is encoded, and by whose wording.
  std::map<std::int32_t, const Requirement*> first_requirement;
  for (const Requirement* r : by_rule(p.requirements, day)) first_requirement.emplace(r->provision, r);
  for (const Provision* v : by_rule(p.provisions, day)) {
    const auto r = first_requirement.find(static_cast<std::int32_t>(v - p.provisions.data()));
    const Requirement* q = r == first_requirement.end() ? nullptr : r->second;
    std::string mark;
    if (q) mark = q->attested ? "  [тексеруші куәландырады]" : "  [жазбадан тексеріледі]";
    else if (!v->reason.empty()) mark = "  [" + v->reason + "]";
    const std::string text = v->text.empty() && q ? q->description_kk : v->text;
    if (text.empty() && mark.empty()) continue;  // a block that only holds others
    out += fmt::format("§ {}{}\n", v->rule.empty() ? "—" : v->rule, mark);
    if (!v->act.empty()) out += "   (" + v->act + (q && v->from ? ", " + format_date(*v->from) + " бастап" : "") + ")\n";
    out += "   " + text + "\n\n";
  }
  return out;
}

std::string consolidated_json(const Program& p, Day day) {
  const Instrument& in = p.instrument;
  const bool in_force = (!in.in_force_from || *in.in_force_from <= day) && (!in.repealed_from || day < *in.repealed_from);
  std::string out = "{\"instrument\":" + json_quote(in.id) + ",\"title\":" + json_quote(in.title) +
                    ",\"as_of\":" + json_quote(format_date(day)) + ",\"in_force\":" + (in_force ? "true" : "false") +
                    ",\"provisions\":[";
  std::map<std::int32_t, std::vector<const Requirement*>> own;
  for (const Requirement* r : by_rule(p.requirements, day)) own[r->provision].push_back(r);
  bool first = true;
  for (const Provision* v : in_force ? by_rule(p.provisions, day) : std::vector<const Provision*>{}) {
    std::string requirements;
    if (const auto r = own.find(static_cast<std::int32_t>(v - p.provisions.data())); r != own.end())
      for (const Requirement* q : r->second) requirements += (requirements.empty() ? "" : ",") + json_quote(q->name);
    out += std::string(first ? "" : ",") + "\n{\"rule\":" + json_quote(v->rule) + ",\"kind\":" + json_quote(kind_code(v->kind)) +
           ",\"number\":" + json_quote(v->number) + ",\"text\":" + json_quote(v->text) +
           ",\"reason\":" + json_quote(v->reason) + ",\"requirements\":[" + requirements + "]" +
           ",\"act\":" + json_quote(v->act) + ",\"file\":" + json_quote(v->file) +
           ",\"line\":" + std::to_string(v->text_line ? v->text_line : v->line) + "}";
    first = false;
  }
  return out + "]}\n";
}

}  // namespace ssd::cli
