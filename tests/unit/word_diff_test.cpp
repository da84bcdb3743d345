// Word-level changes between two wordings (tools/ssd/word_diff): as the text, the HTML pages and
// the comparative table mark them.
#include <gtest/gtest.h>

#include "word_diff.h"

namespace ssd::cli {
namespace {

TEST(WordDiff, MarksTheWordsChanged) {
  const auto runs = word_diff("бір қызметтерді алушыға 1 данадан артық емес", "бір қызметтерді алушыға 3 данадан артық емес");
  EXPECT_EQ(marked_text(runs), "бір қызметтерді алушыға [-1-] {+3+} данадан артық емес");
  EXPECT_EQ(marked_html(runs, WordRun::Deleted, "b"), "бір қызметтерді алушыға <b>1</b> данадан артық емес");
  EXPECT_EQ(marked_html(runs, WordRun::Inserted, "ins"), "бір қызметтерді алушыға <ins>3</ins> данадан артық емес");
}

TEST(WordDiff, RunsOfWordsAndWhiteSpace) {
  // Line breaks and runs of spaces are one space; neighbouring changed words are one run.
  EXPECT_EQ(marked_text(word_diff("a  b\nc d", "a x y d")), "a [-b c-] {+x y+} d");
  EXPECT_EQ(marked_text(word_diff("", "жаңа мәтін")), "{+жаңа мәтін+}");
  EXPECT_EQ(marked_text(word_diff("ескі", "")), "[-ескі-]");
  EXPECT_EQ(marked_text(word_diff("бірдей", "бірдей")), "бірдей");
}

TEST(WordDiff, EscapesHtml) {
  EXPECT_EQ(marked_html(word_diff("a <b>", "a <c>"), WordRun::Inserted, "ins"), "a <ins>&lt;c&gt;</ins>");
}

}  // namespace
}  // namespace ssd::cli
