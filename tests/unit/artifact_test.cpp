#include "test_support.h"

#include "ssd/internal/artifact.h"

namespace ssd::testing {
namespace {

Program program() {
  const CompileResult r = compile_text(instrument(
      "  сәйкестік_кестесі негіз : санат -> негіздеме § 4 { жетім -> жао_шешімі }\n"
      "  тармақ 4 \"x\" { талап н ауырлық елеулі { талап_етіледі негіз(клиент.санаттары) тізімінде қабылдау.негіздеме } }\n"
      "  тармақ 6 { тармақша 4 \"жиһаз\" { талап ж куәландырылады { тексереді risk-criteria § 7 } } }\n"
      "  қосымша 3 { жол 18 { талап д { талап_етіледі жабдықтау тізімінде әрбір s: s.саны <= 1 } } }\n"
      "  тармақ 12 { талап р { талап_етіледі бұзушылықтар тізімінде \"12\" емес және шағымдар[\"12\"] болмаса 0 < 2 } }\n"
      "  тармақ 1 \"x\" { кодталмайды \"y\" }",
      "  ескертпе \"n\"\n"));
  EXPECT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  return r.instruments.at(0).program;
}

TEST(Artifact, RoundTrip) {
  const Program p = program();
  const std::string bytes = serialize(p);
  std::string error;
  const std::optional<Program> back = deserialize(bytes, &error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(dump(*back), dump(p));
  EXPECT_EQ(serialize(*back), bytes);
  EXPECT_EQ(back->requirements[0].severity, Severity::Significant);
  EXPECT_EQ(back->record_types.size(), p.record_types.size());
  EXPECT_EQ(back->provisions.back().rule, "1");
  EXPECT_EQ(back->provisions.back().reason, "y");
  EXPECT_EQ(back->provisions.at(1).kind, ProvisionKind::Paragraph);   // 6, holding 6.4
  EXPECT_EQ(back->provisions.at(2).text, "жиһаз");
  EXPECT_EQ(back->provisions.at(2).parent, 1);
  EXPECT_EQ(back->requirements[1].provision, 2);
  EXPECT_EQ(back->instrument.notes.at(0), "n");
  EXPECT_EQ(back->requirements[1].inspects.at(0).first, "risk-criteria");
}

TEST(Artifact, KeepsTheOrdersLeftOut) {
  Program p = program();
  EXPECT_EQ(incomplete_reason(p), "");
  p.instrument.orders_left_out = {"№ 282", "№ 391"};
  const std::optional<Program> back = deserialize(serialize(p), nullptr);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->instrument.orders_left_out, p.instrument.orders_left_out);
  EXPECT_NE(incomplete_reason(*back).find("compiled alone, without the amending orders № 282, № 391"), std::string::npos)
      << incomplete_reason(*back);
}

TEST(Artifact, AnInstrumentWithoutRequirementsChecksNothing) {
  Program p = program();
  p.requirements.clear();
  EXPECT_NE(incomplete_reason(p).find("has no requirement"), std::string::npos);
}

TEST(Artifact, RejectsNodesThatPointOutside) {
  Program p = program();
  p.nodes.back().a = static_cast<std::int32_t>(p.nodes.size());  // a child after its parent
  std::string error;
  EXPECT_FALSE(deserialize(serialize(p), &error));
  EXPECT_NE(error.find("malformed"), std::string::npos) << error;
}

TEST(Artifact, RejectsWhatIsNotOne) {
  std::string error;
  EXPECT_FALSE(deserialize("hello", &error));
  EXPECT_NE(error.find("not an ssd artifact"), std::string::npos);
}

TEST(Artifact, RejectsAnotherVersion) {
  std::string bytes = serialize(program());
  const unsigned other = kArtifactVersion + 1;
  bytes[4] = static_cast<char>(other);
  std::string error;
  EXPECT_FALSE(deserialize(bytes, &error));
  EXPECT_NE(error.find("version " + std::to_string(other)), std::string::npos) << error;
}

TEST(Artifact, RejectsCorruption) {
  const std::string good = serialize(program());
  std::string error;
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x20;
  EXPECT_FALSE(deserialize(flipped, &error));
  EXPECT_NE(error.find("checksum"), std::string::npos) << error;
  EXPECT_FALSE(deserialize(good.substr(0, good.size() - 3), &error));
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
}

}  // namespace
}  // namespace ssd::testing
