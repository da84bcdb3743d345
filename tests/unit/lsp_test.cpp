// The language server's parts (tools/lsp): framing, UTF-16 positions, and the server's answers to
// malformed and out-of-order messages. tests/cli/lsp_test.py speaks to the binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "positions.h"
#include "protocol.h"
#include "server.h"

namespace ssd::lsp {
namespace {

TEST(LspFraming, ReadsFramesAndSaysWhatIsWrong) {
  std::istringstream in(frame("{\"a\":1}") + "content-length: 2\r\nContent-Type: x\r\n\r\n[]" +
                        "Content-Length: x\r\n\r\n" + frame("{}") + "Content-Length: 10\r\n\r\n{}");
  EXPECT_EQ(read_frame(in).body, "{\"a\":1}");
  EXPECT_EQ(read_frame(in).body, "[]");
  const Frame bad = read_frame(in);
  EXPECT_FALSE(bad.body);
  EXPECT_NE(bad.error, "");
  EXPECT_EQ(read_frame(in).body, "{}");
  const Frame cut = read_frame(in);
  EXPECT_FALSE(cut.body);
  EXPECT_NE(cut.error, "");
  const Frame end = read_frame(in);
  EXPECT_FALSE(end.body);
  EXPECT_EQ(end.error, "");
  EXPECT_EQ(frame("{}"), "Content-Length: 2\r\n\r\n{}");
}

TEST(LspPositions, CountsUtf16UnitsOfKazakhAndAstralCharacters) {
  const std::string line = "қ a😀б";  // қ: 2 bytes, 1 unit; 😀: 4 bytes, 2 units
  EXPECT_EQ(utf16_column(line, 0), 0);
  EXPECT_EQ(utf16_column(line, 1), 1);
  EXPECT_EQ(utf16_column(line, 3), 3);
  EXPECT_EQ(utf16_column(line, 4), 5);
  EXPECT_EQ(utf16_column(line, 5), 6);
  EXPECT_EQ(utf16_column(line, 7), 8);  // past the end
  EXPECT_EQ(code_point_column(line, 5), 4);
  EXPECT_EQ(code_point_column(line, 4), 3);  // inside the surrogate pair: the character
  EXPECT_EQ(code_point_column(line, 6), 5);
  EXPECT_EQ(code_point_column(line, 8), 7);
  for (int c = 0; c <= 5; ++c) EXPECT_EQ(code_point_column(line, utf16_column(line, c)), c);
}

TEST(LspUri, DecodesAndEncodesPaths) {
  EXPECT_EQ(path_of_uri("file:///a/b%20c/%D2%9B.ssd"), "/a/b c/қ.ssd");
  EXPECT_EQ(uri_of_path("/a/b c/қ.ssd"), "file:///a/b%20c/%D2%9B.ssd");
}

json reply(Server& s, const std::string& message) {
  const std::vector<json> out = s.handle(message);
  EXPECT_EQ(out.size(), 1u) << message;
  return out.empty() ? json() : out.front();
}

TEST(LspServer, AnswersMalformedInputWithErrors) {
  Server s;
  EXPECT_EQ(reply(s, "{not json")["error"]["code"], -32700);
  EXPECT_EQ(reply(s, "[1,2]")["error"]["code"], -32600);
  EXPECT_EQ(reply(s, R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}})")["error"]["code"], -32002);
  const json init = reply(s, R"({"jsonrpc":"2.0","id":2,"method":"initialize","params":{"locale":"en"}})");
  EXPECT_TRUE(init["result"]["capabilities"]["hoverProvider"]);
  EXPECT_EQ(reply(s, R"({"jsonrpc":"2.0","id":3,"method":"no/such"})")["error"]["code"], -32601);
  EXPECT_EQ(reply(s, R"({"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":7}})")["error"]["code"], -32602);
  // Positions past any count (UBSan's float-cast and signed overflow before they were checked).
  for (const char* position : {R"({"line":2147483647,"character":0})", R"({"line":1e300,"character":0})",
                               R"({"line":0,"character":-1})", R"({"line":0,"character":18446744073709551615})"})
    EXPECT_EQ(reply(s, std::string(R"({"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.ssd"},"position":)") +
                           position + "}}")["error"]["code"], -32602) << position;
  EXPECT_EQ(reply(s, R"({"jsonrpc":"2.0","id":4,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///a.ssd"},)"
                     R"("range":{"start":{"line":0,"character":0},"end":{"line":2147483647,"character":0}}}})")["error"]["code"], -32602);
  EXPECT_TRUE(s.handle(R"({"jsonrpc":"2.0","method":"no/such/notification"})").empty());
  EXPECT_EQ(reply(s, R"({"jsonrpc":"2.0","id":5,"method":"shutdown"})")["result"], nullptr);
  EXPECT_EQ(reply(s, R"({"jsonrpc":"2.0","id":6,"method":"textDocument/hover","params":{}})")["error"]["code"], -32600);
  EXPECT_FALSE(s.exited());
  s.handle(R"({"jsonrpc":"2.0","method":"exit"})");
  EXPECT_TRUE(s.exited());
  EXPECT_EQ(s.exit_code(), 0);
}

// Changes that arrive together are compiled once, when the input is idle or a request comes.
TEST(LspServer, CompilesAChangedFolderOnceWhenIdle) {
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / "ssd-lsp-test" / "standards";
  std::filesystem::create_directories(folder);
  const std::string uri = uri_of_path((folder / "a.ssd").string());
  Server s;
  reply(s, R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})");
  const std::string valid = "стандарт a-1 \"А\" {\n  тармақ 1 \"Б\" {\n    талап т {\n      талап_етіледі тексеру_күні >= 2020-01-01\n    }\n  }\n}\n";
  auto change = [&](int version, const std::string& text) {
    const json message = {{"jsonrpc", "2.0"},
                          {"method", "textDocument/didChange"},
                          {"params", {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", {{{"text", text}}}}}}};
    EXPECT_TRUE(s.handle(message.dump()).empty());
  };
  const json open = {{"jsonrpc", "2.0"},
                     {"method", "textDocument/didOpen"},
                     {"params", {{"textDocument", {{"uri", uri}, {"languageId", "ssd"}, {"version", 1}, {"text", "стандарт"}}}}}};
  EXPECT_TRUE(s.handle(open.dump()).empty());
  change(2, "стандарт a-1");
  change(3, valid);
  std::vector<json> published = s.idle();
  ASSERT_EQ(published.size(), 0u);  // the last text has no error, and none was published before
  change(4, "стандарт a-1 {");
  published = s.idle();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0]["method"], "textDocument/publishDiagnostics");
  EXPECT_EQ(published[0]["params"]["uri"], uri);
  EXPECT_FALSE(published[0]["params"]["diagnostics"].empty());
  EXPECT_TRUE(s.idle().empty());  // nothing changed since
  change(5, valid);
  const std::vector<json> answered = s.handle(R"({"jsonrpc":"2.0","id":2,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":")" + uri + R"("}}})");
  ASSERT_EQ(answered.size(), 2u);  // the cleared diagnostics, then the answer
  EXPECT_TRUE(answered[0]["params"]["diagnostics"].empty());
  EXPECT_EQ(answered[1]["result"][0]["name"], "стандарт a-1");
  std::filesystem::remove_all(folder.parent_path());
}

// The disk is read inside the workspace only: a file outside it — by its path or by `..` — is
// compiled alone from the editor's text, so that a file opened in / never walks /.
TEST(LspServer, ReadsTheDiskInsideItsWorkspaceOnly) {
  namespace fs = std::filesystem;
  const fs::path base = fs::temp_directory_path() / "ssd-lsp-bound-test";
  fs::remove_all(base);
  const fs::path ws = base / "ws", outside = base / "outside";
  for (const fs::path& dir : {ws / "standards", ws / "notes", outside / "standards", outside / "notes"}) fs::create_directories(dir);
  for (const fs::path& dir : {ws, outside}) {
    std::ofstream(dir / "standards" / "broken.ssd") << "стандарт {\n";
    std::ofstream(dir / "notes" / "word.ssd") << "жасы\n";
  }
  const std::string valid = "стандарт a-1 \"А\" {\n  тармақ 1 \"Б\" {\n    талап т {\n      талап_етіледі тексеру_күні >= 2020-01-01\n    }\n  }\n}\n";
  auto open = [](Server& s, const std::string& uri, const std::string& text) {
    const json message = {{"jsonrpc", "2.0"},
                          {"method", "textDocument/didOpen"},
                          {"params", {{"textDocument", {{"uri", uri}, {"languageId", "ssd"}, {"version", 1}, {"text", text}}}}}};
    EXPECT_TRUE(s.handle(message.dump()).empty());
    std::set<std::string> published;
    for (const json& n : s.idle()) published.insert(n["params"]["uri"]);
    return published;
  };
  auto hover = [](Server& s, const fs::path& file) {
    const json message = {{"jsonrpc", "2.0"}, {"id", 9}, {"method", "textDocument/hover"},
                          {"params", {{"textDocument", {{"uri", uri_of_path(file.string())}}}, {"position", {{"line", 0}, {"character", 1}}}}}};
    return reply(s, message.dump())["result"];
  };

  // The workspace the client names.
  Server s;
  reply(s, json({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"rootUri", uri_of_path(ws.string())}}}}).dump());
  EXPECT_EQ(open(s, uri_of_path((ws / "standards" / "a.ssd").string()), valid),
            std::set<std::string>{uri_of_path((ws / "standards" / "broken.ssd").string())});
  const std::string alone = uri_of_path((outside / "standards" / "a.ssd").string());
  EXPECT_EQ(open(s, alone, "стандарт {"), std::set<std::string>{alone});
  const std::string dotted = "file://" + ws.string() + "/../outside/standards/c.ssd";
  EXPECT_EQ(open(s, dotted, "стандарт {"), std::set<std::string>{uri_of_path((outside / "standards" / "c.ssd").string())});
  EXPECT_FALSE(hover(s, ws / "notes" / "word.ssd").is_null());  // a builtin's signature, read from the disk
  EXPECT_TRUE(hover(s, outside / "notes" / "word.ssd").is_null());

  // A workspace given to the server: what the client says does not widen it.
  Server fixed(ws.string());
  reply(fixed, R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"file:///"}})");
  EXPECT_EQ(open(fixed, uri_of_path((outside / "standards" / "b.ssd").string()), valid), std::set<std::string>{});
  EXPECT_TRUE(hover(fixed, outside / "notes" / "word.ssd").is_null());
  EXPECT_FALSE(hover(fixed, ws / "notes" / "word.ssd").is_null());
  fs::remove_all(base);
}

}  // namespace
}  // namespace ssd::lsp
