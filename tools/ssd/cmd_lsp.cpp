// ssd lsp: the language server on standard input and output (tools/lsp, docs/editor.md).
#include <poll.h>

#include <iostream>

#include "commands.h"
#include "session.h"

namespace ssd::cli {

namespace {

// Whether a message is waiting: in the stream's buffer or on the descriptor.
bool input_waiting() {
  if (std::cin.rdbuf()->in_avail() > 0) return true;
  pollfd fd{0, POLLIN, 0};
  return poll(&fd, 1, 0) > 0;
}

int run_lsp() {
  std::ios::sync_with_stdio(false);
  lsp::Server server;
  return lsp::converse(std::cin, std::cout, server, input_waiting);
}

}  // namespace

Command add_lsp(CLI::App& app) {
  app.add_subcommand(
      "lsp",
      "Run the language server of .ssd (LSP 3.17, JSON-RPC on standard input and output), for an\n"
      "editor to start (tools/vscode): diagnostics as you type, hover, completion, go to definition\n"
      "and references, the outline, formatting (ssd fmt) and quick fixes. It compiles the standards\n"
      "folder each open file belongs to, with the editor's unsaved texts (docs/editor.md).");
  return [] { return run_lsp(); };
}

}  // namespace ssd::cli
