// The standards folder as a whole: the law's text is held once.
#include <filesystem>
#include <map>

#include "test_support.h"

namespace ssd::testing {
namespace {

std::string squeezed(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

CompileResult standards() {
  std::vector<std::shared_ptr<const SourceFile>> files;
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SSD_SOURCE_DIR "/standards"))
    if (entry.path().extension() == ".ssd") paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  for (const std::string& path : paths) {
    std::string error;
    std::optional<SourceFile> file = read_source_file(path, &error);
    EXPECT_TRUE(file) << error;
    if (file) files.push_back(std::make_shared<const SourceFile>(std::move(*file)));
  }
  return compile_sources(files);
}

// No file writes one text of the law in two blocks: a block that repeats another's (a checklist
// row worded as the risk criteria's row it inspects) takes it with `… мәтінімен`.
TEST(Standards, NoLawTextIsWrittenTwiceInAFile) {
  const CompileResult r = standards();
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> where;  // (file, text) → provisions
  size_t texts = 0;
  for (const CompiledInstrument& in : r.instruments)
    for (const Provision& v : in.program.provisions) {
      if (v.text.empty() || !v.text_from.empty()) continue;
      ++texts;
      where[{v.file, squeezed(v.text)}].push_back(in.program.instrument.id + " § " + v.rule);
    }
  EXPECT_GT(texts, 500u);  // the count is of the real folder
  for (const auto& [place, provisions] : where) {
    std::string list;
    for (const std::string& p : provisions) list += " " + p;
    EXPECT_EQ(provisions.size(), 1u) << place.first << ": the same text in" << list << ": «" << place.second.substr(0, 80) << "»";
  }
}

// Every requirement's finding names the provision it is written in; every provision's text is
// where the program says it is.
TEST(Standards, RequirementsPointAtTheirProvisions) {
  const CompileResult r = standards();
  ASSERT_TRUE(r.ok());
  for (const CompiledInstrument& in : r.instruments) {
    const Program& p = in.program;
    for (const Requirement& q : p.requirements) {
      ASSERT_GE(q.provision, 0) << q.name;
      EXPECT_EQ(q.rule, p.provisions[q.provision].rule) << q.name;
    }
    for (const Provision& v : p.provisions) {
      if (v.text_line == 0) continue;
      std::string error;
      const std::optional<SourceFile> file = read_source_file(v.file, &error);
      ASSERT_TRUE(file) << error;
      const std::string_view line = file->line(v.text_line);
      const size_t at = file->offset_of(v.text_line, v.text_column) - file->offset_of(v.text_line, 0);
      // The text's place holds its literal, or the block it is taken from.
      EXPECT_TRUE(line.substr(at, 1) == "\"" || !v.text_from.empty()) << v.file << ":" << v.text_line << ": " << line;
    }
  }
}

}  // namespace
}  // namespace ssd::testing
