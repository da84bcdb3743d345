#include "session.h"

#include "protocol.h"

namespace ssd::lsp {

namespace {

void send(std::ostream& out, const std::vector<json>& messages) {
  // Text that is not UTF-8 (a file's bytes quoted in a message) is replaced, never thrown on.
  for (const json& message : messages) out << frame(message.dump(-1, ' ', false, json::error_handler_t::replace));
  out.flush();
}

}  // namespace

int converse(std::istream& in, std::ostream& out, Server& server, const std::function<bool()>& input_waiting) {
  for (;;) {
    const Frame frame = read_frame(in);
    std::vector<json> replies;
    if (frame.body) replies = server.handle(*frame.body);
    else if (!frame.error.empty()) replies.push_back({{"jsonrpc", "2.0"}, {"id", nullptr}, {"error", {{"code", -32700}, {"message", frame.error}}}});
    else return 1;  // the input ended without `exit`
    send(out, replies);
    if (server.exited()) return server.exit_code();
    if (!input_waiting()) send(out, server.idle());
  }
}

}  // namespace ssd::lsp
