// The parser adapter: what it accepts, and the syntax errors it names.
#include "test_support.h"

#include "../../compiler/src/parse.h"

namespace ssd::testing {
namespace {

TEST(Citation, ContractAndLawForms) {
  auto c = parse_citation("§ 5.1");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->rule, "5.1");
  EXPECT_EQ(c->wording, "5-тармақтың 1) тармақшасы");
  EXPECT_EQ(parse_citation("§4")->wording, "4-тармақ");
  EXPECT_EQ(parse_citation("§ 6-1")->rule, "6-1");
  c = parse_citation("§ 3-қосымша 18");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->rule, "app3:18");
  EXPECT_EQ(c->wording, "3-қосымшаның 18-жолы");
}

TEST(Parse, AcceptsBomCrlfAndComments) {
  const std::string text = "\xEF\xBB\xBF// түсініктеме\r\n" +
      instrument("  /* блок */ талап т § 4 { шарт 1 < 2 }\r\n");
  const CompileResult r = compile_text(text);
  EXPECT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
}

TEST(Parse, StringEscapesAndBlocks) {
  const CompileResult r = compile_text(instrument(
      "  талап т § 4 { заңда \"\"\"бірінші\n     екінші\"\"\" сипаттама \"а \\\"б\\\"\" шарт ақиқат }"));
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  const Requirement& req = r.instruments[0].program.requirements[0];
  EXPECT_EQ(req.law, "бірінші екінші");
  EXPECT_EQ(req.description_kk, "а \"б\"");
}

TEST(Parse, SyntaxErrorNamesWhatWasExpected) {
  const CompileResult r = compile_text(instrument("  талап т § 4 { шарт 1 < }"));
  EXPECT_EQ(diag_ids(r), "syntax_expected");
  const std::string text = r.diagnostics.render(Lang::En);
  EXPECT_NE(text.find("expected"), std::string::npos) << text;
  EXPECT_NE(text.find("test.ssd:4:"), std::string::npos) << text;
}

TEST(Parse, UnterminatedStringAndStrayCharacter) {
  const CompileResult r = compile_text("стандарт x \"атауы\n{ ¤ }\n");
  EXPECT_EQ(diag_ids(r), "unterminated_string unexpected_char");
}

TEST(Parse, InvalidUtf8IsReportedNotCrashed) {
  const CompileResult r = compile_text("стандарт x \"\xff\xfe\" {}");
  EXPECT_EQ(diag_ids(r), "invalid_utf8");
}

TEST(Parse, NoInputCrashesTheParser) {
  // Prefixes of a real instrument: every one ends in diagnostics, none in a crash.
  const std::string full = instrument(
      "  талап т § 5.1 ауырлық өрескел { заңда \"x\" шарт тұрғын_үй.жатын_бөлме_ауданы >= 4 м² }\n"
      "  мысал \"м\" { кіріс { \"as_of\": \"2020-01-01\", \"a\": [1, -2.5, true, null] } күтілетін § 5.1 сәйкес }");
  for (size_t n = 0; n < full.size(); ++n) {
    if ((static_cast<unsigned char>(full[n]) & 0xC0) == 0x80) continue;  // inside a letter
    const CompileResult r = compile_text(full.substr(0, n));
    EXPECT_TRUE(r.ok() || !r.diagnostics.all().empty()) << n;
  }
  EXPECT_TRUE(compile_text(full).ok());
}

}  // namespace
}  // namespace ssd::testing
