// Text from outside shown in messages: cut between characters, control characters escaped.
#include <gtest/gtest.h>

#include "ssd/internal/text.h"

namespace ssd {
namespace {

TEST(Text, CutsBetweenCharacters) {
  EXPECT_EQ(utf8_prefix("абв", 6), "абв");
  EXPECT_EQ(utf8_prefix("абв", 5), "аб");  // not half of в
  EXPECT_EQ(utf8_prefix("абв", 1), "");
  EXPECT_EQ(utf8_prefix("a€b", 3), "a");   // € is three bytes
  EXPECT_EQ(utf8_prefix("a😀", 4), "a");   // and this one four
  EXPECT_EQ(utf8_prefix("", 0), "");
}

TEST(Text, PrintableIsOneLine) {
  EXPECT_EQ(printable("a\nb\r\tc"), "a\\nb\\r\\tc");
  EXPECT_EQ(printable(std::string("x\0y\x1f\x7f", 5)), "x\\u0000y\\u001f\\u007f");
  EXPECT_EQ(printable("қазақ\"\\"), "қазақ\"\\");
  EXPECT_EQ(printable("қазақша", 5), "қа…");
  // Printable text stays as it is: escaping twice changes nothing.
  EXPECT_EQ(printable(printable("a\nb")), "a\\nb");
}

TEST(Text, InQuotes) {
  EXPECT_EQ(in_quotes("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(in_quotes(std::string(50, 'x')), "\"" + std::string(40, 'x') + "…\"");
  EXPECT_EQ(in_quotes("жол\nжаңа"), "\"жол\\nжаңа\"");
}

TEST(Text, SourceOnOneLine) {
  EXPECT_EQ(one_line("a >= 4\n      және b"), "a >= 4 және b");
  EXPECT_EQ(one_line("a  \r\n\n\t b"), "a b");
  EXPECT_EQ(one_line("x  y"), "x  y");  // spaces within a line stay
  EXPECT_EQ(one_line("қазақ\nша", 7), "қаз…");
  EXPECT_EQ(one_line("a\tb"), "a\\tb");  // the rest as printable()
}

}  // namespace
}  // namespace ssd
