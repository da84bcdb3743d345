#include "server.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <filesystem>

#include "labels.h"
#include "positions.h"
#include "ssd/format.h"
#include "ssd/functions.h"
#include "ssd/tokens.h"

namespace ssd::lsp {

namespace fs = std::filesystem;

namespace {

// JSON-RPC's and LSP's error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

// Params that are JSON of the right shape but out of range (a position past any file).
struct BadParams : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A line or a character of a position: LSP's uinteger, and below 2^30 so that counting from it
// cannot overflow. A float, a negative or a larger number is a bad request.
int position_number(const json& value) {
  constexpr std::uint64_t kLargest = std::uint64_t{1} << 30;
  if (!value.is_number_unsigned() || value.get<std::uint64_t>() >= kLargest)
    throw BadParams("a line or character is not a whole number from 0 to 2^30: " + value.dump(-1, ' ', false, json::error_handler_t::replace));
  return static_cast<int>(value.get<std::uint64_t>());
}

json error_response(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json notification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

// The function named `word`, if the language gives one.
std::optional<FunctionHelp> function_named(const std::string& word, Lang lang) {
  for (FunctionHelp& f : functions(lang))
    if (f.name == word) return std::move(f);
  return std::nullopt;
}

// UTF-8 letters, digits and `_`: a name's characters.
bool word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '_'; }

// The word around a code-point column of a line.
std::string word_at(std::string_view line, int column) {
  size_t at = 0;
  for (int n = 0; n < column && at < line.size(); ++n) {
    ++at;
    while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
  }
  size_t start = at, end = at;
  while (start > 0 && word_byte(static_cast<unsigned char>(line[start - 1]))) --start;
  while (end < line.size() && word_byte(static_cast<unsigned char>(line[end]))) ++end;
  return std::string(line.substr(start, end - start));
}

// A folder as the server keeps it: absolute, lexically normal, without a trailing '/'.
std::string folder_path(const std::string& path) {
  std::string out = fs::path(path).lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

int symbol_kind(SymbolKind kind) {  // LSP's SymbolKind
  switch (kind) {
    case SymbolKind::Instrument: return 2;   // Module
    case SymbolKind::Order: return 4;        // Package
    case SymbolKind::Provision: return 5;    // Class
    case SymbolKind::Requirement: return 6;  // Method
    case SymbolKind::Enumeration: return 10;
    case SymbolKind::Member: return 22;
    case SymbolKind::Field: return 8;
    case SymbolKind::Mapping: return 19;
    case SymbolKind::Definition: return 13;
  }
  return 13;
}

int completion_kind(SymbolKind kind) {  // LSP's CompletionItemKind
  switch (kind) {
    case SymbolKind::Field: return 5;
    case SymbolKind::Member: return 20;
    case SymbolKind::Enumeration: return 13;
    case SymbolKind::Definition: return 6;
    case SymbolKind::Provision: return 18;
    default: return 7;
  }
}

std::string fenced(const std::string& code) { return "```ssd\n" + code + "\n```"; }

}  // namespace

std::string path_of_uri(const std::string& uri) {
  std::string rest = uri.rfind("file://", 0) == 0 ? uri.substr(7) : uri;
  std::string out;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && std::isxdigit(static_cast<unsigned char>(rest[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(rest[i + 2]))) {
      out += static_cast<char>(std::stoi(rest.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += rest[i];
    }
  }
  return fs::path(out).lexically_normal().string();
}

std::string uri_of_path(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') out += static_cast<char>(c);
    else out += {'%', hex[c >> 4], hex[c & 15]};
  }
  return out;
}

Server::Server(std::string root) : fixed_root_(!root.empty()) {
  if (fixed_root_) roots_.push_back(folder_path(root));
}

const std::string* Server::root_of(const std::string& path) const {
  const std::string* best = nullptr;
  for (const std::string& root : roots_) {
    const bool inside = path == root || (path.rfind(root, 0) == 0 && (root == "/" || path[root.size()] == '/'));
    if (inside && (!best || root.size() > best->size())) best = &root;
  }
  return best;
}

std::string Server::folder_of(const std::string& path) const {
  const std::string* root = root_of(path);
  if (!root || path == *root) return path;
  const fs::path own = fs::path(path).parent_path();
  for (fs::path d = own; d.string().size() >= root->size(); d = d.parent_path()) {
    if (d.filename() == "standards") return d.string();
    if (d == d.parent_path()) break;
  }
  return own.string();
}

std::vector<json> Server::handle(const std::string& message) {
  std::vector<json> out;
  json request;
  try {
    request = json::parse(message);
  } catch (const json::exception& e) {
    out.push_back(error_response(nullptr, kParseError, std::string("not JSON: ") + e.what()));
    return out;
  }
  if (!request.is_object() || !request.contains("method") || !request["method"].is_string()) {
    // A response to a request of ours (we send none) is ignored; anything else is malformed.
    if (request.is_object() && request.contains("id") && (request.contains("result") || request.contains("error"))) return out;
    out.push_back(error_response(request.is_object() && request.contains("id") ? request["id"] : json(nullptr), kInvalidRequest,
                                 "not a JSON-RPC request"));
    return out;
  }
  const std::string method = request["method"];
  const bool is_request = request.contains("id");
  const json id = is_request ? request["id"] : json(nullptr);
  const json params = request.value("params", json::object());
  if (!initialized_ && method != "initialize" && method != "exit") {
    if (is_request) out.push_back(error_response(id, kServerNotInitialized, "the server is not initialized"));
    return out;
  }
  if (shutdown_ && method != "exit") {
    if (is_request) out.push_back(error_response(id, kInvalidRequest, "the server is shut down"));
    return out;
  }
  try {
    if (is_request) settle(out);  // answers are about the texts as they are now
    std::optional<json> result = dispatch(method, params);
    if (!is_request) return out;
    if (!result) out.push_back(error_response(id, kMethodNotFound, "no method " + method));
    else out.push_back({{"jsonrpc", "2.0"}, {"id", id}, {"result", *result}});
  } catch (const json::exception& e) {
    if (is_request) out.push_back(error_response(id, kInvalidParams, std::string("bad params: ") + e.what()));
  } catch (const BadParams& e) {
    if (is_request) out.push_back(error_response(id, kInvalidParams, std::string("bad params: ") + e.what()));
  } catch (const std::exception& e) {
    if (is_request) out.push_back(error_response(id, kInternalError, e.what()));
  }
  return out;
}

std::optional<json> Server::dispatch(const std::string& method, const json& params) {
  if (method == "initialize") return initialize(params);
  if (method == "initialized" || method == "$/cancelRequest" || method == "$/setTrace" || method == "textDocument/didSave") return json(nullptr);
  if (method == "shutdown") {
    shutdown_ = true;
    return json(nullptr);
  }
  if (method == "exit") {
    exited_ = true;
    return json(nullptr);
  }
  if (method == "textDocument/didOpen") {
    open(path_of_uri(params.at("textDocument").at("uri")), params.at("textDocument").at("text"));
    return json(nullptr);
  }
  if (method == "textDocument/didChange") {
    // Full synchronisation: the last change holds the whole text.
    const json& changes = params.at("contentChanges");
    if (!changes.empty()) open(path_of_uri(params.at("textDocument").at("uri")), changes.back().at("text"));
    return json(nullptr);
  }
  if (method == "textDocument/didClose") {
    const std::string path = path_of_uri(params.at("textDocument").at("uri"));
    documents_.erase(path);
    changed_.insert(folder_of(path));
    return json(nullptr);
  }
  if (method == "textDocument/hover") return hover(params);
  if (method == "textDocument/completion") return completion(params);
  if (method == "textDocument/definition") return definition(params);
  if (method == "textDocument/references") return references(params);
  if (method == "textDocument/documentSymbol") return document_symbols(params);
  if (method == "textDocument/formatting") return formatting(params);
  if (method == "textDocument/codeAction") return code_actions(params);
  return std::nullopt;
}

json Server::initialize(const json& params) {
  initialized_ = true;
  if (!fixed_root_ && params.is_object()) {
    auto add = [&](const json& uri, bool is_uri) {
      if (!uri.is_string()) return;
      const std::string path = is_uri ? path_of_uri(uri.get<std::string>()) : uri.get<std::string>();
      if (fs::path(path).is_absolute()) roots_.push_back(folder_path(path));
    };
    if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array())
      for (const json& folder : params["workspaceFolders"])
        if (folder.is_object() && folder.contains("uri")) add(folder["uri"], true);
    if (roots_.empty() && params.contains("rootUri")) add(params["rootUri"], true);
    if (roots_.empty() && params.contains("rootPath")) add(params["rootPath"], false);
  }
  const std::string locale = params.is_object() && params.contains("locale") && params["locale"].is_string() ? params["locale"].get<std::string>() : "";
  lang_ = locale.rfind("en", 0) == 0 ? Lang::En : Lang::Kk;
  return {{"capabilities",
           {{"positionEncoding", "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
            {"hoverProvider", true},
            {"completionProvider", {{"triggerCharacters", {"§", "."}}}},
            {"definitionProvider", true},
            {"referencesProvider", true},
            {"documentSymbolProvider", true},
            {"documentFormattingProvider", true},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
          {"serverInfo", {{"name", "ssd lsp"}, {"version", "0.1.0"}}}};
}

void Server::open(const std::string& path, std::string text) {
  documents_[path] = std::make_shared<const SourceFile>(path, std::move(text));
  changed_.insert(folder_of(path));
}

std::vector<json> Server::idle() {
  std::vector<json> out;
  settle(out);
  return out;
}

void Server::settle(std::vector<json>& out) {
  for (const std::string& folder : changed_) compile(folder, out);
  changed_.clear();
}

void Server::compile(const std::string& folder, std::vector<json>& out) {
  Workspace& w = workspaces_[folder];
  std::vector<std::shared_ptr<const SourceFile>> files;
  std::set<std::string> named;
  std::error_code ec;
  const bool on_disk = root_of(folder) && fs::is_directory(folder, ec);  // else a file outside the workspace
  for (const std::string& listed : on_disk ? source_files(folder).files : std::vector<std::string>{}) {
    const std::string path = fs::path(listed).lexically_normal().string();
    named.insert(path);
    if (auto open = documents_.find(path); open != documents_.end()) {
      files.push_back(open->second);
    } else {
      std::string error;
      if (std::optional<SourceFile> read = read_source_file(path, &error)) files.push_back(std::make_shared<const SourceFile>(std::move(*read)));
    }
  }
  for (const auto& [path, file] : documents_)  // open and not yet saved
    if (!named.count(path) && folder_of(path) == folder) files.push_back(file);
  w.result = compile_sources(files, {.index = true});
  if (w.result.index) w.index = w.result.index;
  w.sources.clear();
  for (const auto& f : files) w.sources[f->name()] = f;

  std::map<std::string, json> by_file;
  for (const auto& f : files) by_file[f->name()] = json::array();
  const std::vector<Diagnostic>& all = w.result.diagnostics.all();
  for (size_t i = 0; i < all.size(); ++i) {
    const Diagnostic& d = all[i];
    if (d.severity == DiagSeverity::Note) continue;
    // A diagnostic with no place, or in the prelude, is shown at the top of each file compiled.
    const bool placed = d.file && by_file.count(d.file->name());
    json lsp = diagnostic(d);
    for (size_t j = i + 1; j < all.size() && all[j].severity == DiagSeverity::Note; ++j) {
      const Diagnostic& note = all[j];
      if (note.file && by_file.count(note.file->name()))
        lsp["relatedInformation"].push_back({{"location", location(note.file->name(), {note.span.line, note.span.column, note.span.line,
                                                                                       note.span.column + note.span.length})},
                                             {"message", message(note, lang_)}});
      else
        lsp["message"] = lsp["message"].get<std::string>() + "\n" + message(note, lang_);
    }
    if (placed) {
      by_file[d.file->name()].push_back(std::move(lsp));
    } else {
      lsp["range"] = {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}};
      for (auto& [path, list] : by_file) list.push_back(lsp);
    }
  }
  std::set<std::string> published;
  for (auto& [path, list] : by_file) {
    if (list.empty() && !w.published.count(path)) continue;
    if (!list.empty()) published.insert(path);
    out.push_back(notification("textDocument/publishDiagnostics", {{"uri", uri_of_path(path)}, {"diagnostics", std::move(list)}}));
  }
  for (const std::string& gone : w.published)  // files no longer in the folder
    if (!by_file.count(gone)) out.push_back(notification("textDocument/publishDiagnostics", {{"uri", uri_of_path(gone)}, {"diagnostics", json::array()}}));
  w.published = std::move(published);
}

json Server::diagnostic(const Diagnostic& d) const {
  json r;
  if (d.file) {
    const std::string_view line = d.file->line(d.span.line);
    r = {{"start", {{"line", d.span.line - 1}, {"character", utf16_column(line, d.span.column)}}},
         {"end", {{"line", d.span.line - 1}, {"character", utf16_column(line, d.span.column + std::max(d.span.length, 1))}}}};
  }
  return {{"range", r},
          {"severity", d.severity == DiagSeverity::Error ? 1 : d.severity == DiagSeverity::Warning ? 2 : 3},
          {"code", diag_name(d.id)},
          {"source", "ssd"},
          {"message", message(d, lang_)}};
}

Server::Workspace* Server::workspace_of(const std::string& path) {
  auto it = workspaces_.find(folder_of(path));
  return it == workspaces_.end() ? nullptr : &it->second;
}

std::shared_ptr<const SourceFile> Server::source(const std::string& path) {
  if (auto it = documents_.find(path); it != documents_.end()) return it->second;
  if (Workspace* w = workspace_of(path))
    if (auto it = w->sources.find(path); it != w->sources.end()) return it->second;
  if (!root_of(path)) return nullptr;  // the disk is read inside the workspace only
  std::string error;
  if (std::optional<SourceFile> read = read_source_file(path, &error)) return std::make_shared<const SourceFile>(std::move(*read));
  return nullptr;
}

json Server::range(const std::string& path, const Range& r) {
  const std::shared_ptr<const SourceFile> file = source(path);
  auto column = [&](int line, int c) { return file ? utf16_column(file->line(line), c) : c; };
  return {{"start", {{"line", r.line - 1}, {"character", column(r.line, r.column)}}},
          {"end", {{"line", r.end_line - 1}, {"character", column(r.end_line, r.end_column)}}}};
}

json Server::location(const std::string& path, const Range& r) { return {{"uri", uri_of_path(path)}, {"range", range(path, r)}}; }

Server::Place Server::place_of(const json& params) const {
  Place p{path_of_uri(params.at("textDocument").at("uri")), position_number(params.at("position").at("line")) + 1, 0};
  const int utf16 = position_number(params.at("position").at("character"));
  auto it = documents_.find(p.path);
  p.column = it == documents_.end() ? utf16 : code_point_column(it->second->line(p.line), utf16);
  return p;
}

json Server::hover(const json& params) {
  const Place p = place_of(params);
  const Workspace* w = workspace_of(p.path);
  const Occurrence* o = w && w->index ? w->index->at(p.path, p.line, p.column) : nullptr;
  std::string text;
  if (o) {
    const IndexedSymbol& s = w->index->symbols[o->symbol];
    const bool en = lang_ == Lang::En;
    switch (s.kind) {
      case SymbolKind::Requirement:
        text = fenced(s.detail);
        if (!s.text.empty() || !s.text_en.empty()) text += "\n\n" + (en && !s.text_en.empty() ? s.text_en : s.text);
        if (!s.law.empty()) text += "\n\n> " + s.law;
        break;
      case SymbolKind::Provision:
        text = "**" + s.name + "** (" + s.instrument + ")";
        if (!s.text.empty()) text += "\n\n> " + s.text;
        if (!s.acts.empty()) {
          std::string acts;
          for (size_t i = 0; i < s.acts.size(); ++i) acts += (i ? ", " : "") + s.acts[i];
          text += "\n\n" + cli::label(cli::Label::worded_by, lang_, acts);
        }
        break;
      default:
        text = fenced(s.detail.empty() ? s.name : s.detail);
        if (!s.text.empty()) text += "\n\n" + s.text;
    }
    return {{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", range(o->file, o->range)}};
  }
  const std::shared_ptr<const SourceFile> file = source(p.path);
  if (!file) return nullptr;
  if (const std::optional<FunctionHelp> f = function_named(word_at(file->line(p.line), p.column), lang_))
    return {{"contents", {{"kind", "markdown"}, {"value", fenced(f->signature) + "\n\n" + f->meaning}}}};
  return nullptr;
}

json Server::completion(const json& params) {
  const Place p = place_of(params);
  json items = json::array();
  for (const std::string& k : keywords()) items.push_back({{"label", k}, {"kind", 14}});
  for (const FunctionHelp& f : functions(lang_))
    items.push_back({{"label", f.name}, {"kind", 3}, {"detail", f.signature}, {"documentation", f.meaning}});
  const Workspace* w = workspace_of(p.path);
  if (!w || !w->index) return items;
  // A citation being written: from its `§` on the line, the completion replaces what is typed.
  const std::shared_ptr<const SourceFile> file = source(p.path);
  std::optional<json> citation_range;
  if (file) {
    const std::string before = std::string(file->line(p.line).substr(0, file->offset_of(p.line, p.column) - file->offset_of(p.line, 0)));
    const size_t mark = before.rfind("§");
    // Between the `§` and the place, only what a citation holds (§ 5.1, § 3-қосымша 18).
    if (mark != std::string::npos && before.size() - mark < 40 && before.find_first_of("\"(){},:=<>", mark) == std::string::npos) {
      int column = 0;
      for (size_t i = 0; i < mark; ++i) column += (static_cast<unsigned char>(before[i]) & 0xC0) != 0x80;
      citation_range = range(p.path, {p.line, column, p.line, p.column});
    }
  }
  const std::string instrument = w->index->instrument_at(p.path, p.line);
  for (const IndexedSymbol& s : w->index->symbols) {
    if (s.kind == SymbolKind::Instrument || s.kind == SymbolKind::Order) continue;
    if (!s.instrument.empty() && s.instrument != instrument) continue;
    if (citation_range && s.kind != SymbolKind::Provision) continue;
    json item = {{"label", s.name}, {"kind", completion_kind(s.kind)}};
    if (!s.detail.empty()) item["detail"] = s.detail;
    if (!s.text.empty()) item["documentation"] = s.text;
    if (s.kind == SymbolKind::Provision && citation_range) item["textEdit"] = {{"range", *citation_range}, {"newText", s.name}};
    items.push_back(std::move(item));
  }
  return items;
}

json Server::definition(const json& params) {
  const Place p = place_of(params);
  const Workspace* w = workspace_of(p.path);
  const Occurrence* o = w && w->index ? w->index->at(p.path, p.line, p.column) : nullptr;
  if (!o) return nullptr;
  const IndexedSymbol& s = w->index->symbols[o->symbol];
  return location(s.file, s.range);
}

json Server::references(const json& params) {
  const Place p = place_of(params);
  const Workspace* w = workspace_of(p.path);
  const Occurrence* o = w && w->index ? w->index->at(p.path, p.line, p.column) : nullptr;
  json out = json::array();
  if (!o) return out;
  const bool declaration = params.value("context", json::object()).value("includeDeclaration", true);
  for (const Occurrence* each : w->index->of(o->symbol))
    if (declaration || !each->declaration) out.push_back(location(each->file, each->range));
  return out;
}

json Server::document_symbols(const json& params) {
  const std::string path = path_of_uri(params.at("textDocument").at("uri"));
  const Workspace* w = workspace_of(path);
  json out = json::array();
  if (!w || !w->index) return out;
  auto it = w->index->outlines.find(path);
  if (it == w->index->outlines.end()) return out;
  auto convert = [&](auto& self, const OutlineItem& item) -> json {
    json children = json::array();
    for (const OutlineItem& c : item.children) children.push_back(self(self, c));
    json s = {{"name", item.name}, {"kind", symbol_kind(item.kind)}, {"range", range(path, item.range)},
              {"selectionRange", range(path, item.selection)}, {"children", std::move(children)}};
    if (!item.detail.empty()) s["detail"] = item.detail;
    return s;
  };
  for (const OutlineItem& item : it->second) out.push_back(convert(convert, item));
  return out;
}

json Server::formatting(const json& params) {
  const std::string path = path_of_uri(params.at("textDocument").at("uri"));
  const std::shared_ptr<const SourceFile> file = source(path);
  json edits = json::array();
  if (!file) return edits;
  Diagnostics diags;
  const std::optional<std::string> formatted = format_source(*file, diags);
  if (!formatted || *formatted == file->text()) return edits;  // a file with syntax errors is left as it is
  const int lines = static_cast<int>(std::count(file->text().begin(), file->text().end(), '\n'));
  edits.push_back({{"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", lines + 1}, {"character", 0}}}}},
                   {"newText", *formatted}});
  return edits;
}

json Server::code_actions(const json& params) {
  const std::string path = path_of_uri(params.at("textDocument").at("uri"));
  const Workspace* w = workspace_of(path);
  const int first = position_number(params.at("range").at("start").at("line")) + 1;
  const int last = position_number(params.at("range").at("end").at("line")) + 1;
  json actions = json::array();
  if (!w) return actions;
  for (const Diagnostic& d : w->result.diagnostics.all()) {
    if (d.fixits.empty() || !d.file || d.file->name() != path || d.span.line < first || d.span.line > last) continue;
    json changes = json::object();
    for (const FixIt& f : d.fixits) {
      const std::string file = f.file ? f.file->name() : path;
      changes[uri_of_path(file)].push_back({{"range", range(file, f.range)}, {"newText", f.replacement}});
    }
    actions.push_back({{"title", cli::label(cli::Label::fix_it, lang_, message(d, lang_))},
                       {"kind", "quickfix"},
                       {"diagnostics", {diagnostic(d)}},
                       {"isPreferred", true},
                       {"edit", {{"changes", std::move(changes)}}}});
  }
  return actions;
}

}  // namespace ssd::lsp
