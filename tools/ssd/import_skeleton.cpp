#include "import_skeleton.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include <fmt/format.h>

namespace ssd::cli {

namespace {

struct Block {
  std::string kind;    // тармақ, тармақша, абзац, жол; "//" for a chapter heading, kept as a comment
  std::string number;  // "" for an unnumbered абзац
  std::string text;
  std::vector<Block> children;
};

// The act's body, or one appendix: one instrument of the skeleton.
struct Section {
  std::string appendix;  // the appendix's number; "" for the act's body
  std::string title;
  bool titled = false;   // the title is complete
  std::vector<Block> blocks;
  std::set<std::string> paragraphs;
  Block rows{"қосымша", "", "", {}};  // the numbered rows of the appendix's table
  int last_row = 0;
  bool numbered = false;  // a paragraph, sub-paragraph or row has begun
  size_t text_size = 0;
  bool empty() const { return blocks.empty() && rows.children.empty(); }
};

// Compiled on first use: every other command of ssd would pay for them at start-up.
struct Patterns {
  const std::regex appendix{R"(^(\d+)\s?-?\s?қосымша$)"};
  const std::regex paragraph{R"(^(\d+(?:-\d+)?)\s?\.\s+(\S.*)$)"};
  const std::regex subparagraph{R"(^(\d+(?:-\d+)?)\s?\)\s*(\S.*)$)"};
  const std::regex chapter{R"(^\d+\.\s+\S.*$|^\d+-тарау.*$)"};
  const std::regex row_number{R"(^(\d+)$)"};
  const std::regex date{R"((\d{4}) жылғы (\d{1,2}) (\S+))"};
  const std::regex number{R"(№\s?(\S+))"};
};

const Patterns& patterns() {
  static const Patterns p;
  return p;
}

constexpr const char* kMonths[] = {"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
                                   "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"};

bool is_letter_token(const std::string& token) {
  if (token.empty()) return false;
  const unsigned char c = token[0];
  const size_t length = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  if (token.size() != length) return false;
  return length > 1 || std::isalpha(c);
}

// "б о й ы н ш а" → "бойынша": three or more single letters, one space apart, are one word that
// the PDF spaced out. Words of the run stay apart where two spaces part them.
std::string join_spaced_letters(const std::string& line) {
  std::vector<std::string> tokens;
  std::string token;
  std::istringstream in(line);
  while (std::getline(in, token, ' ')) tokens.push_back(token);
  std::string out;
  for (size_t i = 0; i < tokens.size();) {
    size_t j = i;
    while (j < tokens.size() && is_letter_token(tokens[j])) ++j;
    if (j - i >= 3) {
      for (size_t k = i; k < j; ++k) out += tokens[k];
      if (j < tokens.size()) out += ' ';
      i = j;
      continue;
    }
    out += tokens[i] + (i + 1 < tokens.size() ? " " : "");
    ++i;
  }
  return out;
}

// Blanks at both ends, the no-break space (U+00A0) among them.
std::string trim(const std::string& s) {
  size_t first = 0, last = s.size();
  auto blank_at = [&](size_t i) { return s[i] == ' ' || s[i] == '\t' || s[i] == '\r'; };
  auto nbsp_at = [&](size_t i) { return i + 1 < s.size() && s.compare(i, 2, "\xC2\xA0") == 0; };
  while (first < last && (blank_at(first) || nbsp_at(first))) first += blank_at(first) ? 1 : 2;
  while (last > first && (blank_at(last - 1) || (last - first >= 2 && nbsp_at(last - 2)))) last -= blank_at(last - 1) ? 1 : 2;
  return s.substr(first, last - first);
}

// Runs of blanks within a line as one space.
std::string single_spaced(const std::string& s) {
  std::string out;
  for (const char c : s)
    if (c != ' ' || out.empty() || out.back() != ' ') out += c;
  return out;
}

size_t indent(const std::string& s) { return s.find_first_not_of(' '); }

// A line continues the text before it: a hyphen at the line's end is kept (Kazakh writes compounds
// with one: ата-\nанасы is ата-анасы), the words of the two lines are otherwise a space apart.
void append(std::string& text, const std::string& line) {
  if (!text.empty() && text.back() != '-') text += ' ';
  text += line;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The dates and numbers of the act's requisites: "2019 жылғы 25 маусымдағы № 282" → "2019-06-25 № 282".
std::string requisites(const std::string& header) {
  std::string out;
  for (std::sregex_iterator it(header.begin(), header.end(), patterns().date), end; it != end; ++it) {
    const std::smatch& m = *it;
    int month = 0;
    for (int k = 0; k < 12; ++k)
      if (m[3].str().rfind(kMonths[k], 0) == 0) month = k + 1;
    if (!month) continue;
    std::string item = fmt::format("{}-{:02}-{:02}", m[1].str(), month, std::stoi(m[2].str()));
    const std::string after = header.substr(m.position(0) + m.length(0), 80);
    std::smatch number;
    if (std::regex_search(after, number, patterns().number) && number.position(0) < 60) item += " № " + number[1].str();
    if (out.find(item) == std::string::npos) out += (out.empty() ? "" : "; ") + item;
  }
  return out;
}

class Importer {
 public:
  explicit Importer(const std::string& text) {
    sections_.emplace_back();
    std::istringstream in(text);
    std::string raw;
    while (std::getline(in, raw)) line(raw);
  }

  std::string skeleton(const std::string& source, const std::string& id) const {
    std::string out = fmt::format(
        "// ssd import {}: the official text as a skeleton. Every paragraph, sub-paragraph and table row is\n"
        "// quoted as the text gives it and marked әлі_кодталмаған; `ssd coverage` lists them. The act's\n"
        "// body is the first instrument, each appendix one more. Ресми мәтіннің қаңқасы: әр тармақ,\n"
        "// тармақша және кесте жолы — өз блогында, «әлі_кодталмаған» белгісімен.\n",
        source);
    for (size_t i = 0; i < sections_.size(); ++i) {
      const Section& s = sections_[i];
      if (s.empty() && i > 0) continue;
      const std::string title = s.title.empty() ? (s.appendix.empty() ? source : s.appendix + "-қосымша") : s.title;
      out += fmt::format("\nстандарт {} {} {{\n", i == 0 ? id : fmt::format("{}-{}", id, i), quoted(title));
      if (i == 0 && !requisites_.empty()) out += "  ескертпе " + quoted("Актінің деректемелері (мәтіннен): " + requisites_) + "\n";
      if (!s.appendix.empty()) out += "  ескертпе " + quoted(s.appendix + "-қосымша") + "\n";
      for (const Block& b : s.blocks) write(b, 1, out);
      if (!s.rows.children.empty()) {
        Block rows = s.rows;
        rows.number = s.appendix.empty() ? "1" : s.appendix;
        write(rows, 1, out);
      }
      out += "}\n";
    }
    return out;
  }

 private:
  static void write(const Block& b, int depth, std::string& out) {
    const std::string pad(2 * depth, ' ');
    if (b.kind == "//") {
      out += pad + "// " + b.text + "\n";
      return;
    }
    out += pad + b.kind + (b.number.empty() ? "" : " " + b.number) + (b.text.empty() ? "" : " " + quoted(b.text)) + " {";
    if (b.children.empty() && b.kind != "қосымша") {
      out += " әлі_кодталмаған }\n";
      return;
    }
    out += b.kind == "қосымша" ? "\n" : "\n" + pad + "  әлі_кодталмаған\n";
    for (const Block& c : b.children) write(c, depth + 1, out);
    out += pad + "}\n";
  }

  void line(const std::string& raw) {
    const std::string t = single_spaced(trim(join_spaced_letters(raw)));
    Section& s = sections_.back();
    if (t.empty()) {
      if (!s.title.empty()) s.titled = true;
      return;
    }
    std::smatch m;
    if (std::regex_match(t, m, patterns().appendix)) {
      // A corner label repeats the appendix (the order's, then the standard's it replaces): what
      // stands between the two is a few lines of the label, and one section holds both.
      const bool label = sections_.size() > 1 && !s.numbered && s.text_size < 400;
      if (!label) {
        sections_.emplace_back();
        sections_.back().appendix = m[1].str();
      }
      sections_.back().title.clear();
      sections_.back().titled = false;
      paragraph_ = current_ = nullptr;
      return;
    }
    const bool indented = indent(raw) != std::string::npos && indent(raw) >= 4;
    if (indented && std::regex_match(t, m, patterns().paragraph)) return paragraph(s, m[1].str(), t);
    if (indented && std::regex_match(t, m, patterns().subparagraph)) return subparagraph(s, m[1].str(), t);
    if (!indented && t.size() < 200 && s.titled && std::regex_match(t, patterns().chapter) && !std::regex_match(t, patterns().row_number)) {
      s.blocks.push_back({"//", "", t, {}});
      paragraph_ = current_ = nullptr;
      return;
    }
    if (sections_.size() > 1 && std::regex_match(t, m, patterns().row_number) && std::stoi(m[1].str()) == s.last_row + 1) {
      s.last_row++;
      s.titled = s.numbered = true;
      s.rows.children.push_back({"жол", m[1].str(), "", {}});
      paragraph_ = nullptr;
      current_ = &s.rows.children.back();
      return;
    }
    s.text_size += t.size();
    if (!s.titled && !s.numbered) {
      append(s.title, t);
      if (sections_.size() == 1) header_ += t + "\n";
      return;
    }
    if (sections_.size() == 1 && s.paragraphs.empty()) {
      header_ += t + "\n";
      requisites_ = requisites(header_);
    }
    if (current_) return append(current_->text, t);
    s.blocks.push_back({"абзац", "", t, {}});
    current_ = &s.blocks.back();
  }

  void paragraph(Section& s, const std::string& number, const std::string& text) {
    s.titled = s.numbered = true;
    if (s.paragraphs.insert(number).second) {
      s.blocks.push_back({"тармақ", number, text, {}});
      paragraph_ = current_ = &s.blocks.back();
    } else {
      // A number the section already has (a quoted amendment, a form's own list): its text, apart.
      (paragraph_ ? paragraph_->children : s.blocks).push_back({"абзац", "", text, {}});
      current_ = &(paragraph_ ? paragraph_->children : s.blocks).back();
    }
  }

  void subparagraph(Section& s, const std::string& number, const std::string& text) {
    s.titled = s.numbered = true;
    const bool taken = paragraph_ && std::any_of(paragraph_->children.begin(), paragraph_->children.end(),
                                                  [&](const Block& b) { return b.kind == "тармақша" && b.number == number; });
    std::vector<Block>& into = paragraph_ ? paragraph_->children : s.blocks;
    into.push_back({paragraph_ && !taken ? "тармақша" : "абзац", paragraph_ && !taken ? number : "", text, {}});
    current_ = &into.back();
  }

  std::vector<Section> sections_;
  std::string header_, requisites_;
  Block* paragraph_ = nullptr;
  Block* current_ = nullptr;
};

}  // namespace

std::string import_skeleton(const std::string& text, const std::string& source, const std::string& id) {
  return Importer(text).skeleton(source, id);
}

}  // namespace ssd::cli
