// Text from outside (a record's values and keys, a source's tokens) shown in a message: cut at
// a character boundary, so that UTF-8 stays UTF-8, and with control characters escaped, so that
// a message stays on one line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ssd {

// The longest prefix of `s` of at most `max_bytes` bytes that does not split a UTF-8 character.
std::string_view utf8_prefix(std::string_view s, size_t max_bytes);

// `s`, cut to at most `max_bytes` bytes at a character boundary with "…" after the cut.
std::string shortened(std::string_view s, size_t max_bytes);

// The same, and with control characters (U+0000–U+001F, U+007F) written as JSON writes them: \n, \r, \t, \u0001.
std::string printable(std::string_view s, size_t max_bytes = std::string_view::npos);

// The same in double quotes, with the quotes and backslashes inside escaped: "a\"b".
std::string in_quotes(std::string_view s, size_t max_bytes = 40);

// Source text quoted in a message on one line: each line break, with the white space around it,
// as one space; then as printable().
std::string one_line(std::string_view s, size_t max_bytes = 60);

}  // namespace ssd
