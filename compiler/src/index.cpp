#include "index_builder.h"

#include <algorithm>
#include <climits>

#include "blocks.h"
#include "ssd/internal/text.h"

namespace ssd {

namespace {

int code_points(const std::string& text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Range range_of(Span s) { return {s.line, s.column, s.line, s.column + std::max(s.length, 1)}; }

// A name's range when only its start and text are known (a call's function, an index's table).
Range range_of(Span s, const std::string& text) {
  return {s.line, s.column, s.line, s.column + code_points(text)};
}

std::string type_written(const ast::TypeRef& t) {
  return std::string(t.list ? "тізім " : t.table ? "кесте " : "") + t.name.text;
}

// The first words of a text, for a line of an outline.
std::string first_words(const std::string& text) { return printable(text, 100); }

class Builder {
 public:
  explicit Builder(SourceIndex& out) : out_(out) {}

  void module(const SourceFile& file, const ast::Module& m) {
    for (const auto& in : m.instruments) {
      declare({SymbolKind::Instrument, in.id.text, in.id.text, file.name(), range_of(in.id.span), in.title});
      out_.spans[file.name()].emplace_back(in.id.span.line, in.end.line, in.id.text);
    }
    for (const auto& a : m.amendments) {
      declare({SymbolKind::Order, a.id.text, "", file.name(), range_of(a.id.span), a.title});
      for (size_t i = 0; i < a.sections.size(); ++i) {
        const int last = i + 1 < a.sections.size() ? a.sections[i + 1].span.line - 1 : INT_MAX;
        out_.spans[file.name()].emplace_back(a.sections[i].span.line, last, a.sections[i].instrument.text);
      }
    }
    outline(file, m);
  }

  void prelude(const SourceFile& file, const ast::Module& m) {
    for (const auto& e : m.enums) enumeration(e, file, "");
    for (const auto& f : m.fields) field(f, file, "");
  }

  void scope(const Scope& s, const std::vector<std::pair<const SourceFile*, const ast::Module*>>& modules) {
    const std::string id = s.instrument->id.text;
    for (const EnumInfo& e : s.enums) enumeration(*e.decl, *e.file, id);
    for (const FieldInfo& f : s.fields) {
      field(*f.decl, *f.file, id);
      if (auto it = s.enum_by_name.find(f.decl->type.name.text); it != s.enum_by_name.end())
        use(symbol_at(*s.enums[it->second].file, s.enums[it->second].decl->name.span), f.file->name(),
            range_of(f.decl->type.name.span));
    }
    for (const MappingInfo& m : s.mappings) mapping(s, m);
    for (const auto& [name, d] : s.definitions) {
      declare({SymbolKind::Definition, name, id, s.file->name(), range_of(d->name.span), "бұдан_әрі " + name + " = " + std::string(d->expr->source)});
      expression(s, *d->expr, *s.file);
    }
    provisions(s, modules);
    for (const RequirementRef& r : s.timeline.requirements) requirement(s, r);
    for (const ExampleRef& x : s.timeline.examples) example(s, *x.decl, *x.file);
    for (const PointerRef& p : s.timeline.pointers) use(order(p.decl->order.text), p.file->name(), range_of(p.decl->order.span));
  }

 private:
  int declare(IndexedSymbol symbol) {
    const auto key = std::make_tuple(symbol.file, symbol.range.line, symbol.range.column);
    if (auto it = by_place_.find(key); it != by_place_.end()) return it->second;
    const int id = static_cast<int>(out_.symbols.size());
    by_place_.emplace(key, id);
    out_.occurrences.push_back({symbol.file, symbol.range, id, true});
    out_.symbols.push_back(std::move(symbol));
    return id;
  }

  void use(int symbol, const std::string& file, Range range) {
    if (symbol >= 0) out_.occurrences.push_back({file, range, symbol, false});
  }

  int symbol_at(const SourceFile& file, Span span) const {
    auto it = by_place_.find(std::make_tuple(file.name(), span.line, span.column));
    return it == by_place_.end() ? -1 : it->second;
  }

  int order(const std::string& id) const {
    for (size_t i = 0; i < out_.symbols.size(); ++i)
      if (out_.symbols[i].kind == SymbolKind::Order && out_.symbols[i].name == id) return static_cast<int>(i);
    return -1;
  }

  void enumeration(const ast::EnumDecl& e, const SourceFile& file, const std::string& id) {
    declare({SymbolKind::Enumeration, e.name.text, id, file.name(), range_of(e.name.span),
             std::string("тізбе ") + e.name.text + (e.open ? " ашық" : "") + ": " + std::to_string(e.members.size()) + " мүше"});
    for (const auto& m : e.members)
      declare({SymbolKind::Member, m.name.text, id, file.name(), range_of(m.name.span),
               e.name.text + "." + m.name.text + " = \"" + m.code + "\"" + (m.rule.empty() ? "" : "  § " + m.rule), m.label});
  }

  void field(const ast::FieldDecl& f, const SourceFile& file, const std::string& id) {
    const std::string type = f.object_list ? "тізім { … }" : type_written(f.type);
    declare({SymbolKind::Field, f.path.text, id, file.name(), range_of(f.path.span),
             "өріс " + f.path.text + " : " + type + " = \"" + f.json_path + "\""});
    for (const auto& e : f.elements)
      declare({SymbolKind::Field, e.name.text, id, file.name(), range_of(e.name.span),
               f.path.text + " элементінің өрісі: " + e.name.text + " : " + type_written(e.type) + " = \"" + f.json_path + "[]." +
                   e.json_key + "\""});
  }

  void mapping(const Scope& s, const MappingInfo& m) {
    const ast::MappingDecl& d = *m.decl;
    const std::string file = s.file->name();
    declare({SymbolKind::Mapping, d.name.text, s.instrument->id.text, file, range_of(d.name.span),
             "сәйкестік_кестесі " + d.name.text + " : " + d.from_enum.text + " -> " + d.to_enum.text +
                 (d.rule.empty() ? "" : " § " + d.rule)});
    auto enum_symbol = [&](int e) { return e < 0 ? -1 : symbol_at(*s.enums[e].file, s.enums[e].decl->name.span); };
    use(enum_symbol(m.from_enum), file, range_of(d.from_enum.span));
    use(enum_symbol(m.to_enum), file, range_of(d.to_enum.span));
    auto members = [&](int e, const std::vector<ast::Name>& names) {
      if (e < 0) return;
      for (const ast::Name& n : names)
        for (const auto& member : s.enums[e].decl->members)
          if (member.name.text == n.text) use(symbol_at(*s.enums[e].file, member.name.span), file, range_of(n.span));
    };
    for (const auto& row : d.rows) members(m.from_enum, row.from), members(m.to_enum, row.to);
  }

  // A member written by name alone, where one enumeration of the instrument has it.
  int member(const Scope& s, const std::string& name) const {
    auto it = s.members.find(name);
    if (it == s.members.end() || it->second.size() != 1) return -1;
    const auto [e, i] = it->second.front();
    return symbol_at(*s.enums[e].file, s.enums[e].decl->members[i].name.span);
  }

  int field_symbol(const Scope& s, const std::string& path) const {
    auto it = s.field_by_path.find(path);
    return it == s.field_by_path.end() ? -1 : symbol_at(*s.fields[it->second].file, s.fields[it->second].decl->path.span);
  }

  void expression(const Scope& s, const ast::Expr& e, const SourceFile& file) {
    if (const Symbol* sym = e.symbol) {
      int target = -1;
      Range where = range_of(e.span, e.text);
      switch (sym->kind) {
        case Symbol::Field: target = field_symbol(s, s.fields[sym->index].decl->path.text); break;
        case Symbol::Member: target = symbol_at(*s.enums[sym->enum_id].file, s.enums[sym->enum_id].decl->members[sym->index].name.span); break;
        case Symbol::Definition: target = symbol_at(*s.file, sym->definition->name.span); break;
        case Symbol::Mapping: target = symbol_at(*s.file, s.mappings[sym->index].decl->name.span); break;
        case Symbol::Element: {
          const RecordTypeInfo& record = s.records[sym->enum_id];
          auto list = s.field_by_path.find(record.name);
          if (list != s.field_by_path.end()) target = symbol_at(*s.fields[list->second].file, record.fields[sym->index].decl->name.span);
          break;
        }
        default: break;
      }
      use(target, file.name(), where);
    }
    for (const auto& a : e.args)
      if (a) expression(s, *a, file);
  }

  void provisions(const Scope& s, const std::vector<std::pair<const SourceFile*, const ast::Module*>>& modules) {
    const std::string id = s.instrument->id.text;
    // Declared where the instrument's own file writes the block; the orders' blocks are uses.
    auto declare_blocks = [&](auto& self, const std::vector<ast::BlockDecl>& blocks) -> void {
      for (const ast::BlockDecl& b : blocks) {
        if (!b.key.empty()) provision(id, b.key, *s.file, b);
        self(self, b.blocks);
      }
    };
    declare_blocks(declare_blocks, s.instrument->blocks);
    for (const auto& module : modules) {
      const SourceFile* file = module.first;  // a named variable: lambdas capture no structured binding in clang 15
      for (const auto& a : module.second->amendments)
        for (const auto& section : a.sections) {
          if (section.instrument.text != id) continue;
          use(instrument(id), file->name(), range_of(section.instrument.span));
          auto walk = [&](auto& self, const std::vector<ast::BlockDecl>& blocks) -> void {
            for (const ast::BlockDecl& b : blocks) {
              if (!b.key.empty()) provision(id, b.key, *file, b);
              self(self, b.blocks);
            }
          };
          walk(walk, section.blocks);
        }
    }
    // What the law says now: the last wording written, and the orders that word it.
    for (const ProvisionRef& p : s.timeline.provisions) {
      auto it = provisions_.find({id, p.decl->key});
      if (it == provisions_.end()) continue;
      IndexedSymbol& symbol = out_.symbols[it->second];
      if (p.text) symbol.text = *p.text;
      if (!p.act.empty() && std::find(symbol.acts.begin(), symbol.acts.end(), p.act) == symbol.acts.end()) symbol.acts.push_back(p.act);
    }
  }

  int instrument(const std::string& id) const {
    for (size_t i = 0; i < out_.symbols.size(); ++i)
      if (out_.symbols[i].kind == SymbolKind::Instrument && out_.symbols[i].name == id) return static_cast<int>(i);
    return -1;
  }

  void provision(const std::string& id, const std::string& key, const SourceFile& file, const ast::BlockDecl& b) {
    Range where{b.span.line, b.span.column, b.span.line, b.span.column + code_points(keyword(b.kind))};
    auto it = provisions_.find({id, key});
    if (it != provisions_.end()) {
      use(it->second, file.name(), where);
      return;
    }
    const std::optional<ast::Citation> c = citation_of_key(key);
    const int symbol = declare({SymbolKind::Provision, c ? "§ " + citation_text(key) : key, id, file.name(), where,
                                c ? c->wording : key, b.text.value_or("")});
    provisions_.emplace(std::make_pair(id, key), symbol);
  }

  // A key as a citation is written: "5.1" → "5.1", "app3:18" → "3-қосымша 18".
  static std::string citation_text(const std::string& key) {
    if (key.rfind("app", 0) != 0) return key;
    const size_t colon = key.find(':');
    if (colon == std::string::npos) return key.substr(3) + "-қосымша";
    return key.substr(3, colon - 3) + "-қосымша " + key.substr(colon + 1);
  }

  void cite(const std::string& id, const ast::Citation& c, const std::string& file) {
    if (auto it = provisions_.find({id, c.rule}); it != provisions_.end()) use(it->second, file, range_of(c.span));
  }

  void requirement(const Scope& s, const RequirementRef& r) {
    const std::string id = s.instrument->id.text;
    const ast::RequirementDecl& d = *r.decl;
    std::string law;
    if (r.within >= 0) {
      const ProvisionRef& p = s.timeline.provisions[r.within];
      const std::optional<ast::Citation> c = citation_of_key(p.decl->key);
      law = (c ? c->wording : p.decl->key) + (p.text ? ": " + *p.text : "");
    }
    auto it = requirements_.find({id, d.name.text});
    if (it == requirements_.end()) {
      std::string detail = "талап " + d.name.text + (d.severity ? " ауырлық " + d.severity->text : "") + (d.attested ? " куәландырылады" : "");
      const int symbol = declare({SymbolKind::Requirement, d.name.text, id, r.file->name(), range_of(d.name.span), detail,
                                  d.description_kk, d.description_en, law});
      requirements_.emplace(std::make_pair(id, d.name.text), symbol);
    } else {
      use(it->second, r.file->name(), range_of(d.name.span));
    }
    if (d.condition) expression(s, *d.condition, *r.file);
    for (const ast::Inspects& link : d.inspects) {
      use(instrument(link.instrument.text), r.file->name(), range_of(link.instrument.span));
      cite(link.instrument.text, link.citation, r.file->name());
    }
    if (d.group) use(member(s, d.group->text), r.file->name(), range_of(d.group->span));
  }

  void value(const Scope& s, const ast::RecordValue& v, const std::string& file) {
    if (v.kind == ast::RecordValue::Name) use(member(s, v.text), file, range_of(v.span, v.text));
    for (const auto& item : v.items) value(s, *item, file);
    for (const auto& [name, item] : v.fields) value(s, *item, file);
  }

  void example(const Scope& s, const ast::ExampleDecl& x, const SourceFile& file) {
    const std::string id = s.instrument->id.text;
    if (x.entries)
      for (const ast::RecordEntry& entry : *x.entries) {
        if (entry.answer) cite(id, *entry.answer, file.name());
        else use(field_symbol(s, entry.field.text), file.name(), range_of(entry.field.span, entry.field.text));
        if (entry.value) value(s, *entry.value, file.name());
      }
    for (const ast::Expectation& e : x.expectations) {
      if (e.citation) cite(id, *e.citation, file.name());
      if (e.requirement)
        if (auto it = requirements_.find({id, e.requirement->text}); it != requirements_.end())
          use(it->second, file.name(), range_of(e.requirement->span));
    }
  }

  // Each file's outline: instruments and orders, their blocks, and the requirements in them.
  void outline(const SourceFile& file, const ast::Module& m) {
    std::vector<OutlineItem>& items = out_.outlines[file.name()];
    for (const auto& in : m.instruments) {
      OutlineItem item{SymbolKind::Instrument, "стандарт " + in.id.text, first_words(in.title),
                       {in.id.span.line, 0, in.end.line, in.end.column + 1}, range_of(in.id.span), {}};
      for (const auto& b : in.blocks) block(b, item.children);
      items.push_back(std::move(item));
    }
    for (const auto& a : m.amendments) {
      OutlineItem item{SymbolKind::Order, "өзгеріс " + a.id.text, first_words(a.title), range_of(a.span), range_of(a.id.span), {}};
      for (const auto& section : a.sections) {
        OutlineItem part{SymbolKind::Instrument, section.instrument.text, "", range_of(section.span), range_of(section.instrument.span), {}};
        for (const auto& b : section.blocks) block(b, part.children);
        grow(part.range, part.children);
        item.children.push_back(std::move(part));
      }
      grow(item.range, item.children);
      items.push_back(std::move(item));
    }
  }

  static void grow(Range& r, const std::vector<OutlineItem>& children) {
    for (const OutlineItem& c : children)
      if (c.range.end_line > r.end_line || (c.range.end_line == r.end_line && c.range.end_column > r.end_column))
        r.end_line = c.range.end_line, r.end_column = c.range.end_column;
  }

  void block(const ast::BlockDecl& b, std::vector<OutlineItem>& out) {
    const std::string name = std::string(keyword(b.kind)) + (b.number.empty() ? "" : " " + b.number);
    const Range head{b.span.line, b.span.column, b.span.line, b.span.column + code_points(name)};
    Range all = head;
    if (b.close) all.end_line = b.close->line, all.end_column = b.close->column + 1;
    OutlineItem item{SymbolKind::Provision, name, first_words(b.text.value_or("")), all, head, {}};
    for (const auto& r : b.requirements)
      item.children.push_back({SymbolKind::Requirement, r.name.text, first_words(r.description_kk), range_of(r.name.span),
                               range_of(r.name.span), {}});
    for (const auto& child : b.blocks) block(child, item.children);
    // Only the blocks that are the law's provisions; a locator of blocks below stands for them.
    if (b.kind == ast::BlockKind::Abzats && b.number.empty() && !b.has_text()) {
      for (auto& c : item.children) out.push_back(std::move(c));
      return;
    }
    grow(item.range, item.children);
    out.push_back(std::move(item));
  }

  SourceIndex& out_;
  std::map<std::tuple<std::string, int, int>, int> by_place_;
  std::map<std::pair<std::string, std::string>, int> provisions_;    // (instrument, key)
  std::map<std::pair<std::string, std::string>, int> requirements_;  // (instrument, name)
};

}  // namespace

SourceIndex make_index(const SourceFile& prelude_file, const ast::Module& prelude,
                       const std::vector<std::pair<const SourceFile*, const ast::Module*>>& modules,
                       const std::vector<std::unique_ptr<Scope>>& scopes) {
  SourceIndex out;
  Builder b(out);
  b.prelude(prelude_file, prelude);
  for (const auto& [file, m] : modules) b.module(*file, *m);
  for (const auto& s : scopes) b.scope(*s, modules);
  return out;
}

}  // namespace ssd

namespace ssd {

const Occurrence* SourceIndex::at(const std::string& file, int line, int column) const {
  const Occurrence* best = nullptr;
  for (const Occurrence& o : occurrences) {
    const Range& r = o.range;
    if (o.file != file || r.line != line || column < r.column || column > r.end_column) continue;
    if (!best || r.end_column - r.column < best->range.end_column - best->range.column) best = &o;
  }
  return best;
}

std::vector<const Occurrence*> SourceIndex::of(int symbol) const {
  std::vector<const Occurrence*> out;
  for (const Occurrence& o : occurrences)
    if (o.symbol == symbol) out.push_back(&o);
  return out;
}

std::string SourceIndex::instrument_at(const std::string& file, int line) const {
  auto it = spans.find(file);
  if (it == spans.end()) return "";
  for (const auto& [first, last, id] : it->second)
    if (line >= first && line <= last) return id;
  return "";
}

}  // namespace ssd
