// How long what the runtime hands out stays valid: a result keeps the program it was checked
// against, even when its checker replaces that instrument.
#include "test_support.h"

namespace ssd::testing {
namespace {

Program program(const std::string& rule) {
  const CompileResult r = compile_text(instrument("  тармақ " + rule + " { талап а { талап_етіледі ақиқат } }"));
  EXPECT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  return r.instruments.at(0).program;
}

const char* kRecord = R"({"id":"r","standard":"t-1","as_of":"2024-01-01"})";

TEST(Lifetime, AResultOutlivesTheReplacementOfItsInstrument) {
  auto first = std::make_shared<const Program>(program("4"));
  const std::weak_ptr<const Program> watch = first;
  RecordChecker checker;
  checker.add(std::move(first));
  const RecordResult& r = checker.check(kRecord);
  ASSERT_EQ(r.findings.size(), 1u);
  checker.add(std::make_shared<const Program>(program("5")));  // the same id: replaces it
  ASSERT_FALSE(watch.expired()) << "the result's program was freed under it";
  EXPECT_EQ(r.program->requirements[r.findings[0].requirement].rule, "4");

  const RecordResult& next = checker.check(kRecord);
  EXPECT_EQ(next.program->requirements[next.findings[0].requirement].rule, "5");
  EXPECT_TRUE(watch.expired()) << "and released once no result holds it";
}

TEST(Lifetime, AJsonlWriterHoldsWhatItHasWritten) {
  auto program_4 = std::make_shared<const Program>(program("4"));
  const std::weak_ptr<const Program> watch = program_4;
  JsonlWriter writer;
  std::string out;
  {
    RecordChecker checker;
    checker.add(std::move(program_4));
    writer.append(checker.check(kRecord), out);
  }
  // A freed program's address may be reused by the next: the writer's cache must not be stale.
  EXPECT_FALSE(watch.expired());
  EXPECT_NE(out.find("\"rule\":\"4\""), std::string::npos) << out;
}

}  // namespace
}  // namespace ssd::testing
