#include "resolve.h"

#include "lookalike.h"

#include <algorithm>
#include <string_view>

#include "builtins.h"

namespace ssd {

namespace {

constexpr const char* kAsOf = "тексеру_күні";
// Names of the prelude renamed in this release: the old one binds to the new with a warning.
// (`шарт` is the law's word for a contract; it was a keyword before, so the field was
// `келісімшарт`.)
const std::pair<std::string_view, std::string_view> kRenamedPrefixes[] = {{"келісімшарт.", "шарт."}};

}  // namespace

std::optional<std::string> renamed_field(const std::string& name) {
  for (const auto& [old_prefix, new_prefix] : kRenamedPrefixes)
    if (name.rfind(old_prefix, 0) == 0) return std::string(new_prefix) + name.substr(old_prefix.size());
  return std::nullopt;
}

namespace {

class Resolver {
 public:
  Resolver(const ast::Module& prelude, const ast::InstrumentDecl& in, const SourceFile& file,
           Timeline timeline, Diagnostics& diags)
      : prelude_(prelude), in_(in), file_(file), diags_(diags), current_(&file) {
    scope_.instrument = &in;
    scope_.file = &file;
    scope_.timeline = std::move(timeline);
  }

  Scope run() {
    for (const auto& e : prelude_.enums) add_enum(e, prelude_.file);
    for (const auto& e : in_.enums) add_enum(e, &file_);
    for (const auto& f : prelude_.fields) add_field(f, prelude_.file);
    for (const auto& f : in_.fields) add_field(f, &file_);
    for (const auto& m : in_.mappings) add_mapping(m);
    for (const auto& d : in_.definitions) {
      if (!claim(d.name)) continue;
      scope_.definitions.emplace(d.name.text, &d);
    }
    // One name, one requirement at a time: wordings of different periods may share it.
    const auto& reqs = scope_.timeline.requirements;
    for (size_t i = 0; i < reqs.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (reqs[i].decl->name.text == reqs[j].decl->name.text && reqs[i].overlaps(reqs[j])) {
          diags_.report(DiagId::duplicate_name, reqs[i].file, reqs[i].decl->name.span, {reqs[i].decl->name.text});
          diags_.note(DiagId::previous_definition, reqs[j].file, reqs[j].decl->name.span);
          break;
        }
    for (const auto& d : in_.definitions) bind(d.expr.get());
    for (const auto& r : reqs) {
      current_ = r.file;
      bind(r.decl->condition.get());
    }
    current_ = &file_;
    return std::move(scope_);
  }

 private:
  void duplicate(const ast::Name& name, const SourceFile* first_file, Span first) {
    diags_.report(DiagId::duplicate_name, &file_, name.span, {name.text});
    diags_.note(DiagId::previous_definition, first_file, first);
  }

  // Registers a top-level name of the instrument; false (and a diagnostic) when it is taken.
  bool claim(const ast::Name& name, const SourceFile* file = nullptr) {
    auto [it, fresh] = names_.emplace(name.text, std::make_pair(file ? file : &file_, name.span));
    if (!fresh) {
      diags_.report(DiagId::duplicate_name, file ? file : &file_, name.span, {name.text});
      diags_.note(DiagId::previous_definition, it->second.first, it->second.second);
    }
    return fresh;
  }

  void add_enum(const ast::EnumDecl& e, const SourceFile* file) {
    if (!claim(e.name, file)) return;
    const int id = static_cast<int>(scope_.enums.size());
    scope_.enums.push_back({&e, file});
    scope_.enum_by_name.emplace(e.name.text, id);
    // A set is 64 bits; an open enumeration keeps one for the codes it does not list.
    if (e.members.size() > (e.open ? 62u : 63u))
      diags_.report(DiagId::too_many_members, file, e.name.span,
                    {e.name.text, std::to_string(e.members.size()), e.open ? "62" : "63"});
    std::unordered_map<std::string, Span> names, codes;
    for (size_t i = 0; i < e.members.size(); ++i) {
      const auto& m = e.members[i];
      if (auto [it, fresh] = names.emplace(m.name.text, m.name.span); !fresh) {
        diags_.report(DiagId::duplicate_name, file, m.name.span, {m.name.text});
        diags_.note(DiagId::previous_definition, file, it->second);
        continue;
      }
      if (auto [it, fresh] = codes.emplace(m.code, m.span); !fresh) {
        diags_.report(DiagId::duplicate_code, file, m.span, {m.code, e.name.text});
        diags_.note(DiagId::previous_definition, file, it->second);
      }
      scope_.members[m.name.text].emplace_back(id, static_cast<int>(i));
    }
  }

  // The type a field declaration names; Error (reported only for the instrument's own
  // declarations) when it names an enumeration this instrument does not declare.
  Type type_of(const ast::TypeRef& r, const SourceFile* file) {
    const std::string& t = r.name.text;
    const bool plain = !r.list && !r.table;
    if (plain && t == "логикалық") return Type::of(Type::Bool);
    if (plain && t == "сан") return Type::of(Type::Number);
    if (plain && t == "мәтін") return Type::of(Type::Text);
    if (plain && t == "дата") return Type::of(Type::Date);
    if (plain && t == "аудан") return Type::of(Type::Area);
    if (r.list && t == "дата") return Type::of(Type::DateList);
    if (r.list && t == "мәтін") return Type::of(Type::TextList);
    if (r.table && t == "сан") return Type::of(Type::NumberTable);
    if (!r.table)
      if (auto it = scope_.enum_by_name.find(t); it != scope_.enum_by_name.end())
        return Type::enumeration(r.list ? Type::EnumSet : Type::Enum, it->second);
    if (file == &file_) diags_.report(DiagId::unknown_type, file, r.name.span, {t});
    return {};
  }

  void add_field(const ast::FieldDecl& f, const SourceFile* file) {
    if (scope_.field_by_path.count(f.path.text)) {
      claim(f.path, file);  // reports the duplicate
      return;
    }
    names_.emplace(f.path.text, std::make_pair(file, f.path.span));
    Type type;
    if (f.object_list) {
      RecordTypeInfo record{f.path.text, {}};
      bool complete = true;
      for (const auto& e : f.elements) {
        const Type t = type_of(e.type, file);
        complete = complete && !t.is_error();
        record.fields.push_back({&e, t});
      }
      // A list whose elements name an enumeration the instrument lacks is not readable here.
      if (complete) {
        type = Type::objects(static_cast<int>(scope_.records.size()));
        scope_.records.push_back(std::move(record));
      }
    } else {
      type = type_of(f.type, file);
    }
    scope_.field_by_path.emplace(f.path.text, static_cast<int>(scope_.fields.size()));
    scope_.fields.push_back({&f, file, type});
  }

  int enum_id(const ast::Name& name) {
    auto it = scope_.enum_by_name.find(name.text);
    if (it == scope_.enum_by_name.end()) {
      diags_.report(DiagId::not_an_enum, &file_, name.span, {name.text});
      return -1;
    }
    return it->second;
  }

  int member_of(int enum_id, const ast::Name& name) {
    const auto& members = scope_.enums[enum_id].decl->members;
    for (size_t i = 0; i < members.size(); ++i)
      if (members[i].name.text == name.text) return static_cast<int>(i);
    diags_.report(DiagId::member_of_other_enum, &file_, name.span, {name.text, scope_.enum_name(enum_id)});
    return -1;
  }

  void add_mapping(const ast::MappingDecl& m) {
    if (!claim(m.name)) return;
    MappingInfo info{&m, enum_id(m.from_enum), enum_id(m.to_enum), {}};
    if (info.from_enum >= 0 && info.to_enum >= 0) {
      info.image.assign(scope_.enums[info.from_enum].decl->members.size(), 0);
      std::vector<bool> seen(info.image.size());
      for (const auto& row : m.rows) {
        std::uint64_t to = 0;
        for (const auto& n : row.to)
          if (int i = member_of(info.to_enum, n); i >= 0) to |= std::uint64_t{1} << i;
        for (const auto& n : row.from) {
          const int i = member_of(info.from_enum, n);
          if (i < 0) continue;
          if (seen[i]) diags_.report(DiagId::mapping_repeats, &file_, n.span, {n.text});
          seen[i] = true;
          info.image[i] |= to;
        }
      }
    }
    scope_.mapping_by_name.emplace(m.name.text, static_cast<int>(scope_.mappings.size()));
    scope_.mappings.push_back(std::move(info));
  }

  const Symbol* symbol(Symbol s) {
    scope_.symbols.push_back(s);
    return &scope_.symbols.back();
  }

  std::vector<std::string> names_in_scope() const {
    std::vector<std::string> out = {kAsOf};
    for (const auto& [n, _] : scope_.definitions) out.push_back(n);
    for (const auto& [n, _] : scope_.field_by_path) out.push_back(n);
    for (const auto& [n, _] : scope_.members) out.push_back(n);
    for (const auto& [n, _] : scope_.mapping_by_name) out.push_back(n);
    for (const Builtin& f : builtins()) out.push_back(f.name);
    return out;
  }

  void suggest(const std::string& wrong, Span span) {
    const std::u32string w = decode_utf8(wrong);
    std::string best;
    size_t best_distance = std::max<size_t>(2, w.size() / 3) + 1;
    for (const auto& c : names_in_scope()) {
      const size_t d = edit_distance(w, decode_utf8(c));
      if (d < best_distance) best_distance = d, best = c;
    }
    if (!best.empty()) diags_.note(DiagId::did_you_mean, current_, span, {best});
  }

  // A name written with Russian letters for Kazakh ones (or a letter of another script) that
  // spells a name in scope: reported with the name meant, and read as it.
  bool respelled(std::string& name, Span span, Range range) {
    const std::optional<std::string> meant = report_lookalike(name, names_in_scope(), current_, span, range, diags_);
    if (meant) name = *meant;
    return meant.has_value();
  }

  // "v.field" where v is bound by a quantifier: the field of the current element.
  bool bind_element(ast::Expr* e) {
    const std::string& n = e->text;
    const size_t dot = n.find('.');
    const std::string head = n.substr(0, dot);
    for (size_t i = vars_.size(); i-- > 0;) {
      if (vars_[i].first != head) continue;
      const RecordTypeInfo& record = scope_.records[vars_[i].second];
      const std::string field = dot == std::string::npos ? "" : n.substr(dot + 1);
      for (size_t f = 0; f < record.fields.size(); ++f) {
        if (record.fields[f].decl->name.text != field) continue;
        Symbol s{Symbol::Element, static_cast<int>(f), vars_[i].second};
        s.depth = static_cast<int>(vars_.size() - 1 - i);
        e->symbol = symbol(s);
        return true;
      }
      diags_.report(DiagId::unknown_name, current_, e->span, {n});
      std::string fields;
      for (const auto& f : record.fields) fields += (fields.empty() ? "" : ", ") + head + "." + f.decl->name.text;
      diags_.note(DiagId::did_you_mean, current_, e->span, {fields});
      return true;
    }
    return false;
  }

  void bind_name(ast::Expr* e) {
    const std::string& n = e->text;
    if (bind_element(e)) return;
    if (n == kAsOf) { e->symbol = symbol({Symbol::AsOf}); return; }
    if (auto it = scope_.definitions.find(n); it != scope_.definitions.end()) {
      e->symbol = symbol({Symbol::Definition, -1, -1, it->second});
      return;
    }
    if (auto it = scope_.field_by_path.find(n); it != scope_.field_by_path.end()) {
      const FieldInfo& f = scope_.fields[it->second];
      if (f.type.is_error()) {
        diags_.report(DiagId::unknown_type, current_, e->span, {f.decl->type.name.text});
        return;
      }
      e->symbol = symbol({Symbol::Field, it->second});
      return;
    }
    if (const size_t dot = n.find('.'); dot != std::string::npos && n.find('.', dot + 1) == std::string::npos) {
      if (auto it = scope_.enum_by_name.find(n.substr(0, dot)); it != scope_.enum_by_name.end()) {
        const ast::Name member{n.substr(dot + 1), e->span};
        if (int i = member_of(it->second, member); i >= 0) e->symbol = symbol({Symbol::Member, i, it->second});
        return;
      }
    }
    if (auto it = scope_.members.find(n); it != scope_.members.end()) {
      if (it->second.size() > 1) {
        diags_.report(DiagId::ambiguous_name, current_, e->span, {n, scope_.enum_name(it->second[0].first) + "." + n});
        return;
      }
      e->symbol = symbol({Symbol::Member, it->second[0].second, it->second[0].first});
      return;
    }
    if (const std::optional<std::string> renamed = renamed_field(n)) {
      if (auto it = scope_.field_by_path.find(*renamed); it != scope_.field_by_path.end()) {
        diags_.report(DiagId::old_spelling, current_, e->span, {n, *renamed});
        diags_.fix({current_, e->range, *renamed});
        e->symbol = symbol({Symbol::Field, it->second});
        return;
      }
    }
    if (respelled(e->text, e->span, e->range)) return bind_name(e);
    diags_.report(DiagId::unknown_name, current_, e->span, {n});
    suggest(n, e->span);
  }

  void bind_call(ast::Expr* e) {
    Span name_span = e->span;
    name_span.length = static_cast<int>(decode_utf8(e->text).size());
    if (auto it = scope_.mapping_by_name.find(e->text); it != scope_.mapping_by_name.end()) {
      e->symbol = symbol({Symbol::Mapping, it->second});
    } else if (const Builtin* f = find_builtin(e->text)) {
      e->symbol = symbol({Symbol::Function, static_cast<int>(f - builtins().data())});
    } else if (respelled(e->text, name_span, {e->range.line, e->range.column, e->range.line, e->range.column + name_span.length})) {
      bind_call(e);
    } else {
      diags_.report(DiagId::unknown_function, current_, name_span, {e->text});
      suggest(e->text, name_span);
    }
  }

  // The list a quantifier ranges over must be a list of records: its record type, or -1.
  int bound_record(ast::Expr* list) {
    if (!list || list->kind != ast::ExprKind::Name || !list->symbol) return -1;
    if (list->symbol->kind != Symbol::Field) return -1;
    const Type& t = scope_.fields[list->symbol->index].type;
    return t.kind == Type::ObjectList ? t.enum_id : -1;
  }

  void bind(ast::Expr* e) {
    if (!e) return;
    if (e->kind == ast::ExprKind::Name) bind_name(e);
    if (e->kind == ast::ExprKind::Call) bind_call(e);
    if (e->kind == ast::ExprKind::Index) {
      auto it = scope_.field_by_path.find(e->text);
      if (it == scope_.field_by_path.end()) {
        diags_.report(DiagId::unknown_name, current_, e->span, {e->text});
        suggest(e->text, e->span);
      } else {
        e->symbol = symbol({Symbol::Field, it->second});
      }
    }
    const bool binds = e->kind == ast::ExprKind::Every || e->kind == ast::ExprKind::Some ||
                       e->kind == ast::ExprKind::Sum || e->kind == ast::ExprKind::CountWhere;
    if (!binds) {
      for (auto& a : e->args) bind(a.get());
      return;
    }
    bind(e->args[0].get());
    const int record = bound_record(e->args[0].get());
    if (record < 0) {
      if (e->args[0] && e->args[0]->symbol)
        diags_.report(DiagId::not_a_record_list, current_, e->args[0]->span, {std::string(e->args[0]->source)});
      return;
    }
    vars_.emplace_back(e->variable.text, record);
    for (size_t i = 1; i < e->args.size(); ++i) bind(e->args[i].get());
    vars_.pop_back();
  }

  const ast::Module& prelude_;
  const ast::InstrumentDecl& in_;
  const SourceFile& file_;
  Diagnostics& diags_;
  Scope scope_;
  std::unordered_map<std::string, std::pair<const SourceFile*, Span>> names_;
  const SourceFile* current_;  // where the expression being bound is written
  std::vector<std::pair<std::string, int>> vars_;  // the names quantifiers bind: name, record type
};

}  // namespace

Scope resolve(const ast::Module& prelude, const ast::InstrumentDecl& instrument,
              const SourceFile& file, Timeline timeline, Diagnostics& diags) {
  return Resolver(prelude, instrument, file, std::move(timeline), diags).run();
}

}  // namespace ssd
