// ssd fmt (ssd/format.h): the canonical layout, and on every .ssd file of the project that it
// changes only white space, keeps comments byte for byte and is idempotent.
#include <gtest/gtest.h>

#include <filesystem>

#include "ssd/format.h"
#include "ssd/tokens.h"

namespace ssd {
namespace {

std::optional<std::string> format_text(const std::string& text, Diagnostics* diags = nullptr) {
  Diagnostics local;
  return format_source(SourceFile("t.ssd", text), diags ? *diags : local);
}

TEST(Format, LaysOutIndentationSpacingAndBlankLines) {
  const std::string messy =
      "// басы   \n"
      "стандарт   t-1 \"Тест\" {\n"
      "      тізбе санат { жетім = \"orphan\" \"жетім\" §  2.1 }\n"
      "  өріс   клиент.санаты : санат   =  \"client.category\"\n"
      "\n\n\n"
      "  тармақ 5 \"\"\"Бірінші жол\n"
      "        екінші   жол\"\"\" {   // түсінік\n"
      "\n"
      " талап a {\n"
      "   талап_етіледі ( клиент.санаты = жетім )\n"
      "      немесе клиент.санаты тізімінде {жетім,жетім}\n"
      " }\n"
      "  }\n"
      "}";
  const std::string canonical =
      "// басы   \n"
      "стандарт t-1 \"Тест\" {\n"
      "  тізбе санат { жетім = \"orphan\" \"жетім\" § 2.1 }\n"
      "  өріс клиент.санаты : санат = \"client.category\"\n"
      "\n"
      "  тармақ 5 \"\"\"Бірінші жол\n"
      "    екінші   жол\"\"\" { // түсінік\n"
      "    талап a {\n"
      "      талап_етіледі (клиент.санаты = жетім)\n"
      "        немесе клиент.санаты тізімінде {жетім, жетім}\n"
      "    }\n"
      "  }\n"
      "}\n";
  EXPECT_EQ(format_text(messy), canonical);
  EXPECT_EQ(format_text(canonical), canonical);
}

TEST(Format, PutsEachStatementOfABodyOverLinesOnItsOwnLine) {
  EXPECT_EQ(format_text("стандарт t-1 \"Т\" {\n  тармақ 1 \"а\" { кодталмайды \"б\" }  тармақ 2 \"в\" {\n"
                        "кодталмайды \"г\" }\n}\n"),
            "стандарт t-1 \"Т\" {\n  тармақ 1 \"а\" { кодталмайды \"б\" }\n  тармақ 2 \"в\" {\n"
            "    кодталмайды \"г\"\n  }\n}\n");
}

TEST(Format, RefusesAFileWithSyntaxErrors) {
  Diagnostics diags;
  EXPECT_EQ(format_text("стандарт t-1 \"Т\" {\n  тармақ 1 \"а\" {\n}\n", &diags), std::nullopt);
  ASSERT_TRUE(diags.has_errors());
  EXPECT_EQ(diags.all().front().file->name(), "t.ssd");
  EXPECT_EQ(format_text("стандарт t-1 \"Т\" {\xff}\n", &diags), std::nullopt);
}

TEST(Format, LayoutFreeTextReadsLawTextAndCitationsAsTheCompilerDoes) {
  EXPECT_EQ(layout_free_text({"STRING", "\"\"\"а\n    б   в\"\"\"", 1, 0, false}), "\"\"\"а б в\"\"\"");
  EXPECT_EQ(layout_free_text({"STRING", "\"а  б\"", 1, 0, false}), "\"а  б\"");  // a one-line string: as written
  EXPECT_EQ(layout_free_text({"CITATION", "§  5.1", 1, 0, false}), "§ 5.1");
  EXPECT_EQ(layout_free_text({"LINE_COMMENT", "// а  б ", 1, 0, true}), "// а  б ");
}

// Every .ssd file of standards/ and of the tests' fixtures that parses.
std::vector<std::filesystem::path> project_files() {
  std::vector<std::filesystem::path> out;
  for (const char* folder : {SSD_SOURCE_DIR "/standards", SSD_SOURCE_DIR "/tests"})
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
      if (entry.path().extension() == ".ssd") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> words(const SourceFile& file) {
  std::vector<std::string> out;
  for (const SourceToken& t : lex(file)) out.push_back(t.kind + " " + layout_free_text(t));
  return out;
}

std::vector<std::string> comments(const SourceFile& file) {
  std::vector<std::string> out;
  for (const SourceToken& t : lex(file))
    if (t.comment) out.push_back(t.text);
  return out;
}

TEST(Format, KeepsTokensCommentsAndLawTextAndIsIdempotentOnEveryFile) {
  int formatted = 0;
  for (const auto& path : project_files()) {
    std::string error;
    const std::optional<SourceFile> file = read_source_file(path.string(), &error);
    ASSERT_TRUE(file) << error;
    Diagnostics diags;
    const std::optional<std::string> once = format_source(*file, diags);
    if (!once) continue;  // the golden diagnostics' files with syntax errors
    ++formatted;
    const SourceFile after(file->name(), *once);
    EXPECT_EQ(words(after), words(*file)) << path;
    EXPECT_EQ(comments(after), comments(*file)) << path;
    Diagnostics again_diags;
    EXPECT_EQ(format_source(after, again_diags), *once) << path << ": not idempotent";
  }
  EXPECT_GT(formatted, 20);
}

}  // namespace
}  // namespace ssd
