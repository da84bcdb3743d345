#include "check.h"

#include <map>
#include <set>

#include "amend.h"
#include "blocks.h"
#include "builtins.h"
#include "example_record.h"
#include "ssd/internal/text.h"
#include "units.h"

namespace ssd {

namespace {

const std::pair<const char*, const char*> kFindingWords[] = {
    {"өтті", "pass"}, {"өтпеді", "fail"}, {"қолданылмайды", "not_applicable"},
    {"деректер_жоқ", "missing_data"}, {"хабарланбайды", "not_reported"}};
// The previous release read a finding's pass and fail in the record's words.
const std::pair<const char*, const char*> kOldFindingWords[] = {{"сәйкес", "өтті"}, {"сәйкес_емес", "өтпеді"}};
const std::pair<const char*, const char*> kRecordWords[] = {
    {"сәйкес", "compliant"}, {"сәйкес_емес", "non_compliant"}, {"толық_емес", "incomplete"},
    {"күшінде_емес", "not_in_force"}, {"қате", "error"}};

template <size_t N>
std::optional<std::string> lookup(const std::pair<const char*, const char*> (&table)[N], const std::string& w) {
  for (const auto& [word, code] : table)
    if (w == word) return std::string(code);
  return std::nullopt;
}

template <size_t N>
std::string words(const std::pair<const char*, const char*> (&table)[N]) {
  std::vector<std::string> out;
  for (const auto& [word, _] : table) out.push_back(word);
  return code_words(out);
}

class TypeChecker {
 public:
  TypeChecker(Scope& scope, Diagnostics& diags) : s_(scope), diags_(diags), current_(scope.file) {}

  void run() {
    const ast::InstrumentDecl& in = *s_.instrument;
    check_period(in);
    for (const auto& d : in.definitions) definition_type(d);
    closed_lists(in);
    provisions();
    for (const auto& r : s_.timeline.requirements) {
      current_ = r.file;
      requirement(*r.decl, s_.timeline.provisions[r.within].decl->key);
    }
    for (const auto& x : s_.timeline.examples) {
      current_ = x.file;
      example(*x.decl);
    }
    current_ = s_.file;
  }

 private:
  void error(DiagId id, Span span, std::vector<std::string> args = {}) {
    diags_.report(id, current_, span, std::move(args));
  }

  std::string name(const Type& t) const { return s_.type_name(t); }

  void check_period(const ast::InstrumentDecl& in) {
    check_publication_unit(in.meta, *s_.file, diags_);
    const std::optional<Day> first = first_day_in_force(in.meta);
    if (first && in.meta.repealed && in.meta.repealed->date && *first >= *in.meta.repealed->date)
      error(DiagId::bad_period, in.meta.in_force->span, {format_date(*first), format_date(*in.meta.repealed->date)});
  }

  Type definition_type(const ast::DefinitionDecl& d) {
    if (auto it = done_.find(&d); it != done_.end()) return it->second;
    if (in_progress_.count(&d)) {
      error(DiagId::definition_cycle, d.name.span, {d.name.text});
      return {};
    }
    in_progress_.insert(&d);
    const Type t = d.expr ? expr(*d.expr, false) : Type{};
    in_progress_.erase(&d);
    done_.emplace(&d, t);
    return t;
  }

  // A closed list names a field of texts or a table, once, and a group that is a member.
  void closed_lists(const ast::InstrumentDecl& in) {
    std::map<std::string, const ast::ClosedListDecl*> seen;
    for (const auto& c : in.closed_lists) {
      auto f = s_.field_by_path.find(c.field.text);
      if (f == s_.field_by_path.end()) {
        error(DiagId::unknown_name, c.field.span, {c.field.text});
      } else if (const Type& t = s_.fields[f->second].type; t.kind != Type::TextList && t.kind != Type::NumberTable) {
        error(DiagId::closed_type, c.field.span, {c.field.text, name(t)});
      }
      if (c.group && !s_.members.count(c.group->text)) error(DiagId::unknown_name, c.group->span, {c.group->text});
      if (auto [it, fresh] = seen.emplace(c.field.text, &c); !fresh) {
        error(DiagId::duplicate_name, c.field.span, {c.field.text});
        diags_.note(DiagId::previous_definition, current_, it->second->field.span);
      }
    }
  }

  // Each provision once at a time, encoded by requirements (its own or its parts') or explained.
  void provisions() {
    const auto& all = s_.timeline.provisions;
    std::vector<bool> has_parts(all.size());
    for (const auto& p : all)
      if (p.within >= 0) has_parts[p.within] = true;
    auto cited = [&](const std::string& key) {
      for (const EnumInfo& e : s_.enums)
        for (const auto& m : e.decl->members)
          if (!m.rule.empty() && within(m.rule, key)) return true;
      for (const MappingInfo& m : s_.mappings)
        if (!m.decl->rule.empty() && within(m.decl->rule, key)) return true;
      return false;
    };
    for (size_t i = 0; i < all.size(); ++i) {
      const ProvisionRef& p = all[i];
      const ast::BlockDecl& b = *p.decl;
      current_ = p.file;
      const std::string name = b.key.empty() ? s_.instrument->id.text : "§ " + b.key;
      if (b.reason && !b.requirements.empty()) error(DiagId::reason_with_requirement, b.reason->span, {name});
      if (b.to_do && (b.reason || !b.requirements.empty())) error(DiagId::to_do_with_encoding, *b.to_do, {name});
      const bool encoded = b.reason || b.to_do || !b.requirements.empty() || has_parts[i] || (!b.key.empty() && cited(b.key));
      if (!encoded) error(DiagId::provision_not_encoded, b.span, {name});
      // An unnumbered абзац shares its parent's key; a numbered block has a key of its own.
      if (b.number.empty() && b.kind == ast::BlockKind::Abzats) continue;
      for (size_t j = 0; j < i; ++j) {
        const ProvisionRef& q = all[j];
        if (q.decl->key != b.key || (q.decl->number.empty() && q.decl->kind == ast::BlockKind::Abzats) || !p.overlaps(q)) continue;
        // A supplement of a provision in force on its day is already amendment_exists.
        if (b.operation == ast::OperationKind::Supplement && p.from && q.in_force_on(*p.from)) break;
        error(DiagId::duplicate_provision, b.span, {name});
        diags_.note(DiagId::previous_definition, q.file, q.decl->span);
        break;
      }
    }
    current_ = s_.file;
  }

  void requirement(const ast::RequirementDecl& r, const std::string& key) {
    if (key.empty()) error(DiagId::missing_citation, r.name.span, {r.name.text});
    if (r.severity && r.severity->text != "өрескел" && r.severity->text != "елеулі" &&
        r.severity->text != "болмашы")
      error(DiagId::unknown_severity, r.severity->span, {r.severity->text});
    if (r.group && !s_.members.count(r.group->text))
      error(DiagId::unknown_name, r.group->span, {r.group->text});
    if (r.attested) {
      if (r.condition) error(DiagId::attested_condition, r.condition->span, {r.name.text});
      return;
    }
    if (!r.condition) {
      error(DiagId::missing_condition, r.name.span, {r.name.text});
      return;
    }
    expect(*r.condition, Type::of(Type::Bool), true);
  }

  void example(const ast::ExampleDecl& x) {
    if (x.entries)
      if (std::optional<std::string> json = record_json(*x.entries, s_, current_, diags_)) s_.example_json[&x] = *json;
    for (const auto& e : x.expectations) {
      if (e.citation) {
        if (std::optional<std::string> now = lookup(kOldFindingWords, e.status.text)) {
          const Span& w = e.status.span;
          diags_.report(DiagId::old_spelling, current_, w, {"§ " + e.citation->rule + " " + e.status.text, *now});
          diags_.fix({current_, {w.line, w.column, w.line, w.column + w.length}, *now});
        } else if (!lookup(kFindingWords, e.status.text)) {
          error(DiagId::unknown_status, e.status.span, {e.status.text, words(kFindingWords)});
        }
        bool cited = false;
        for (const auto& r : s_.timeline.requirements)
          cited = cited || (rule_of_key(s_.timeline.provisions[r.within].decl->key) == e.citation->rule &&
                            (!e.requirement || r.decl->name.text == e.requirement->text));
        if (!cited)
          error(DiagId::unknown_rule, e.requirement ? e.requirement->span : e.citation->span,
                {e.citation->rule + (e.requirement ? " " + e.requirement->text : "")});
      } else if (e.requirement) {
        error(DiagId::unknown_rule, e.requirement->span, {e.requirement->text});
      } else if (!lookup(kRecordWords, e.status.text)) {
        error(DiagId::unknown_status, e.status.span, {e.status.text, words(kRecordWords)});
      }
    }
  }

  void expect(ast::Expr& e, const Type& want, bool head) {
    const Type got = expr(e, head);
    if (!got.is_error() && got != want) error(DiagId::expected_type, e.span, {name(want), name(got)});
  }

  Type expr(ast::Expr& e, bool head) {
    e.type = infer(e, head);
    return e.type;
  }

  Type infer(ast::Expr& e, bool head) {
    switch (e.kind) {
      case ast::ExprKind::Number: return number(e);
      case ast::ExprKind::Date: return Type::of(Type::Date);
      case ast::ExprKind::String: return Type::of(Type::Text);
      case ast::ExprKind::Bool: return Type::of(Type::Bool);
      case ast::ExprKind::Name: return name_type(e);
      case ast::ExprKind::Call: return call(e);
      case ast::ExprKind::Set: return set(e);
      case ast::ExprKind::Unary: return unary(e);
      case ast::ExprKind::Binary: return binary(e);
      case ast::ExprKind::If: return conditional(e, head);
      case ast::ExprKind::Every:
      case ast::ExprKind::Some:
        expr(*e.args[0], false);  // the list (resolve.cpp made sure it is one of records)
        expect(*e.args[1], Type::of(Type::Bool), false);
        return Type::of(Type::Bool);
      case ast::ExprKind::Sum: {
        expr(*e.args[0], false);
        if (e.args.size() > 2) expect(*e.args[2], Type::of(Type::Bool), false);
        const Type t = expr(*e.args[1], false);
        if (t.is_error() || t.kind == Type::Number || t.kind == Type::Area) return t;
        error(DiagId::expected_type, e.args[1]->span, {name(Type::of(Type::Number)), name(t)});
        return {};
      }
      case ast::ExprKind::CountWhere:
        // Written with the builtin that counts: саны(L тізімінде s қайда ...).
        if (const Builtin* f = find_builtin(e.text); !f || f->op != Op::Count) {
          error(DiagId::unknown_function, e.span, {e.text});
          return {};
        }
        expr(*e.args[0], false);
        expect(*e.args[1], Type::of(Type::Bool), false);
        return Type::of(Type::Number);
      case ast::ExprKind::Index: {
        if (!e.symbol) return {};
        const Type table = s_.fields[e.symbol->index].type;
        if (table.kind != Type::NumberTable) {
          error(DiagId::expected_type, e.span, {name(Type::of(Type::NumberTable)), name(table)});
          return {};
        }
        expect(*e.args[0], Type::of(Type::Text), false);
        return Type::of(Type::Number);
      }
    }
    return {};
  }

  Type number(ast::Expr& e) {
    if (!e.unit) return Type::of(Type::Number);
    const std::optional<Unit> u = find_unit(e.unit->text);
    if (!u) {
      error(DiagId::unknown_unit, e.unit->span, {e.unit->text, known_units()});
      return {};
    }
    return u->type;
  }

  Type name_type(ast::Expr& e) {
    if (!e.symbol) return {};
    switch (e.symbol->kind) {
      case Symbol::AsOf: return Type::of(Type::Date);
      case Symbol::Field: return s_.fields[e.symbol->index].type;
      case Symbol::Member: return Type::enumeration(Type::Enum, e.symbol->enum_id);
      case Symbol::Definition: return definition_type(*e.symbol->definition);
      case Symbol::Element: return s_.records[e.symbol->enum_id].fields[e.symbol->index].type;
      default: return {};
    }
  }

  bool arity(ast::Expr& e, size_t n, size_t optional = 0) {
    if (e.args.size() >= n && e.args.size() <= n + optional) return true;
    const std::string takes = optional == 0 ? std::to_string(n) : std::to_string(n) + "–" + std::to_string(n + optional);
    error(DiagId::wrong_arity, e.span, {e.text, takes, std::to_string(e.args.size())});
    return false;
  }

  // Checks argument i against a predicate; `want` says in words what it must be.
  template <class Pred>
  Type arg(ast::Expr& call, size_t i, Pred ok, const std::string& want) {
    const Type t = expr(*call.args[i], false);
    if (!t.is_error() && !ok(t))
      error(DiagId::wrong_argument, call.args[i]->span, {call.text, std::to_string(i + 1), want, name(t)});
    return ok(t) ? t : Type{};
  }

  Type call(ast::Expr& e) {
    if (!e.symbol) {
      for (auto& a : e.args) expr(*a, false);
      return {};
    }
    if (e.symbol->kind == Symbol::Mapping) {
      const MappingInfo& m = s_.mappings[e.symbol->index];
      if (!arity(e, 1) || m.from_enum < 0) return {};
      const Type want = Type::enumeration(Type::EnumSet, m.from_enum);
      arg(e, 0, [&](const Type& t) { return t.enum_id == m.from_enum && (t.kind == Type::Enum || t.kind == Type::EnumSet); }, name(want));
      return Type::enumeration(Type::EnumSet, m.to_enum);
    }
    const Builtin& f = builtins()[e.symbol->index];
    if (!arity(e, f.arity, f.optional)) return {};
    for (size_t i = 0; i < e.args.size(); ++i) {
      const BuiltinParam& p = f.params[i];
      if (!p.accepts) {
        expr(*e.args[i], false);
        continue;
      }
      arg(e, i, p.accepts, p.kind == Type::Error ? bilingual(p.want) : name(Type::of(p.kind)));
    }
    return Type::of(f.result);
  }

  Type set(ast::Expr& e) {
    if (e.args.empty()) {
      error(DiagId::empty_set, e.span);
      return {};
    }
    int enum_id = -1;
    for (auto& a : e.args) {
      const Type t = expr(*a, false);
      if (t.is_error()) return {};
      if (t.kind != Type::Enum) {
        error(DiagId::set_member_not_enum, a->span, {name(t)});
        return {};
      }
      if (enum_id >= 0 && t.enum_id != enum_id) {
        error(DiagId::mixed_set, a->span, {std::string(a->source), name(t), name(Type::enumeration(Type::Enum, enum_id))});
        return {};
      }
      enum_id = t.enum_id;
    }
    return Type::enumeration(Type::EnumSet, enum_id);
  }

  Type unary(ast::Expr& e) {
    if (e.unop == ast::UnOp::Not) {
      expect(*e.args[0], Type::of(Type::Bool), false);
      return Type::of(Type::Bool);
    }
    const Type t = expr(*e.args[0], false);
    if (t.is_error()) return {};
    if (t.kind == Type::Number || t.kind == Type::Area) return t;
    error(DiagId::type_mismatch, e.span, {name(t), name(t), "-"});
    return {};
  }

  Type mismatch(const ast::Expr& e, const Type& a, const Type& b) {
    error(DiagId::type_mismatch, e.span, {name(a), name(b), ast::to_string(e.binop)});
    return {};
  }

  Type binary(ast::Expr& e) {
    using K = Type::Kind;
    if (e.binop == ast::BinOp::And || e.binop == ast::BinOp::Or) {
      expect(*e.args[0], Type::of(Type::Bool), false);
      expect(*e.args[1], Type::of(Type::Bool), false);
      return Type::of(Type::Bool);
    }
    const Type a = expr(*e.args[0], false), b = expr(*e.args[1], false);
    if (a.is_error() || b.is_error()) return {};
    switch (e.binop) {
      case ast::BinOp::Otherwise:
        return a == b ? a : mismatch(e, a, b);
      case ast::BinOp::Add:
        if (a == b && (a.kind == K::Number || a.kind == K::Area || a.kind == K::Duration || a.kind == K::EnumSet)) return a;
        if (a.kind == K::Date && b.kind == K::Duration) return a;
        if (a.kind == K::Duration && b.kind == K::Date) return b;
        return mismatch(e, a, b);
      case ast::BinOp::Sub:
        if (a == b && (a.kind == K::Number || a.kind == K::Area || a.kind == K::Duration)) return a;
        if (a.kind == K::Date && b.kind == K::Duration) return a;
        if (a.kind == K::Date && b.kind == K::Date) return Type::duration(TimeUnit::CalendarDays);
        return mismatch(e, a, b);
      case ast::BinOp::Mul:
        if (a.kind == K::Number && b.kind == K::Number) return a;
        if (a.kind == K::Area && b.kind == K::Number) return a;
        if (a.kind == K::Number && b.kind == K::Area) return b;
        return mismatch(e, a, b);
      case ast::BinOp::Div:
        if (a.kind == K::Number && b.kind == K::Number) return a;
        if (a.kind == K::Area && b.kind == K::Number) return a;
        if (a.kind == K::Area && b.kind == K::Area) return Type::of(K::Number);
        return mismatch(e, a, b);
      case ast::BinOp::Eq:
      case ast::BinOp::Ne:
        if (a == b && (a.kind == K::Bool || a.kind == K::Number || a.kind == K::Text || a.kind == K::Date ||
                       a.kind == K::Duration || a.kind == K::Area || a.kind == K::Enum))
          return Type::of(K::Bool);
        return mismatch(e, a, b);
      case ast::BinOp::Lt:
      case ast::BinOp::Le:
      case ast::BinOp::Gt:
      case ast::BinOp::Ge:
        if (a == b && (a.kind == K::Number || a.kind == K::Area || a.kind == K::Date || a.kind == K::Duration))
          return Type::of(K::Bool);
        return mismatch(e, a, b);
      case ast::BinOp::Contains:
        if (a.kind == K::EnumSet && (b.kind == K::EnumSet || b.kind == K::Enum) && a.enum_id == b.enum_id)
          return Type::of(K::Bool);
        if (a.kind == K::TextList && b.kind == K::Text) return Type::of(K::Bool);
        return mismatch(e, a, b);
      case ast::BinOp::ContainsSome:
        if (a.kind == K::EnumSet && b.kind == K::EnumSet && a.enum_id == b.enum_id) return Type::of(K::Bool);
        return mismatch(e, a, b);
      case ast::BinOp::In:
        if ((a.kind == K::Enum || a.kind == K::EnumSet) && b.kind == K::EnumSet && a.enum_id == b.enum_id) {
          old_in(e, a.kind == K::EnumSet);
          return Type::of(K::Bool);
        }
        if (a.kind == K::Text && b.kind == K::TextList) {
          old_in(e, false);
          return Type::of(K::Bool);
        }
        return mismatch(e, a, b);
      default:
        return {};
    }
  }

  // `x ішінде S`, the old membership: `S тізімінде x` now, and for two sets (which shared a member)
  // `S тізімінде кемінде_біреуі x`.
  void old_in(const ast::Expr& e, bool sets) {
    const ast::Expr& x = *e.args[0];
    const ast::Expr& set = *e.args[1];
    const bool nested = x.kind == ast::ExprKind::Binary &&
                        (x.binop == ast::BinOp::In || x.binop == ast::BinOp::Contains || x.binop == ast::BinOp::ContainsSome);
    const std::string element = nested ? "(" + std::string(x.source) + ")" : std::string(x.source);
    const std::string now = std::string(set.source) + (sets ? " тізімінде кемінде_біреуі " : " тізімінде ") + element;
    diags_.report(DiagId::old_spelling, current_, e.span, {one_line(e.source), one_line(now)});
    diags_.fix({current_, e.range, now});
  }


  // `егер c болса t әйтпесе e`; without `әйтпесе` only at the head of a requirement's condition
  // (and in the `әйтпесе` branch of such a head), where "otherwise" means "not applicable".
  Type conditional(ast::Expr& e, bool head) {
    expect(*e.args[0], Type::of(Type::Bool), false);
    if (e.args.size() == 2) {
      if (!head) error(DiagId::if_without_else, e.span);
      return expr(*e.args[1], false);
    }
    const Type t = expr(*e.args[1], false);
    const Type f = expr(*e.args[2], head);
    if (t.is_error() || f.is_error()) return {};
    if (t != f) {
      error(DiagId::type_mismatch, e.span, {name(t), name(f), "егер/әйтпесе"});
      return {};
    }
    return t;
  }

  Scope& s_;
  Diagnostics& diags_;
  std::set<const ast::DefinitionDecl*> in_progress_;
  std::map<const ast::DefinitionDecl*, Type> done_;
  const SourceFile* current_;  // where the declaration being checked is written
};

}  // namespace

namespace {

bool calendar_days(const std::optional<ast::Name>& unit) {
  const std::optional<Unit> u = unit ? find_unit(unit->text) : std::nullopt;
  return u && u->type == Type::duration(TimeUnit::CalendarDays);
}

int days_of(int count, const std::optional<ast::Name>& unit) {
  const std::optional<Unit> u = unit ? find_unit(unit->text) : std::nullopt;
  return static_cast<int>(count * (u ? u->factor : 1));
}

}  // namespace

void check_publication_unit(const ast::Metadata& meta, const SourceFile& file, Diagnostics& diags) {
  for (const std::optional<ast::Name>* unit : {&meta.in_force_unit,
                                               meta.publication_term ? &meta.publication_term->unit : nullptr,
                                               meta.repeal_term ? &meta.repeal_term->unit : nullptr})
    if (unit && *unit && !calendar_days(*unit))
      diags.report(DiagId::unknown_unit, &file, (*unit)->span, {(*unit)->text, code_words({"күнтізбелік күн", "апта"})});
}

std::optional<Uncertain> uncertain_start(const ast::Metadata& meta) {
  const std::optional<Day> first = first_day_in_force(meta);
  // A date in force written as the earliest possible (a decree, which is not registered) is
  // uncertain as the publication form is, once the act gives its publication term.
  if (!first || meta.published || !meta.publication_term) return std::nullopt;
  return Uncertain{*first, *first + days_of(meta.publication_term->count, meta.publication_term->unit)};
}

std::optional<Uncertain> uncertain_repeal(const ast::Metadata& meta) {
  if (!meta.repealed || !meta.repealed->date || !meta.repeal_term) return std::nullopt;
  return Uncertain{*meta.repealed->date, *meta.repealed->date + days_of(meta.repeal_term->count, meta.repeal_term->unit)};
}

std::optional<Day> first_day_in_force(const ast::Metadata& meta) {
  if (!meta.in_force || !meta.in_force->date) return std::nullopt;
  if (!meta.in_force_days_after_publication) return meta.in_force->date;
  // In force once N calendar days have passed after the day of the first official publication:
  // from publication + N + 1. Where the publication date is not known, it cannot precede the
  // registration, and registration + N + 1 is the earliest day the act can be in force.
  const int days = days_of(*meta.in_force_days_after_publication, meta.in_force_unit);
  return meta.published.value_or(*meta.in_force->date) + days + 1;
}

std::optional<std::string> finding_status_code(const std::string& word) {
  if (std::optional<std::string> now = lookup(kOldFindingWords, word)) return lookup(kFindingWords, *now);
  return lookup(kFindingWords, word);
}
std::optional<std::string> record_status_code(const std::string& word) { return lookup(kRecordWords, word); }

void check(Scope& scope, Diagnostics& diags) { TypeChecker(scope, diags).run(); }

}  // namespace ssd
