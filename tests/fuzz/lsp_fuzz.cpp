// Fuzz target: what an editor sends `ssd lsp` — Content-Length frames of JSON-RPC messages —,
// held as `ssd lsp` holds it (tools/lsp/session.cpp), by a server whose workspace is a temporary
// folder with one standard in standards/. `/fuzz-lsp-workspace` in the input stands for that
// folder, /tmp/ssd-lsp-XXXXXX, so that seeds name files inside it: the two are of one length, and
// every Content-Length stays right. Every message the server sends must be a frame of
// JSON. The server reads the disk inside its workspace only (tests/unit/lsp_test.cpp), so no
// input makes it walk `/` or read a file outside.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fuzz_support.h"
#include "protocol.h"
#include "session.h"

namespace {

namespace fs = std::filesystem;

const char* kStandard =
    "стандарт fuzz-1 \"А\" {\n"
    "  тармақ 1 \"Б\" {\n"
    "    талап т {\n"
    "      талап_етіледі тексеру_күні >= 2020-01-01\n"
    "    }\n"
    "  }\n"
    "}\n";

// Kept to the end of the process (never destroyed), so that the exit handler may remove it.
const std::string& workspace() {
  static const std::string& root = *new std::string([] {
    std::string name = "/tmp/ssd-lsp-XXXXXX";
    if (!mkdtemp(name.data())) ssd::fuzz::finding("cannot make a temporary workspace");
    fs::create_directories(fs::path(name) / "standards");
    std::ofstream(fs::path(name) / "standards" / "fuzz.ssd") << kStandard;
    std::atexit([] { std::error_code ec; fs::remove_all(workspace(), ec); });
    return name;
  }());
  return root;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  workspace();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  const std::string placeholder = "/fuzz-lsp-workspace";
  static_assert(sizeof "/fuzz-lsp-workspace" == sizeof "/tmp/ssd-lsp-XXXXXX");
  for (size_t at = input.find(placeholder); at != std::string::npos; at = input.find(placeholder, at + 1))
    input.replace(at, placeholder.size(), workspace());
  std::istringstream in(input);
  std::ostringstream out;
  ssd::lsp::Server server(workspace());
  ssd::lsp::converse(in, out, server, [&in] { return in.rdbuf()->in_avail() > 0; });
  std::istringstream sent(out.str());
  for (ssd::lsp::Frame frame = ssd::lsp::read_frame(sent); frame.body || !frame.error.empty(); frame = ssd::lsp::read_frame(sent)) {
    if (!frame.body) ssd::fuzz::finding("the server sent a bad frame: " + frame.error);
    ssd::fuzz::expect_json_line(*frame.body + "\n", "a message of the server");
  }
  return 0;
}
