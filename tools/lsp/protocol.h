// JSON-RPC 2.0 messages framed as LSP frames them: "Content-Length: N" headers, an empty line,
// then N bytes of JSON.
#pragma once

#include <istream>
#include <optional>
#include <string>

namespace ssd::lsp {

struct Frame {
  std::optional<std::string> body;  // nothing at the end of the input
  std::string error;                // a frame that could not be read: why (its body is skipped)
};

// The next frame's body. A header block without a valid Content-Length gives an error and no
// body; the reader then goes on with the next header block.
Frame read_frame(std::istream& in);

// A message with its header.
std::string frame(const std::string& body);

}  // namespace ssd::lsp
