// A language server's conversation: frames read from a stream, handed to the server, its messages
// framed on the other stream, until `exit` or the end of the input. `ssd lsp` holds it on standard
// input and output; the fuzz target tests/fuzz/lsp_fuzz.cpp on a string.
#pragma once

#include <functional>
#include <istream>
#include <ostream>

#include "server.h"

namespace ssd::lsp {

// The process's exit status: the server's after `exit`, 1 when the input ends before it.
// `input_waiting` says whether another message is waiting; when none is, the server's idle work
// (compiling what changed) is done and sent.
int converse(std::istream& in, std::ostream& out, Server& server, const std::function<bool()>& input_waiting);

}  // namespace ssd::lsp
