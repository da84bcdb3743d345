// The language server of .ssd (LSP 3.17): one message in, the messages to send out. It compiles
// the standards folder a file belongs to — the nearest folder named `standards` above it inside
// the workspace, else the file's own folder — with the editor's unsaved texts in place of the
// files on disk, so that amending orders and the instruments they amend resolve together
// (docs/editor.md). It reads the disk only inside the workspace: a file outside it is compiled
// alone, from the editor's text.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ssd/compiler.h"

namespace ssd::lsp {

using json = nlohmann::json;

class Server {
 public:
  // `root`: the one workspace folder, whatever the client says (an absolute path); empty: the
  // folders the client names in `initialize` (workspaceFolders, else rootUri, else rootPath).
  explicit Server(std::string root = "");

  // The responses and notifications to send for one JSON-RPC message, in order. Malformed input
  // gets an error response, never an exception.
  std::vector<json> handle(const std::string& message);
  // What to send when no message is waiting: the diagnostics of the folders changed since the last
  // compilation. Changes that arrive together (a drafter typing) are compiled once.
  std::vector<json> idle();
  // `exit` was received; the process ends with exit_code() (0 after `shutdown`, else 1).
  bool exited() const { return exited_; }
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  struct Workspace {
    CompileResult result;  // the last compilation: its files and diagnostics
    std::shared_ptr<const SourceIndex> index;  // of the last compilation whose files all parsed
    std::map<std::string, std::shared_ptr<const SourceFile>> sources;  // by path
    std::set<std::string> published;  // paths that have diagnostics on the client
  };

  std::optional<json> dispatch(const std::string& method, const json& params);
  json initialize(const json& params);
  void open(const std::string& path, std::string text);
  void compile(const std::string& folder, std::vector<json>& out);
  void settle(std::vector<json>& out);  // compiles the folders changed

  json hover(const json& params);
  json completion(const json& params);
  json definition(const json& params);
  json references(const json& params);
  json document_symbols(const json& params);
  json formatting(const json& params);
  json code_actions(const json& params);

  // The file and compiler position (1-based line, code-point column) of a request's position.
  struct Place {
    std::string path;
    int line;
    int column;
  };
  Place place_of(const json& params) const;
  Workspace* workspace_of(const std::string& path);
  // Whether a path is a workspace folder or inside one; the innermost such folder.
  const std::string* root_of(const std::string& path) const;
  // The folder compiled with a file: its standards folder, or for a file outside the workspace its
  // own path (it is compiled alone).
  std::string folder_of(const std::string& path) const;
  std::shared_ptr<const SourceFile> source(const std::string& path);
  json range(const std::string& path, const Range& r);
  json location(const std::string& path, const Range& r);
  json diagnostic(const Diagnostic& d) const;

  bool fixed_root_;
  std::vector<std::string> roots_;  // absolute, lexically normal, no trailing '/'
  Lang lang_ = Lang::Kk;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  std::map<std::string, std::shared_ptr<const SourceFile>> documents_;  // open, by path
  std::map<std::string, Workspace> workspaces_;                         // by folder
  std::set<std::string> changed_;                                       // folders to compile again
};

// file:///a/b%20c.ssd ↔ /a/b c.ssd.
std::string path_of_uri(const std::string& uri);
std::string uri_of_path(const std::string& path);

}  // namespace ssd::lsp
