// The places of the law's blocks: a block's key and the law's words for it, and the blocks a
// citation of the old spelling lives in (for the fix-its that write it anew).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ast.h"

namespace ssd {

// "5.1" → its citation, with the law's words "5-тармақтың 1) тармақшасы"; "app3:title" →
// "3-қосымшаның тақырыбы".
std::optional<ast::Citation> citation_of_key(const std::string& key);

// The separator of a paragraph's numbered абзац in its key: "16¶2" is the second абзац of § 16.
inline constexpr const char* kAbzatsMark = "¶";

// The contract's citation of a key (contract §2): a paragraph's абзац is cited as its paragraph,
// "16¶2" → "16"; any other key is its own.
std::string rule_of_key(const std::string& key);

// A key as diagnostics name it: "§ 5.1", "§ 16 (2-абзац)".
std::string key_name(const std::string& key);

// The Kazakh ordinal word of a number, as the law cites абзацs: 2 → "екінші", 11 → "он бірінші";
// past 99, "N-".
std::string ordinal_kk(const std::string& number);

// The keyword of a block kind, as written: тармақ, тармақша, ...
const char* keyword(ast::BlockKind kind);

// The blocks that hold a provision of a citation, outermost first: "5.1" → тармақ 5, тармақша 1;
// "app3:18" → қосымша 3, жол 18.
std::vector<std::pair<ast::BlockKind, std::string>> blocks_of_rule(const std::string& rule);

// `inner` inside the blocks of `rule`, the innermost headed by `head` (an operation, a text),
// indented from `column`: how the new form writes what the old one wrote with a citation.
std::string wrapped(const std::string& rule, const std::string& head, const std::string& inner, int column);

}  // namespace ssd
