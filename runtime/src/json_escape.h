// Text as the inside of a JSON string: quote, backslash and control characters escaped, every
// other byte (UTF-8 included) copied as it is.
#pragma once

#include <string>
#include <string_view>

namespace ssd {

// Appends `s` escaped, without the quotes around it. Escaping one piece after another is escaping
// their concatenation, so a message is written piece by piece, never assembled first.
void append_json_escaped(std::string_view s, std::string& out);

}  // namespace ssd
