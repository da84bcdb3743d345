#include "consolidate.h"

#include <algorithm>

#include <fmt/format.h>

#include "rule_order.h"

namespace ssd::cli {

namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

template <class T>
std::vector<const T*> by_rule(const std::vector<T>& items, Day day) {
  std::vector<const T*> out;
  for (const T& item : items)
    if (item.in_force_on(day)) out.push_back(&item);
  std::stable_sort(out.begin(), out.end(), [](const T* a, const T* b) { return rule_order(a->rule) < rule_order(b->rule); });
  return out;
}

// A declaration as written keeps its lines' indentation from its file: re-indent it by two spaces
// after its first line's own place, whatever that was.
std::string reindented(const std::string& text) {
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
  std::string out = "  " + lines[0];
  for (size_t i = 1; i < lines.size(); ++i)
    out += "\n" + (lines[i].size() > common ? "  " + lines[i].substr(common) : std::string());
  return out;
}

template <class T>
std::string wording_comment(const T& item) {
  if (item.act.empty()) return "";
  return fmt::format("  // {} редакциясы, {} бастап\n", item.act, item.from ? format_date(*item.from) : "…");
}

}  // namespace

Program in_force_on(const Program& program, Day day) {
  Program p = program;
  const Instrument& in = p.instrument;
  const bool instrument_in_force = (!in.in_force_from || *in.in_force_from <= day) &&
                                   (!in.repealed_from || day < *in.repealed_from);
  std::erase_if(p.requirements, [&](const Requirement& r) { return !instrument_in_force || !r.in_force_on(day); });
  std::erase_if(p.provisions, [&](const Provision& v) { return !instrument_in_force || !v.in_force_on(day); });
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
  for (const std::string& d : p.declarations_source) out += reindented(d) + "\n\n";
  for (const Requirement* r : by_rule(p.requirements, day)) out += wording_comment(*r) + reindented(r->source) + "\n\n";
  for (const Provision* v : by_rule(p.provisions, day)) out += wording_comment(*v) + reindented(v->source) + "\n\n";
  return out + "}\n";
}

std::string consolidated_text(const Program& p, Day day) {
  const Instrument& in = p.instrument;
  std::string out = fmt::format("{}\n{}\n", in.title, std::string(40, '='));
  if (!in.approved.empty()) out += "Бекітілген: " + in.approved + "\n";
  if (!in.wording.empty()) out += "Редакция: " + in.wording + "\n";
  out += fmt::format("{} күнгі редакция.\n", format_date(day));
  if ((in.in_force_from && day < *in.in_force_from) || (in.repealed_from && day >= *in.repealed_from))
    out += "Бұл күні күшінде емес / not in force on this day.\n";
  out += "\n";
  struct Entry {
    std::string rule, law, mark, act;
  };
  std::vector<Entry> entries;
  for (const Requirement* r : by_rule(p.requirements, day))
    entries.push_back({r->rule, r->law.empty() ? r->description_kk : r->law,
                       r->attested ? "[тексеруші куәландырады]" : "[жазбадан тексеріледі]",
                       r->act.empty() ? "" : r->act + (r->from ? ", " + format_date(*r->from) + " бастап" : "")});
  for (const Provision* v : by_rule(p.provisions, day))
    entries.push_back({v->rule, v->law, "[" + v->reason + "]", v->act});
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return rule_order(a.rule) < rule_order(b.rule); });
  std::string last;
  for (const Entry& e : entries) {
    // Several requirements of one citation share its text: print it once.
    if (e.rule == last) continue;
    last = e.rule;
    out += fmt::format("§ {}  {}\n", e.rule, e.mark);
    if (!e.act.empty()) out += "   (" + e.act + ")\n";
    out += "   " + e.law + "\n\n";
  }
  return out;
}

}  // namespace ssd::cli
