// Evaluation end to end: source → program → findings on records.
#include "test_support.h"

namespace ssd::testing {
namespace {

std::string rec(const std::string& fields) {
  return "{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"2025-11-27\"" + (fields.empty() ? "" : "," + fields) + "}";
}

TEST(Evaluate, AreaPerChild) {
  Checked c(instrument("  талап т § 5.1 { шарт тұрғын_үй.жатын_бөлме_ауданы / тұрғын_үй.бөлмедегі_балалар_саны >= 4 м² }"));
  EXPECT_EQ(c.status(rec("\"housing\":{\"sleeping_area_m2\":12,\"children_in_room\":3}"), "5.1"), "pass");
  EXPECT_EQ(c.status(rec("\"housing\":{\"sleeping_area_m2\":11.9,\"children_in_room\":3}"), "5.1"), "fail");
  EXPECT_EQ(c.status(rec("\"housing\":{\"children_in_room\":3}"), "5.1"), "missing_data");
  EXPECT_EQ(c.status(rec("\"housing\":{\"sleeping_area_m2\":12,\"children_in_room\":0}"), "5.1"), "missing_data");
  EXPECT_EQ(c.status(rec("\"housing\":{\"children_in_room\":3}")), "incomplete");
}

TEST(Evaluate, FailureSaysWhatWasFound) {
  Checked c(instrument("  талап т § 5.1 { сипаттама \"аудан\" шарт тұрғын_үй.жатын_бөлме_ауданы / тұрғын_үй.бөлмедегі_балалар_саны >= 4 м² }"));
  const RecordResult& r = c.check(rec("\"housing\":{\"sleeping_area_m2\":9,\"children_in_room\":3}"));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_NE(r.findings[0].detail_kk.find("3 м²"), std::string::npos) << r.findings[0].detail_kk;
  EXPECT_NE(r.findings[0].detail_kk.find("4 м²"), std::string::npos) << r.findings[0].detail_kk;
}

TEST(Evaluate, MissingNeverPasses) {
  Checked c(instrument("  талап т § 22 { шарт шағымдар_кітабы.жүргізіледі }"));
  EXPECT_EQ(c.status(rec(""), "22"), "missing_data");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"kept\":null}"), "22"), "missing_data");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"kept\":false}"), "22"), "fail");
}

TEST(Evaluate, KleeneLogic) {
  Checked c(instrument("  талап бірге § 1 { шарт шағымдар_кітабы.жүргізіледі және 1 > 2 }\n"
                       "  талап бірі § 2 { шарт шағымдар_кітабы.жүргізіледі немесе 2 > 1 }"));
  EXPECT_EQ(c.status(rec(""), "1"), "fail");  // false and missing = false
  EXPECT_EQ(c.status(rec(""), "2"), "pass");  // missing or true = true
}

TEST(Evaluate, ConditionalsAreNotApplicableWhenThePremiseFails) {
  Checked c(instrument("  талап т § 4 { шарт егер клиент.санаттары ішінде {жетім} онда қабылдау.негіздеме = жао_шешімі }"));
  EXPECT_EQ(c.status(rec("\"client\":{\"categories\":[\"orphan\"]},\"admission\":{\"basis\":\"lea_decision\"}"), "4"), "pass");
  EXPECT_EQ(c.status(rec("\"client\":{\"categories\":[\"orphan\"]},\"admission\":{\"basis\":\"court_act\"}"), "4"), "fail");
  EXPECT_EQ(c.status(rec("\"client\":{\"categories\":[\"deviant_behaviour\"]}"), "4"), "not_applicable");
  EXPECT_EQ(c.status(rec("\"client\":{\"categories\":[\"deviant_behaviour\"]}")), "compliant");
  EXPECT_EQ(c.status(rec("\"admission\":{\"basis\":\"court_act\"}"), "4"), "missing_data");
}

TEST(Evaluate, AgeInCompletedYears) {
  Checked c(instrument("  талап т § 1 { шарт жасы(клиент.туған_күні, қабылдау.күні) >= 11 және жасы(клиент.туған_күні, қабылдау.күні) < 18 }"));
  EXPECT_EQ(c.status(rec("\"client\":{\"birth_date\":\"2012-05-10\"},\"admission\":{\"date\":\"2023-05-10\"}"), "1"), "pass");
  EXPECT_EQ(c.status(rec("\"client\":{\"birth_date\":\"2012-05-10\"},\"admission\":{\"date\":\"2023-05-09\"}"), "1"), "fail");
  EXPECT_EQ(c.status(rec("\"client\":{\"birth_date\":\"2005-05-10\"},\"admission\":{\"date\":\"2023-05-10\"}"), "1"), "fail");
}

TEST(Evaluate, CalendarDayTerms) {
  Checked c(instrument("  талап т § 18 { шарт жоспар.әзірленген_күні <= қабылдау.күні + 14 күнтізбелік күн }"));
  EXPECT_EQ(c.status(rec("\"admission\":{\"date\":\"2010-04-12\"},\"plan\":{\"developed\":\"2010-04-26\"}"), "18"), "pass");
  EXPECT_EQ(c.status(rec("\"admission\":{\"date\":\"2010-04-12\"},\"plan\":{\"developed\":\"2010-04-27\"}"), "18"), "fail");
}

TEST(Evaluate, WorkingDayTerms) {
  Checked c(instrument("  талап т § 16 { шарт келісімшарт.күні <= қабылдау.негіздеме_күні + 1 жұмыс күні }"));
  // Decision Wed 5 Nov 2025: the term ends Thu 6 Nov.
  EXPECT_EQ(c.status(rec("\"admission\":{\"basis_date\":\"2025-11-05\"},\"contract\":{\"date\":\"2025-11-06\"}"), "16"), "pass");
  EXPECT_EQ(c.status(rec("\"admission\":{\"basis_date\":\"2025-11-05\"},\"contract\":{\"date\":\"2025-11-07\"}"), "16"), "fail");
  // Permission Fri 19 Sep 2025: the weekend is skipped, Mon 22 Sep is in time.
  EXPECT_EQ(c.status(rec("\"admission\":{\"basis_date\":\"2025-09-19\"},\"contract\":{\"date\":\"2025-09-22\"}"), "16"), "pass");
  // Thu 20 Mar 2025: Nauryz and its moved days (21–25 Mar) are skipped; Wed 26 Mar is in time.
  EXPECT_EQ(c.status(rec("\"admission\":{\"basis_date\":\"2025-03-20\"},\"contract\":{\"date\":\"2025-03-26\"}"), "16"), "pass");
  EXPECT_EQ(c.status(rec("\"admission\":{\"basis_date\":\"2025-03-20\"},\"contract\":{\"date\":\"2025-03-27\"}"), "16"), "fail");
  // Fri 24 Oct 2025: Republic Day (Sat 25 Oct) moved to Mon 27 Oct; Tue 28 Oct is the last day.
  EXPECT_EQ(c.status(rec("\"admission\":{\"basis_date\":\"2025-10-24\"},\"contract\":{\"date\":\"2025-10-28\"}"), "16"), "pass");
  EXPECT_EQ(c.status(rec("\"admission\":{\"basis_date\":\"2025-10-24\"},\"contract\":{\"date\":\"2025-10-29\"}"), "16"), "fail");
}

TEST(Evaluate, Periodicity) {
  Checked c(instrument("  талап т § 22 { шарт кезең_сайын(шағымдар_кітабы.қаралған_күндері, 1 апта, тексеру_күні) }\n"
                       "  талап а § 6 { шарт кезең_сайын(шағымдар_кітабы.қаралған_күндері, 1 ай, тексеру_күні) }"));
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"reviews\":[\"2025-11-20\",\"2025-11-13\",\"2025-11-27\"]}"), "22"), "pass");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"reviews\":[\"2025-11-12\",\"2025-11-20\",\"2025-11-27\"]}"), "22"), "fail");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"reviews\":[\"2025-11-13\",\"2025-11-19\"]}"), "22"), "fail");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"reviews\":[]}"), "22"), "fail");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"reviews\":[\"2025-09-26\",\"2025-10-26\",\"2025-11-26\"]}"), "6"), "pass");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"reviews\":[\"2025-09-26\",\"2025-10-29\",\"2025-11-26\"]}"), "6"), "fail");
}

TEST(Evaluate, MappingsAndSets) {
  Checked c(instrument(
      "  сәйкестік негіз : санат -> негіздеме § 4 { жетім -> жао_шешімі  девиант -> сот_актісі }\n"
      "  талап н § 4 { шарт қабылдау.негіздеме ішінде негіз(клиент.санаттары) }\n"
      "  талап қ § 6 { шарт қабылдау.құжаттар + қабылдау.сұратылған_құжаттар қамтиды {куәлік, анықтамасы} }"));
  EXPECT_EQ(c.status(rec("\"client\":{\"categories\":[\"orphan\",\"deviant_behaviour\"]},\"admission\":{\"basis\":\"court_act\"}"), "4"), "pass");
  EXPECT_EQ(c.status(rec("\"client\":{\"categories\":[\"orphan\"]},\"admission\":{\"basis\":\"court_act\"}"), "4"), "fail");
  EXPECT_EQ(c.status(rec("\"admission\":{\"documents\":[\"birth_or_id\"],\"requests_sent\":[\"stay_certificate\"]}"), "6"), "pass");
  EXPECT_EQ(c.status(rec("\"admission\":{\"documents\":[\"birth_or_id\"],\"requests_sent\":[]}"), "6"), "fail");
}

TEST(Evaluate, AttestedRequirementsAreReportedOnlyWhenAttested) {
  Checked c(instrument("  талап ж § 6.4 куәландырылады { заңда \"жиһаз\" }"));
  EXPECT_EQ(c.status(rec(""), "6.4"), "");
  EXPECT_EQ(c.status(rec("\"attestations\":{\"6.4\":true}"), "6.4"), "pass");
  EXPECT_EQ(c.status(rec("\"attestations\":{\"6.4\":false}"), "6.4"), "fail");
  EXPECT_EQ(c.status(rec("\"attestations\":{\"6.4\":\"not_applicable\"}"), "6.4"), "not_applicable");
  EXPECT_EQ(c.status(rec("\"attestations\":{\"6.4\":\"yes\"}")), "error");
}

TEST(Evaluate, PeriodOfForce) {
  Checked c(instrument("  талап т § 4 { шарт ақиқат }",
                       "  күшіне_енеді 2020-01-01\n  күші_жойылады 2023-07-01\n"));
  auto at = [](const char* day) { return std::string("{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"") + day + "\"}"; };
  EXPECT_EQ(c.status(at("2019-12-31")), "not_in_force");
  EXPECT_EQ(c.status(at("2020-01-01")), "compliant");
  EXPECT_EQ(c.status(at("2023-06-30")), "compliant");
  EXPECT_EQ(c.status(at("2023-07-01")), "not_in_force");
}

TEST(Evaluate, InForceAfterPublication) {
  // Ten calendar days after publication, registered 2019-06-27: not before 2019-07-08.
  Checked c(instrument("  талап т § 4 { шарт ақиқат }",
                       "  күшіне_енеді жарияланғаннан_кейін 10 күнтізбелік күн тіркелген 2019-06-27\n"));
  auto at = [](const char* day) { return std::string("{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"") + day + "\"}"; };
  EXPECT_EQ(c.status(at("2019-07-07")), "not_in_force");
  EXPECT_EQ(c.status(at("2019-07-08")), "compliant");
}

}  // namespace
}  // namespace ssd::testing
