#include "order_changes.h"

#include <algorithm>
#include <set>

#include "semantic_diff.h"

namespace ssd::cli {

namespace {

// The wording of the provisions given: their texts, outermost first, one a line.
std::optional<std::string> wording(const Program& p, const std::vector<std::int32_t>& provisions) {
  std::string out;
  for (std::int32_t i : provisions) {
    const std::string& text = p.provisions[i].text;
    if (text.empty()) continue;
    if (!out.empty()) out += '\n';
    out += text;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// The program with only the requirements written in `provisions`.
Program with_requirements_of(const Program& p, const std::vector<std::int32_t>& provisions) {
  Program out = p;
  const std::set<std::int32_t> within(provisions.begin(), provisions.end());
  std::erase_if(out.requirements, [&](const Requirement& r) { return !within.count(r.provision); });
  return out;
}

// `rule` is the provision `target` or one of its parts ("" the whole instrument).
bool rule_within(const std::string& rule, const std::string& target) {
  if (target.empty() || rule == target) return true;
  const bool appendix = target.rfind("app", 0) == 0 && target.find(':') == std::string::npos;
  return rule.rfind(target + (appendix ? ":" : "."), 0) == 0;
}

}  // namespace

std::string source_of(const OrderChangeView& c, LabelLang lang) {
  if (lang == LabelLang::Json) lang = LabelLang::Kk;  // JSON has always carried it in the law's words
  std::string out = c.order;
  if (!c.instruction.empty()) out += ", " + label(Label::instruction_n, lang, c.instruction);
  if (c.applies_from)
    out += ", " + label(Label::from_day, lang, format_date(*c.applies_from)) +
           (c.applies_from_earliest ? " " + label(Label::earliest_possible_day, lang) : "");
  return out;
}

void attribute_changes(InstrumentDiff& d, LabelLang lang) {
  for (ProvisionChange& p : d.changes)
    for (const OrderChangeView& a : d.amendments) {
      // The latest change whose provision holds the requirement's; an instruction that changes no
      // block holds none.
      if (!a.unit.empty() || !rule_within(p.rule, a.target)) continue;
      p.source = source_of(a, lang);
      if (p.kind == ProvisionChange::Added && a.kind == OrderChange::NewWording && !a.previous_in_corpus)
        p.kind = ProvisionChange::NewWording;
    }
}

const char* to_string(OrderChange::Kind kind) {
  switch (kind) {
    case OrderChange::NewWording: return "new_wording";
    case OrderChange::Supplement: return "supplement";
    case OrderChange::Deletion: return "deletion";
    case OrderChange::Repeal: return "repeal";
    case OrderChange::RussianTextOnly: return "new_wording";
  }
  return "";
}

std::optional<OrderView> order_view(const CompileResult& result, const std::string& order_id, LabelLang lang) {
  auto order = std::find_if(result.orders.begin(), result.orders.end(), [&](const CompiledOrder& o) { return o.id == order_id; });
  if (order == result.orders.end()) return std::nullopt;
  OrderView view;
  view.order = *order;
  view.order.changes.clear();
  for (const OrderChange& c : order->changes) {
    auto in = std::find_if(result.instruments.begin(), result.instruments.end(),
                           [&](const CompiledInstrument& i) { return i.program.instrument.id == c.instrument; });
    if (in == result.instruments.end()) continue;
    const Program& p = in->program;
    OrderChangeView v;
    v.order = order->name;
    v.applies_from = order->applies_from;
    v.applies_from_earliest = order->applies_from_earliest;
    v.instruction = c.instruction;
    v.instrument = c.instrument;
    v.instrument_name = p.instrument.short_name.empty() ? p.instrument.title : p.instrument.short_name;
    v.target = c.target;
    v.citation = !c.wording.empty() ? c.wording : c.unit;
    v.kind = c.kind;
    v.unit = c.unit;
    v.reason = c.reason;
    v.justification = c.justification;
    v.previous = wording(p, c.ended);
    v.next = c.kind == OrderChange::RussianTextOnly ? std::nullopt
             : !c.started.empty()                   ? wording(p, c.started)
             : c.text.empty()                       ? std::nullopt
                                                    : std::optional<std::string>(c.text);
    // A supplement replaces nothing; any other change had a wording before, which the corpus
    // holds when it encodes the provisions the change ends.
    v.previous_in_corpus = c.kind == OrderChange::Supplement || (!c.ended.empty() && v.previous);
    if (v.previous_in_corpus && c.kind != OrderChange::RussianTextOnly) {
      const InstrumentDiff d = diff_programs(with_requirements_of(p, c.ended), with_requirements_of(p, c.started), lang);
      v.meaning_changed = std::any_of(d.changes.begin(), d.changes.end(),
                                      [](const ProvisionChange& x) { return x.kind != ProvisionChange::Reworded; });
      for (const ProvisionChange& x : d.changes) {
        if (x.kind == ProvisionChange::Added)
          v.what.push_back(label_joined(Label::requirement_added, lang, " — ") + ": " + x.name);
        if (x.kind == ProvisionChange::Removed)
          v.what.push_back(label_joined(Label::requirement_removed, lang, " — ") + ": " + x.name);
        for (const std::string& w : x.what) v.what.push_back(w);
      }
    }
    view.changes.push_back(std::move(v));
  }
  return view;
}

std::vector<OrderChangeView> instrument_changes(const CompileResult& result, const std::string& instrument, Day after,
                                                Day until, LabelLang lang) {
  std::vector<const CompiledOrder*> orders;
  for (const CompiledOrder& o : result.orders)
    if (o.applies_from && after < *o.applies_from && *o.applies_from <= until) orders.push_back(&o);
  std::stable_sort(orders.begin(), orders.end(),
                   [](const CompiledOrder* x, const CompiledOrder* y) { return *x->applies_from < *y->applies_from; });
  std::vector<OrderChangeView> out;
  for (const CompiledOrder* o : orders)
    if (std::optional<OrderView> view = order_view(result, o->id, lang))
      for (OrderChangeView& c : view->changes)
        if (c.instrument == instrument) out.push_back(std::move(c));
  return out;
}

}  // namespace ssd::cli
