#include "blocks.h"

#include "parse.h"

namespace ssd {

std::string rule_of_key(const std::string& key) {
  const size_t mark = key.find(kAbzatsMark);
  return mark == std::string::npos ? key : key.substr(0, mark);
}

std::string key_name(const std::string& key) {
  const size_t mark = key.find(kAbzatsMark);
  if (mark == std::string::npos) return "§ " + key;
  return "§ " + key.substr(0, mark) + " (" + key.substr(mark + std::string(kAbzatsMark).size()) + "-абзац)";
}

std::string ordinal_kk(const std::string& number) {
  static const char* const unit_ordinals[] = {"", "бірінші", "екінші", "үшінші", "төртінші", "бесінші",
                                              "алтыншы", "жетінші", "сегізінші", "тоғызыншы"};
  static const char* const tens[] = {"", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"};
  static const char* const ten_ordinals[] = {"", "оныншы", "жиырмасыншы", "отызыншы", "қырқыншы", "елуінші",
                                             "алпысыншы", "жетпісінші", "сексенінші", "тоқсаныншы"};
  int n = 0;
  for (char c : number) {
    if (c < '0' || c > '9' || n > 99) return number + "-";
    n = n * 10 + (c - '0');
  }
  if (n < 1 || n > 99) return number + "-";
  if (n % 10 == 0) return ten_ordinals[n / 10];
  return n < 10 ? unit_ordinals[n] : std::string(tens[n / 10]) + " " + unit_ordinals[n % 10];
}

std::optional<ast::Citation> citation_of_key(const std::string& key) {
  if (const size_t mark = key.find(kAbzatsMark); mark != std::string::npos) {
    const std::string paragraph = key.substr(0, mark);
    return ast::Citation{paragraph, paragraph + "-тармақтың " + ordinal_kk(key.substr(mark + std::string(kAbzatsMark).size())) + " абзацы", {}};
  }
  if (key.rfind("app", 0) == 0) {
    const size_t colon = key.find(':');
    const std::string number = key.substr(3, colon == std::string::npos ? std::string::npos : colon - 3);
    if (colon == std::string::npos) return parse_citation("§ " + number + "-қосымша");
    const std::string row = key.substr(colon + 1);
    if (row == "title") return ast::Citation{key, number + "-қосымшаның тақырыбы", {}};
    return parse_citation("§ " + number + "-қосымша " + row);
  }
  return parse_citation("§ " + key);
}

const char* keyword(ast::BlockKind kind) {
  switch (kind) {
    case ast::BlockKind::Paragraph: return "тармақ";
    case ast::BlockKind::SubParagraph: return "тармақша";
    case ast::BlockKind::Abzats: return "абзац";
    case ast::BlockKind::Appendix: return "қосымша";
    case ast::BlockKind::Row: return "жол";
    case ast::BlockKind::Title: return "тақырыбы";
  }
  return "";
}

std::vector<std::pair<ast::BlockKind, std::string>> blocks_of_rule(const std::string& rule) {
  std::vector<std::pair<ast::BlockKind, std::string>> out;
  if (rule.rfind("app", 0) == 0) {
    const size_t colon = rule.find(':');
    out.push_back({ast::BlockKind::Appendix, rule.substr(3, colon == std::string::npos ? std::string::npos : colon - 3)});
    if (colon != std::string::npos) out.push_back({ast::BlockKind::Row, rule.substr(colon + 1)});
    return out;
  }
  const ast::BlockKind kinds[] = {ast::BlockKind::Paragraph, ast::BlockKind::SubParagraph, ast::BlockKind::Abzats};
  size_t level = 0;
  for (size_t start = 0; start <= rule.size() && level < 3; ++level) {
    const size_t dot = rule.find('.', start);
    out.push_back({kinds[level], rule.substr(start, dot == std::string::npos ? std::string::npos : dot - start)});
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

std::string wrapped(const std::string& rule, const std::string& head, const std::string& inner, int column) {
  const auto blocks = rule.empty() ? std::vector<std::pair<ast::BlockKind, std::string>>{{ast::BlockKind::Abzats, ""}}
                                   : blocks_of_rule(rule);
  std::string out, close;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const std::string indent(column + 2 * i, ' ');
    if (i) out += "\n" + indent;
    out += keyword(blocks[i].first);
    if (!blocks[i].second.empty()) out += " " + blocks[i].second;
    if (i + 1 == blocks.size() && !head.empty()) out += " " + head;
    out += " {";
    close = "\n" + indent + "}" + close;
  }
  if (!inner.empty()) out += "\n" + std::string(column + 2 * blocks.size(), ' ') + inner;
  return out + close;
}

}  // namespace ssd
