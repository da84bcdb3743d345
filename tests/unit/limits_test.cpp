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

std::string condition(const std::string& expr) { return instrument("  талап т § 1 { шарт " + expr + " }"); }

TEST(Limits, DeepBracketsAreRefused) {
  const CompileResult r = compile_text(condition(repeat("(", 20000) + "ақиқат" + repeat(")", 20000)));
  EXPECT_EQ(diag_ids(r), "nesting_too_deep");
  const Diagnostic& d = r.diagnostics.all().at(0);
  // The instrument's and the requirement's braces, then the brackets: the 99th is one too many,
  // 21 characters into the line and 98 brackets on.
  EXPECT_EQ(d.span.line, 4);
  EXPECT_EQ(d.span.column, 21 + 98);
}

TEST(Limits, RunsOfPrefixOperatorsAreRefused) {
  EXPECT_EQ(diag_ids(compile_text(condition(repeat("емес ", 10000) + "ақиқат"))), "nesting_too_deep");
  EXPECT_EQ(diag_ids(compile_text(condition(repeat("- ", 10000) + "1 > 0"))), "nesting_too_deep");
  // Not one after another, and still each inside the one before.
  EXPECT_EQ(diag_ids(compile_text(condition("ақиқат = " + repeat("емес 1 < 2 = ", 5000) + "ақиқат"))),
            "nesting_too_deep");
  EXPECT_EQ(diag_ids(compile_text(condition(repeat("егер ақиқат онда ақиқат әйтпесе ", 5000) + "ақиқат"))),
            "nesting_too_deep");
}

TEST(Limits, NestingWithinTheLimitCompiles) {
  // 2 braces + 90 brackets + 8 prefix operators.
  const CompileResult r = compile_text(condition(repeat("(", 90) + repeat("емес ", 8) + "ақиқат" + repeat(")", 90)));
  EXPECT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  // A prefix operator holds until its level goes on past a comma: minus signs in a JSON example.
  const CompileResult json = compile_text(instrument(
      "  талап т § 1 { шарт ақиқат }\n"
      "  мысал \"теріс сандар\" { кіріс { \"id\": \"x\", \"standard\": \"t-1\", \"as_of\": \"2020-01-01\", \"n\": [" +
      repeat("-1, ", 500) + "-1] } күтілетін сәйкес }"));
  EXPECT_TRUE(json.ok()) << json.diagnostics.render(Lang::En);
}

TEST(Limits, LongExpressionsAreRefused) {
  const std::string term = "жоспар.бекітілген_күні < 2020-01-01";
  EXPECT_EQ(diag_ids(compile_text(condition(term + repeat(" және " + term, 600)))), "expression_too_long");
  // Each condition is an expression of its own: 20 of 199 operators each make no long one.
  std::string requirements;
  for (int i = 1; i <= 20; ++i)
    requirements += "  талап т" + std::to_string(i) + " § " + std::to_string(i) + " { шарт " + term +
                    repeat(" және " + term, 99) + " }\n";
  const CompileResult r = compile_text(instrument(requirements));
  EXPECT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
}

TEST(Limits, ALongChainCostsItsLength) {
  // 499 `және` and 500 `<`: just within the limit.
  const CompileResult r = compile_text(condition("ақиқат" + repeat(" және клиент.туған_күні < 2020-01-01", 499)));
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  const Program& p = r.instruments.at(0).program;
  const size_t texts = std::accumulate(p.texts.begin(), p.texts.end(), size_t{0},
                                       [](size_t n, const std::string& t) { return n + t.size(); });
  // Each `және` node keeps its part of the chain for explanations, cut: linear, not quadratic
  // (the whole chain, each prefix in full, would be 499²/2 × 50 bytes = 6 MB).
  EXPECT_LT(texts, 1000u * 520u);
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
  for (int i = 3000; i > 0; --i) defs += "  анықтама д" + std::to_string(i) + " = емес д" + std::to_string(i - 1) + "\n";
  const CompileResult r = compile_text(instrument(defs + "  анықтама д0 = ақиқат\n  талап т § 1 { шарт д3000 }"));
  EXPECT_EQ(diag_ids(r), "expression_too_deep");
  // A shorter chain compiles, within the verifier's depth.
  std::string fewer;
  for (int i = 900; i > 0; --i) fewer += "  анықтама д" + std::to_string(i) + " = емес д" + std::to_string(i - 1) + "\n";
  const CompileResult ok = compile_text(instrument(fewer + "  анықтама д0 = ақиқат\n  талап т § 1 { шарт д900 }"));
  ASSERT_TRUE(ok.ok()) << ok.diagnostics.render(Lang::En);
  EXPECT_EQ(verify(ok.instruments.at(0).program), "");
}

}  // namespace
}  // namespace ssd::testing
