// Name resolution and type checking: each diagnostic the issue names, in a file of its own.
#include "test_support.h"

namespace ssd::testing {
namespace {

std::string ids(const std::string& body) { return diag_ids(compile_text(instrument(body))); }

TEST(Check, UnknownNameWithSuggestion) {
  const CompileResult r = compile_text(instrument("  талап т § 4 { шарт тұрғын_үй.жатын_бөлме_аудан >= 4 м² }"));
  EXPECT_EQ(diag_ids(r), "unknown_name");
  EXPECT_NE(r.diagnostics.render(Lang::Kk).find("тұрғын_үй.жатын_бөлме_ауданы"), std::string::npos);
}

TEST(Check, DateComparedWithArea) {
  EXPECT_EQ(ids("  талап т § 4 { шарт қабылдау.күні < 4 м² }"), "type_mismatch");
}

TEST(Check, CalendarAndWorkingDaysAreDistinct) {
  EXPECT_EQ(ids("  талап т § 4 { шарт келісімшарт.күні - қабылдау.күні <= 5 жұмыс күні }"), "type_mismatch");
  EXPECT_EQ(ids("  талап т § 4 { шарт келісімшарт.күні - қабылдау.күні <= 5 күнтізбелік күн }"), "");
}

TEST(Check, DuplicateName) {
  EXPECT_EQ(ids("  талап т § 4 { шарт ақиқат }\n  талап т § 5 { шарт ақиқат }"), "duplicate_name");
  EXPECT_EQ(ids("  анықтама а = 1\n  анықтама а = 2\n  талап т § 4 { шарт а = 1 }"), "duplicate_name");
}

TEST(Check, AnInstrumentWithoutRequirements) {
  EXPECT_EQ(ids("  тармақ § 1 { заңда \"x\" себебі \"анықтама\" }"), "empty_instrument");
}

TEST(Check, RequirementWithoutCitation) {
  EXPECT_EQ(ids("  талап т { шарт ақиқат }"), "missing_citation");
}

TEST(Check, UnknownUnit) {
  EXPECT_EQ(ids("  талап т § 4 { шарт тұрғын_үй.жатын_бөлме_ауданы >= 4 гектар }"), "unknown_unit");
}

TEST(Check, SeveralErrorsInOneRun) {
  EXPECT_EQ(ids("  талап а { шарт ақиқат }\n"
                "  талап б § 4 { шарт белгісіз > 1 }\n"
                "  талап в § 5 { шарт қабылдау.күні = 1 }"),
            "unknown_name missing_citation type_mismatch");  // names are resolved, then types checked
}

TEST(Check, ConditionMustBeTrueOrFalse) {
  EXPECT_EQ(ids("  талап т § 4 { шарт 1 + 2 }"), "expected_type");
}

TEST(Check, IfWithoutElseOnlyAtTheHead) {
  EXPECT_EQ(ids("  талап т § 4 { шарт егер ақиқат онда ақиқат }"), "");
  EXPECT_EQ(ids("  талап т § 4 { шарт ақиқат және (егер ақиқат онда ақиқат) }"), "if_without_else");
}

TEST(Check, SetsHoldOneEnumeration) {
  EXPECT_EQ(ids("  талап т § 4 { шарт клиент.санаттары ішінде {жетім, куәлік} }"), "mixed_set");
}

TEST(Check, AttestedRequirementsHaveNoCondition) {
  EXPECT_EQ(ids("  талап т § 4 куәландырылады { заңда \"x\" }"), "");
  EXPECT_EQ(ids("  талап т § 4 куәландырылады { шарт ақиқат }"), "attested_condition");
  EXPECT_EQ(ids("  талап т § 4 { заңда \"x\" }"), "missing_condition");
}

TEST(Check, DefinitionsMayNotLoop) {
  EXPECT_EQ(ids("  анықтама а = б + 1\n  анықтама б = а + 1\n  талап т § 4 { шарт а > 1 }"), "definition_cycle");
}

TEST(Check, UnknownSeverity) {
  EXPECT_EQ(ids("  талап т § 4 ауырлық ауыр { шарт ақиқат }"), "unknown_severity");
}

TEST(Check, ExamplesCiteRealRulesAndStatuses) {
  EXPECT_EQ(ids("  талап т § 4 { шарт ақиқат }\n"
                "  мысал \"м\" { кіріс { \"as_of\": \"2020-01-01\" } күтілетін § 9 сәйкес күтілетін ойдан }"),
            "unknown_rule unknown_status");
}

TEST(Check, EnglishMessages) {
  const CompileResult r = compile_text(instrument("  талап т § 4 { шарт қабылдау.күні < 4 м² }"));
  const std::string en = r.diagnostics.render(Lang::En);
  EXPECT_NE(en.find("type mismatch"), std::string::npos) << en;
  EXPECT_NE(en.find("^"), std::string::npos) << en;
}

}  // namespace
}  // namespace ssd::testing

namespace ssd::testing {
namespace {

TEST(Check, ExpectationsNameOneRequirementOfACitation) {
  const std::string two = "  талап жас § 2 { шарт ақиқат }\n  талап ауру § 2 { шарт ақиқат }\n";
  EXPECT_EQ(ids(two + "  мысал \"м\" { кіріс { \"as_of\": \"2020-01-01\" } күтілетін § 2 жас сәйкес }"), "");
  EXPECT_EQ(ids(two + "  мысал \"м\" { кіріс { \"as_of\": \"2020-01-01\" } күтілетін § 2 бой сәйкес }"), "unknown_rule");
}

}  // namespace
}  // namespace ssd::testing
