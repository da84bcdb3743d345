#include "lower.h"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

#include "blocks.h"
#include "builtins.h"
#include "check.h"
#include "ssd/internal/keys.h"
#include "ssd/internal/text.h"
#include "units.h"

namespace ssd {

namespace {

// No explanation in the standards quotes more than 200 bytes of its expression.
constexpr size_t kMaxExplainedSource = 500;

Severity severity_of(const std::optional<ast::Name>& name) {
  if (!name) return Severity::None;
  if (name->text == "өрескел") return Severity::Gross;
  if (name->text == "елеулі") return Severity::Significant;
  if (name->text == "болмашы") return Severity::Minor;
  return Severity::None;
}

class Lowerer {
 public:
  explicit Lowerer(const Scope& scope) : s_(scope) {}

  Program run() {
    const ast::InstrumentDecl& in = *s_.instrument;
    p_.source_name = s_.file->name();
    p_.meta_source = in.meta_source;
    p_.declarations_source = in.declarations_source;
    instrument(in);
    for (const EnumInfo& e : s_.enums) {
      EnumDef def{e.decl->name.text, {}, e.decl->open};
      for (const auto& m : e.decl->members) def.members.push_back({m.name.text, m.code, m.label, m.rule});
      p_.enums.push_back(std::move(def));
    }
    for (const MappingInfo& m : s_.mappings)
      p_.mappings.push_back({m.decl->name.text, m.from_enum, m.to_enum, m.image});
    // Every field the instrument can read gets a slot, used or not, so that a record's value of
    // the wrong type is an error whichever rules read it.
    slot_of_field_.assign(s_.fields.size(), -1);
    for (size_t i = 0; i < s_.fields.size(); ++i) {
      const FieldInfo& f = s_.fields[i];
      if (f.type.is_error()) continue;
      slot_of_field_[i] = static_cast<int>(p_.slots.size());
      const bool objects = f.type.kind == Type::ObjectList;
      p_.slots.push_back({f.decl->path.text, f.decl->json_path, value_type(f.type),
                          objects ? -1 : f.type.enum_id, objects ? f.type.enum_id : -1, {}, {}});
    }
    for (const RecordTypeInfo& r : s_.records) {
      RecordType out{r.name, {}};
      for (const auto& f : r.fields)
        out.fields.push_back({r.name + "." + f.decl->name.text, f.decl->json_key, value_type(f.type), f.type.enum_id, -1, {}, {}});
      p_.record_types.push_back(std::move(out));
    }
    for (const auto& ref : s_.timeline.provisions) provision(ref);
    for (const auto& r : s_.timeline.requirements) requirement(r);
    for (const auto& c : s_.instrument->closed_lists) closed_list(c);
    return std::move(p_);
  }

 private:
  void instrument(const ast::InstrumentDecl& in) {
    Instrument& m = p_.instrument;
    m.id = in.id.text;
    m.title = in.title;
    m.short_name = in.meta.short_name ? in.meta.short_name->text : in.title;
    if (in.meta.approved) m.approved = in.meta.approved->text;
    if (in.meta.wording) m.wording = in.meta.wording->text;
    if (in.meta.in_force) m.in_force_note = in.meta.in_force->text;
    m.in_force_from = first_day_in_force(in.meta);
    // Counted from the registration, the first day is the earliest possible, not a known one.
    m.in_force_estimated = in.meta.in_force_days_after_publication && !in.meta.published;
    for (const auto& note : in.meta.notes) m.notes.push_back(note.text);
    if (in.meta.repealed) {
      m.repealed_from = in.meta.repealed->date;
      m.repealed_note = in.meta.repealed->text;
    }
    if (s_.timeline.repealed && (!m.repealed_from || *s_.timeline.repealed < *m.repealed_from)) {
      m.repealed_from = s_.timeline.repealed;
      m.repealed_note = s_.timeline.repealed_by;
    }
    if (in.meta.partial) m.partial = in.meta.partial->text;
    uncertain_periods(in);
  }

  // Where a day of force is only the earliest possible: the instrument's own first day, its
  // repeal, and the first day of each order applied to it.
  void uncertain_periods(const ast::InstrumentDecl& in) {
    Instrument& m = p_.instrument;
    auto add = [&](Day from, Day to, std::string kk, std::string en) {
      for (UncertainPeriod& u : m.uncertain)
        if (u.from == from && u.to == to) return;  // the instrument starts with the order's day
      m.uncertain.push_back({from, to, std::move(kk), std::move(en)});
    };
    auto words = [](const std::string& act, const char* kk_event, const char* en_event, Day from, Day to, const std::string& why) {
      return std::make_pair(
          fmt::format("{}: {} жариялану күніне байланысты, ол корпуста жоқ; ең ерте күні {} алынды, нақты күні {} дейін болуы мүмкін{}",
                      act, kk_event, format_date(from), format_date(to - 1), why.empty() ? "" : " (" + why + ")"),
          fmt::format("{}: {} depends on a publication date the corpus does not give; the earliest day, {}, is taken, and the real one may be as late as {}",
                      act, en_event, format_date(from), format_date(to - 1)));
    };
    if (const std::optional<Uncertain> u = uncertain_start(in.meta)) {
      auto [kk, en] = words(m.in_force_note.empty() ? m.short_name : m.in_force_note, "күшіне ену күні", "the first day in force",
                            u->from, u->to, in.meta.publication_term->why);
      add(u->from, u->to, kk, en);
    }
    if (const std::optional<Uncertain> u = uncertain_repeal(in.meta)) {
      auto [kk, en] = words(m.repealed_note, "күшін жою күні", "the day of repeal", u->from, u->to, "");
      add(u->from, u->to, kk, en);
    }
    for (const auto& o : s_.timeline.uncertain) {
      auto [kk, en] = words(o.act, "осы актінің редакциясы қолданылатын күн", "the day its wording applies from", o.from, o.to, o.why);
      add(o.from, o.to, kk, en);
    }
    std::sort(m.uncertain.begin(), m.uncertain.end(), [](const UncertainPeriod& a, const UncertainPeriod& b) { return a.from < b.from; });
  }

  static ProvisionKind kind_of(ast::BlockKind k) {
    switch (k) {
      case ast::BlockKind::Paragraph: return ProvisionKind::Paragraph;
      case ast::BlockKind::SubParagraph: return ProvisionKind::SubParagraph;
      case ast::BlockKind::Abzats: return ProvisionKind::Abzats;
      case ast::BlockKind::Appendix: return ProvisionKind::Appendix;
      case ast::BlockKind::Row: return ProvisionKind::Row;
      case ast::BlockKind::Title: return ProvisionKind::AppendixTitle;
    }
    return ProvisionKind::Paragraph;
  }

  // What requirements and provisions share: the citation, the wording's period, the source.
  template <class Ref, class Out>
  void versioned(const Ref& ref, const ast::BlockDecl& block, Out& out) {
    out.from = ref.from;
    out.until = ref.until;
    out.act = ref.act;
    out.source = ref.decl->source;
    out.rule = rule_of_key(block.key);  // a paragraph's абзац is cited as its paragraph
    if (!block.wording.empty()) out.citation = p_.instrument.short_name + ", " + block.wording;
  }

  void provision(const ProvisionRef& ref) {
    const ast::BlockDecl& b = *ref.decl;
    Provision out;
    versioned(ref, b, out);
    out.kind = kind_of(b.kind);
    out.number = b.number;
    out.parent = ref.within;
    if (ref.text) out.text = *ref.text;
    if (b.text_from) out.text_from = b.text_from_instrument->text + (b.text_from->rule.empty() ? "" : " § " + b.text_from->rule);
    if (b.reason) out.reason = b.reason->text;
    out.to_do = b.to_do.has_value();
    for (const auto& n : b.notes) out.notes.push_back(n.text);
    out.file = ref.file->name();
    out.line = b.span.line;
    out.column = b.span.column;
    if (b.has_text()) out.text_line = b.text_span.line, out.text_column = b.text_span.column;
    p_.provisions.push_back(std::move(out));
  }

  void requirement(const RequirementRef& ref) {
    const ast::RequirementDecl& r = *ref.decl;
    Requirement out;
    versioned(ref, *s_.timeline.provisions[ref.within].decl, out);
    out.provision = ref.within;
    out.name = r.name.text;
    out.severity = severity_of(r.severity);
    out.attested = r.attested;
    out.description_kk = r.description_kk;
    out.description_en = r.description_en;
    out.line = r.name.span.line;
    for (const auto& i : r.inspects) out.inspects.emplace_back(i.instrument.text, i.citation.rule);
    if (r.group) {
      const auto& [enum_id, member] = s_.members.at(r.group->text).front();
      out.group = s_.enums[enum_id].decl->members[member].code;
      out.group_label = s_.enums[enum_id].decl->members[member].label;
    }
    if (!r.attested && r.condition) out.root = expr(*r.condition);
    p_.requirements.push_back(std::move(out));
  }

  // The keys of the requirements (of every wording; of the group, where one is named), in the
  // order the law numbers them.
  void closed_list(const ast::ClosedListDecl& c) {
    Slot& slot = p_.slots[slot_of_field_[s_.field_by_path.at(c.field.text)]];
    if (c.group) {
      const auto& [enum_id, member] = s_.members.at(c.group->text).front();
      slot.closed_group = s_.enums[enum_id].decl->members[member].code;
    }
    for (const Requirement& r : p_.requirements)
      if ((!c.group || r.group == slot.closed_group) &&
          std::find(slot.closed.begin(), slot.closed.end(), r.rule) == slot.closed.end())
        slot.closed.push_back(r.rule);
    std::sort(slot.closed.begin(), slot.closed.end(), key_less);
  }

  int text(std::string t) {
    p_.texts.push_back(std::move(t));
    return static_cast<int>(p_.texts.size()) - 1;
  }

  // An expression as written, for explanations: cut after kMaxExplainedSource bytes, so that the
  // texts of a long chain, each holding the ones before it, grow with the chain, not its square.
  int source_text(std::string_view source) { return text(shortened(source, kMaxExplainedSource)); }

  int emit(Node n, const ast::Expr& e) {
    n.line = e.span.line;
    p_.nodes.push_back(n);
    return static_cast<int>(p_.nodes.size()) - 1;
  }

  int expr(const ast::Expr& e) {
    Node n;
    n.type = value_type(e.type);
    if (e.type.kind == Type::Duration) n.unit = e.type.unit;
    switch (e.kind) {
      case ast::ExprKind::Number: {
        const double factor = e.unit ? find_unit(e.unit->text)->factor : 1;
        n.num = e.number * factor;
        return emit(n, e);
      }
      case ast::ExprKind::Date: n.num = e.date; return emit(n, e);
      case ast::ExprKind::Bool: n.num = e.boolean; return emit(n, e);
      case ast::ExprKind::String: n.text = text(e.text); return emit(n, e);
      case ast::ExprKind::Name: return name(e, n);
      case ast::ExprKind::Call: return call(e, n);
      case ast::ExprKind::Set: {
        for (const auto& a : e.args) n.bits |= std::uint64_t{1} << a->symbol->index;
        return emit(n, e);
      }
      case ast::ExprKind::Unary:
        n.op = e.unop == ast::UnOp::Not ? Op::Not : Op::Neg;
        n.a = expr(*e.args[0]);
        return emit(n, e);
      case ast::ExprKind::Binary: return binary(e, n);
      case ast::ExprKind::If:
        n.op = Op::If;
        n.a = expr(*e.args[0]);
        n.b = expr(*e.args[1]);
        if (e.args.size() > 2) n.c = expr(*e.args[2]);
        return emit(n, e);
      case ast::ExprKind::Every:
      case ast::ExprKind::Some:
      case ast::ExprKind::CountWhere:
        n.op = e.kind == ast::ExprKind::Every ? Op::Every : e.kind == ast::ExprKind::Some ? Op::Some : Op::CountWhere;
        n.a = expr(*e.args[0]);
        n.b = expr(*e.args[1]);
        n.text = source_text(e.source);
        return emit(n, e);
      case ast::ExprKind::Sum:
        n.op = Op::Sum;
        n.a = expr(*e.args[0]);
        n.c = expr(*e.args[1]);
        n.b = e.args.size() > 2 ? expr(*e.args[2]) : -1;
        n.text = source_text(e.source);
        return emit(n, e);
      case ast::ExprKind::Index:
        n.op = Op::Index;
        n.a = field_node(e, e.symbol->index);
        n.b = expr(*e.args[0]);
        n.text = source_text(e.source);
        return emit(n, e);
    }
    return -1;
  }

  int field_node(const ast::Expr& e, int field) {
    Node n;
    n.op = Op::Field;
    n.type = value_type(s_.fields[field].type);
    n.a = slot_of_field_[field];
    return emit(n, e);
  }

  int name(const ast::Expr& e, Node n) {
    switch (e.symbol->kind) {
      case Symbol::AsOf: n.op = Op::AsOf; return emit(n, e);
      case Symbol::Field: n.op = Op::Field; n.a = slot_of_field_[e.symbol->index]; return emit(n, e);
      case Symbol::Element:
        n.op = Op::Element;
        n.a = e.symbol->depth;
        n.b = e.symbol->index;
        n.bits = static_cast<std::uint64_t>(e.symbol->enum_id);  // the record type
        return emit(n, e);
      case Symbol::Member: n.bits = static_cast<std::uint64_t>(e.symbol->index); return emit(n, e);
      case Symbol::Definition: {
        auto it = definitions_.find(e.symbol->definition);
        if (it != definitions_.end()) return it->second;
        const int node = expr(*e.symbol->definition->expr);
        definitions_.emplace(e.symbol->definition, node);
        return node;
      }
      default: return -1;
    }
  }

  int call(const ast::Expr& e, Node n) {
    if (e.symbol->kind == Symbol::Mapping) {
      n.op = Op::Map;
      n.a = expr(*e.args[0]);
      n.b = e.symbol->index;
      return emit(n, e);
    }
    const Builtin& f = builtins()[e.symbol->index];
    n.op = f.op;
    if (f.unit_of_term) n.unit = e.args[1]->type.unit;
    n.text = source_text(e.source);
    n.a = expr(*e.args[0]);
    if (e.args.size() > 1) n.b = expr(*e.args[1]);
    if (e.args.size() > 2) n.c = expr(*e.args[2]);
    if (e.args.size() > 3) n.bits = static_cast<std::uint64_t>(expr(*e.args[3])) + 1;  // the start: program.h
    return emit(n, e);
  }

  int binary(const ast::Expr& e, Node n) {
    const Type& a = e.args[0]->type;
    const Type& b = e.args[1]->type;
    int left = expr(*e.args[0]), right = expr(*e.args[1]);
    switch (e.binop) {
      case ast::BinOp::And: n.op = Op::And; break;
      case ast::BinOp::Or: n.op = Op::Or; break;
      case ast::BinOp::Otherwise: n.op = Op::Otherwise; break;
      case ast::BinOp::Add:
        if (a.kind == Type::Duration && b.kind == Type::Date) std::swap(left, right);
        if (a.kind == Type::Date || b.kind == Type::Date) {
          n.op = Op::DateAdd;
          n.unit = (a.kind == Type::Duration ? a : b).unit;
        } else {
          n.op = a.kind == Type::EnumSet ? Op::Union : Op::Add;
        }
        break;
      case ast::BinOp::Sub:
        if (a.kind == Type::Date && b.kind == Type::Date) n.op = Op::DaysBetween;
        else if (a.kind == Type::Date) { n.op = Op::DateSub; n.unit = b.unit; }
        else n.op = Op::Sub;
        break;
      case ast::BinOp::Mul: n.op = Op::Mul; break;
      case ast::BinOp::Div: n.op = Op::Div; break;
      case ast::BinOp::Lt: n.op = Op::Lt; break;
      case ast::BinOp::Le: n.op = Op::Le; break;
      case ast::BinOp::Gt: n.op = Op::Gt; break;
      case ast::BinOp::Ge: n.op = Op::Ge; break;
      case ast::BinOp::Eq: n.op = Op::Eq; break;
      case ast::BinOp::Ne: n.op = Op::Ne; break;
      case ast::BinOp::Contains:  // S тізімінде x
        if (b.kind == Type::Enum) { n.op = Op::In; std::swap(left, right); }
        else if (b.kind == Type::Text) { n.op = Op::TextIn; std::swap(left, right); }
        else n.op = Op::Contains;
        break;
      // The record's side first, as explanations name it: S тізімінде кемінде_біреуі T → T ∩ S.
      case ast::BinOp::ContainsSome: n.op = Op::Intersects; std::swap(left, right); break;
      case ast::BinOp::In:  // x ішінде S, the old spelling
        n.op = a.kind == Type::Text ? Op::TextIn : a.kind == Type::Enum ? Op::In : Op::Intersects;
        break;
    }
    n.a = left;
    n.b = right;
    // Explanations name what was measured: a comparison's left side, a set test's whole text.
    const bool comparison = n.op >= Op::Lt && n.op <= Op::Ne;
    n.text = source_text(comparison ? e.args[0]->source : e.source);
    return emit(n, e);
  }

  const Scope& s_;
  Program p_;
  std::vector<int> slot_of_field_;
  std::unordered_map<const ast::DefinitionDecl*, int> definitions_;
};

}  // namespace

Program lower(const Scope& scope) { return Lowerer(scope).run(); }

}  // namespace ssd
