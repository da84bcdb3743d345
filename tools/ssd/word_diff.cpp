#include "word_diff.h"

#include <dtl/dtl.hpp>

#include "markup.h"

namespace ssd::cli {

namespace {

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    const size_t start = i;
    while (i < s.size() && !(s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

}  // namespace

std::vector<WordRun> word_diff(std::string_view older, std::string_view newer) {
  const std::vector<std::string> a = words(older), b = words(newer);
  dtl::Diff<std::string> diff(a, b);
  diff.compose();
  std::vector<WordRun> out;
  for (const auto& [word, info] : diff.getSes().getSequence()) {
    const WordRun::Kind kind = info.type == dtl::SES_DELETE ? WordRun::Deleted
                               : info.type == dtl::SES_ADD  ? WordRun::Inserted
                                                            : WordRun::Same;
    if (!out.empty() && out.back().kind == kind) out.back().text += " " + word;
    else out.push_back({kind, word});
  }
  return out;
}

std::string marked_text(const std::vector<WordRun>& runs) {
  std::string out;
  for (const WordRun& r : runs) {
    if (!out.empty()) out += ' ';
    if (r.kind == WordRun::Deleted) out += "[-" + r.text + "-]";
    else if (r.kind == WordRun::Inserted) out += "{+" + r.text + "+}";
    else out += r.text;
  }
  return out;
}

std::string marked_html(const std::vector<WordRun>& runs, WordRun::Kind side, std::string_view tag) {
  std::string out;
  for (const WordRun& r : runs) {
    if (r.kind != WordRun::Same && r.kind != side) continue;
    if (!out.empty()) out += ' ';
    if (r.kind == WordRun::Same) out += html_escape(r.text);
    else out += "<" + std::string(tag) + ">" + html_escape(r.text) + "</" + std::string(tag) + ">";
  }
  return out;
}

}  // namespace ssd::cli
