// ssd lsp: the language server on standard input and output (tools/lsp, docs/editor.md).
#include <poll.h>

#include <iostream>

#include "commands.h"
#include "protocol.h"
#include "server.h"

namespace ssd::cli {

namespace {

// Whether a message is waiting: in the stream's buffer or on the descriptor.
bool input_waiting() {
  if (std::cin.rdbuf()->in_avail() > 0) return true;
  pollfd fd{0, POLLIN, 0};
  return poll(&fd, 1, 0) > 0;
}

void send(const std::vector<lsp::json>& messages) {
  for (const lsp::json& message : messages) std::cout << lsp::frame(message.dump(-1, ' ', false, lsp::json::error_handler_t::replace));
  std::cout.flush();
}

int run_lsp() {
  std::ios::sync_with_stdio(false);
  lsp::Server server;
  for (;;) {
    const lsp::Frame frame = lsp::read_frame(std::cin);
    std::vector<lsp::json> out;
    if (frame.body) out = server.handle(*frame.body);
    else if (!frame.error.empty()) out.push_back({{"jsonrpc", "2.0"}, {"id", nullptr}, {"error", {{"code", -32700}, {"message", frame.error}}}});
    else return 1;  // the input ended without `exit`
    send(out);
    if (server.exited()) return server.exit_code();
    if (!input_waiting()) send(server.idle());
  }
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
