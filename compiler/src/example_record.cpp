#include "example_record.h"

#include "lookalike.h"

#include <memory>

#include "resolve.h"
#include "ssd/report.h"
#include "words.h"

namespace ssd {

namespace {

// A JSON object being built, keys in the order first written.
struct JsonObject {
  std::vector<std::pair<std::string, std::string>> values;  // key → JSON text, or "" for a child object
  std::vector<std::pair<std::string, std::unique_ptr<JsonObject>>> children;

  JsonObject& child(const std::string& key) {
    for (auto& [k, c] : children)
      if (k == key) return *c;
    values.emplace_back(key, "");
    children.emplace_back(key, std::make_unique<JsonObject>());
    return *children.back().second;
  }
  bool has(const std::string& key) const {
    for (const auto& [k, _] : values)
      if (k == key) return true;
    return false;
  }
  std::string text() const {
    std::string out = "{";
    for (const auto& [key, value] : values) {
      if (out.size() > 1) out += ", ";
      append_json_string(key, out);
      out += ": ";
      if (!value.empty()) {
        out += value;
        continue;
      }
      for (const auto& [k, c] : children)
        if (k == key) out += c->text();
    }
    return out + "}";
  }
};

std::string quoted(const std::string& s) {
  std::string out;
  append_json_string(s, out);
  return out;
}

class Translator {
 public:
  Translator(const Scope& scope, const SourceFile* file, Diagnostics& diags) : s_(scope), file_(file), diags_(diags) {}

  std::optional<std::string> run(const std::vector<ast::RecordEntry>& entries) {
    JsonObject root;
    for (const ast::RecordEntry& e : entries) {
      if (e.answer) answer(e, root);
      else field(e, root);
    }
    if (!ok_) return std::nullopt;
    return root.text();
  }

 private:
  bool fail(DiagId id, Span span, std::vector<std::string> args) {
    diags_.report(id, file_, span, std::move(args));
    ok_ = false;
    return false;
  }

  std::string type_name(const Type& t) const { return s_.type_name(t); }

  // The inspector's answer: "attestations": {"6.4": true}.
  void answer(const ast::RecordEntry& e, JsonObject& root) {
    const ast::RecordValue& v = *e.value;
    std::string json;
    if (v.kind == ast::RecordValue::True) json = "true";
    else if (v.kind == ast::RecordValue::False) json = "false";
    else if (v.kind == ast::RecordValue::Name && v.text == "қолданылмайды") json = quoted("not_applicable");
    else {
      fail(DiagId::record_value, v.span, {"§ " + e.answer->rule, code_words({"ақиқат", "жалған", "қолданылмайды"})});
      return;
    }
    put(root.child("attestations"), e.answer->rule, json, v.span);
  }

  void field(const ast::RecordEntry& e, JsonObject& root) {
    if (e.field.text == "тексеру_күні") {
      if (e.value->kind != ast::RecordValue::Date)
        return void(fail(DiagId::record_value, e.value->span, {e.field.text, type_name(Type::of(Type::Date))}));
      put(root, "as_of", quoted(e.value->text), e.value->span);
      return;
    }
    auto it = s_.field_by_path.find(e.field.text);
    if (const std::optional<std::string> renamed = renamed_field(e.field.text); it == s_.field_by_path.end() && renamed) {
      it = s_.field_by_path.find(*renamed);
      if (it != s_.field_by_path.end()) {
        const Span& s = e.field.span;
        diags_.report(DiagId::old_spelling, file_, s, {e.field.text, *renamed});
        diags_.fix({file_, {s.line, s.column, s.line, s.column + s.length}, *renamed});
      }
    }
    if (it == s_.field_by_path.end()) {
      // A field written with Russian letters for Kazakh ones: reported with the field meant.
      std::vector<std::string> fields;
      for (const auto& [path, _] : s_.field_by_path) fields.push_back(path);
      const Span& s = e.field.span;
      if (const auto meant = report_lookalike(e.field.text, fields, file_, s, {s.line, s.column, s.line, s.column + s.length}, diags_))
        it = s_.field_by_path.find(*meant);
      else return void(fail(DiagId::unknown_name, e.field.span, {e.field.text}));
    }
    if (s_.fields[it->second].type.is_error()) {
      fail(DiagId::unknown_name, e.field.span, {e.field.text});
      return;
    }
    const FieldInfo& f = s_.fields[it->second];
    // The JSON path's objects, then the last key.
    JsonObject* at = &root;
    const std::string& path = f.decl->json_path;
    size_t start = 0;
    for (size_t dot; (dot = path.find('.', start)) != std::string::npos; start = dot + 1) at = &at->child(path.substr(start, dot - start));
    const std::string key = path.substr(start);
    if (e.key) {
      if (f.type.kind != Type::NumberTable)
        return void(fail(DiagId::expected_type, e.field.span, {type_name(Type::of(Type::NumberTable)), type_name(f.type)}));
      if (e.value->kind != ast::RecordValue::Number)
        return void(fail(DiagId::record_value, e.value->span, {e.field.text + "[\"" + *e.key + "\"]", type_name(Type::of(Type::Number))}));
      put(at->child(key), *e.key, e.value->text, e.value->span);
      return;
    }
    if (std::optional<std::string> json = value(f.type, *e.value, e.field.text)) put(*at, key, *json, e.value->span);
  }

  void put(JsonObject& object, const std::string& key, std::string json, Span span) {
    if (object.has(key)) {
      fail(DiagId::duplicate_name, span, {key});
      return;
    }
    object.values.emplace_back(key, std::move(json));
  }

  // A value for a field of type `t`, as JSON text.
  std::optional<std::string> value(const Type& t, const ast::RecordValue& v, const std::string& field) {
    using K = ast::RecordValue;
    auto wrong = [&]() -> std::optional<std::string> {
      fail(DiagId::record_value, v.span, {field, type_name(t)});
      return std::nullopt;
    };
    switch (t.kind) {
      case Type::Bool:
        if (v.kind == K::True) return "true";
        if (v.kind == K::False) return "false";
        return wrong();
      case Type::Number:
      case Type::Area:
        return v.kind == K::Number ? std::optional(v.text) : wrong();
      case Type::Text:
        return v.kind == K::String ? std::optional(quoted(v.text)) : wrong();
      case Type::Date:
        return v.kind == K::Date ? std::optional(quoted(v.text)) : wrong();
      case Type::Enum:
        return v.kind == K::Name ? member_code(t.enum_id, v) : wrong();
      case Type::EnumSet:
      case Type::DateList:
      case Type::TextList:
      case Type::ObjectList: {
        if (v.kind != K::List) return wrong();
        std::string out = "[";
        for (const auto& item : v.items) {
          std::optional<std::string> json = element(t, *item, field);
          if (!json) return std::nullopt;
          out += (out.size() > 1 ? ", " : "") + *json;
        }
        return out + "]";
      }
      case Type::NumberTable:
        // A table's keys are written one by one (шағымдар["85"] = 2); `= {}` is an empty one.
        return v.kind == K::List && v.items.empty() ? std::optional<std::string>("{}") : wrong();
      default:
        return wrong();
    }
  }

  std::optional<std::string> element(const Type& list, const ast::RecordValue& v, const std::string& field) {
    switch (list.kind) {
      case Type::EnumSet: return value(Type::enumeration(Type::Enum, list.enum_id), v, field);
      case Type::DateList: return value(Type::of(Type::Date), v, field);
      case Type::TextList: return value(Type::of(Type::Text), v, field);
      default: break;
    }
    // A record of a list: its fields by the element's names.
    if (v.kind != ast::RecordValue::Element) {
      fail(DiagId::record_value, v.span, {field, s_.type_name(list)});
      return std::nullopt;
    }
    const RecordTypeInfo& record = s_.records[list.enum_id];
    JsonObject object;
    for (const auto& [name, value_ptr] : v.fields) {
      const RecordTypeInfo::FieldType* f = nullptr;
      for (const auto& candidate : record.fields)
        if (candidate.decl->name.text == name.text) f = &candidate;
      if (!f) {
        fail(DiagId::unknown_name, name.span, {name.text});
        continue;
      }
      if (std::optional<std::string> json = value(f->type, *value_ptr, field + "." + name.text))
        put(object, f->decl->json_key, *json, value_ptr->span);
    }
    return object.text();
  }

  // A member written by name (or enumeration.name) → its code.
  std::optional<std::string> member_code(int enum_id, const ast::RecordValue& v) {
    const ast::EnumDecl& e = *s_.enums[enum_id].decl;
    std::string name = v.text;
    if (name.rfind(e.name.text + ".", 0) == 0) name = name.substr(e.name.text.size() + 1);
    for (const auto& m : e.members)
      if (m.name.text == name) return quoted(m.code);
    fail(DiagId::member_of_other_enum, v.span, {v.text, e.name.text});
    return std::nullopt;
  }

  const Scope& s_;
  const SourceFile* file_;
  Diagnostics& diags_;
  bool ok_ = true;
};

}  // namespace

std::optional<std::string> record_json(const std::vector<ast::RecordEntry>& entries, const Scope& scope,
                                       const SourceFile* file, Diagnostics& diags) {
  return Translator(scope, file, diags).run(entries);
}

}  // namespace ssd
