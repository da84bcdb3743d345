// The compiler's limits: what would drive the parser or the passes after it past the stack, or
// into work that grows with the square of the input, is refused with a diagnostic at its place.
#include <numeric>

#include "../../compiler/src/source_limits.h"
#include "ssd/internal/verify.h"
#include "test_support.h"

namespace ssd::testing {
namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

const std::string kRequirement = "  тармақ 1 { талап т { талап_етіледі ";
std::string condition(const std::string& expr) { return instrument(kRequirement + expr + " } }"); }

TEST(Limits, DeepBracketsAreRefused) {
  const CompileResult r = compile_text(condition(repeat("(", 20000) + "ақиқат" + repeat(")", 20000)));
  EXPECT_EQ(diag_ids(r), "nesting_too_deep");
  const Diagnostic& d = r.diagnostics.all().at(0);
  // The instrument's, the block's and the requirement's braces, then the brackets: the 98th is one
  // too many, 37 characters into the line and 97 brackets on.
  EXPECT_EQ(d.span.line, 4);
  EXPECT_EQ(d.span.column, 37 + 97);
}

TEST(Limits, RunsOfPrefixOperatorsAreRefused) {
  EXPECT_EQ(diag_ids(compile_text(condition(repeat("емес ", 10000) + "ақиқат"))), "nesting_too_deep");
  EXPECT_EQ(diag_ids(compile_text(condition(repeat("- ", 10000) + "1 > 0"))), "nesting_too_deep");
  // Not one after another, and still each inside the one before.
  EXPECT_EQ(diag_ids(compile_text(condition("ақиқат = " + repeat("емес 1 < 2 = ", 5000) + "ақиқат"))),
            "nesting_too_deep");
  EXPECT_EQ(diag_ids(compile_text(condition(repeat("егер ақиқат болса ақиқат әйтпесе ", 5000) + "ақиқат"))),
            "nesting_too_deep");
}

TEST(Limits, RunsOfPostfixOperatorsAreRefused) {
  // `емес` after its operand nests nothing for the parser, but each makes the tree a level deeper.
  EXPECT_EQ(diag_ids(compile_text(condition("ақиқат" + repeat(" емес", 10000)))), "expression_too_long");
  const CompileResult r = compile_text(condition("ақиқат" + repeat(" емес", 300)));
  EXPECT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
}

TEST(Limits, NestingWithinTheLimitCompiles) {
  // 3 braces + 90 brackets + 7 prefix operators.
  const CompileResult r = compile_text(condition(repeat("(", 90) + repeat("- ", 7) + "1 > 0" + repeat(")", 90)));
  EXPECT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  // A prefix operator holds until its level goes on past a comma: minus signs in a JSON example.
  const CompileResult json = compile_text(instrument(
      "  тармақ 1 { талап т { талап_етіледі ақиқат } }\n"
      "  мысал \"теріс сандар\" { жазба { \"id\": \"x\", \"standard\": \"t-1\", \"as_of\": \"2020-01-01\", \"n\": [" +
      repeat("-1, ", 500) + "-1] } күтілетін сәйкес }"));
  EXPECT_TRUE(json.ok()) << json.diagnostics.render(Lang::En);
}

TEST(Limits, LongExpressionsAreRefused) {
  const std::string term = "жоспар.бекітілген_күні < 2020-01-01";
  EXPECT_EQ(diag_ids(compile_text(condition(term + repeat(" және " + term, 250)))), "expression_too_long");
  // Each condition is an expression of its own: 20 of 199 operators each make no long one.
  std::string requirements;
  for (int i = 1; i <= 20; ++i)
    requirements += "  тармақ " + std::to_string(i) + " { талап т" + std::to_string(i) + " { талап_етіледі " + term +
                    repeat(" және " + term, 99) + " } }\n";
  const CompileResult r = compile_text(instrument(requirements));
  EXPECT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
}

TEST(Limits, ALongChainCostsItsLength) {
  // 199 `және` and 199 `<`: just within the limit.
  const CompileResult r = compile_text(condition("ақиқат" + repeat(" және клиент.туған_күні < 2020-01-01", 199)));
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  const Program& p = r.instruments.at(0).program;
  const size_t texts = std::accumulate(p.texts.begin(), p.texts.end(), size_t{0},
                                       [](size_t n, const std::string& t) { return n + t.size(); });
  // Each `және` node keeps its part of the chain for explanations, cut: linear, not quadratic
  // (the whole chain, each prefix in full, would be 199²/2 × 40 bytes = 800 KB).
  EXPECT_LT(texts, 400u * 520u);
  EXPECT_EQ(verify(p), "");
}

TEST(Limits, LargeFilesAreRefused) {
  const std::string text = condition("ақиқат") + "// " + std::string(kMaxFileBytes, 'x') + "\n";
  const CompileResult r = compile_text(text);
  EXPECT_EQ(diag_ids(r), "file_too_large");
}

TEST(Limits, ChainsOfDefinitionsAreRefused) {
  // Each definition uses the one before it: the condition is as deep as all of them. Written in
  // reverse, so that no pass can take them one at a time.
  std::string defs;
  for (int i = 3000; i > 0; --i) defs += "  бұдан_әрі д" + std::to_string(i) + " = д" + std::to_string(i - 1) + " емес\n";
  const CompileResult r = compile_text(instrument(defs + "  бұдан_әрі д0 = ақиқат\n" + kRequirement + "д3000 } }"));
  EXPECT_EQ(diag_ids(r), "expression_too_deep");
  // A shorter chain compiles, within the verifier's depth.
  std::string fewer;
  for (int i = 200; i > 0; --i) fewer += "  бұдан_әрі д" + std::to_string(i) + " = д" + std::to_string(i - 1) + " емес\n";
  const CompileResult ok = compile_text(instrument(fewer + "  бұдан_әрі д0 = ақиқат\n" + kRequirement + "д200 } }"));
  ASSERT_TRUE(ok.ok()) << ok.diagnostics.render(Lang::En);
  EXPECT_EQ(verify(ok.instruments.at(0).program), "");
}

TEST(Limits, DefinitionsThatDoubleAreRefused) {
  // Each definition uses the one before it twice: evaluating д30 would take 2^30 steps.
  auto doubling = [](int n) {
    std::string defs = "  бұдан_әрі д0 = клиент.туған_күні < 2020-01-01\n";
    for (int i = 1; i <= n; ++i)
      defs += "  бұдан_әрі д" + std::to_string(i) + " = д" + std::to_string(i - 1) + " және д" + std::to_string(i - 1) + "\n";
    return instrument(defs + kRequirement + "д" + std::to_string(n) + " } }");
  };
  EXPECT_EQ(diag_ids(compile_text(doubling(30))), "expression_too_large");
  // Shared a few times (1533 nodes visited), a definition is no burden.
  const CompileResult ok = compile_text(doubling(8));
  ASSERT_TRUE(ok.ok()) << ok.diagnostics.render(Lang::En);
  EXPECT_EQ(verify(ok.instruments.at(0).program), "");
}

}  // namespace
}  // namespace ssd::testing
