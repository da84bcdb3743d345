// Evaluation end to end: source → program → findings on records.
#include "test_support.h"

namespace ssd::testing {
namespace {

std::string rec(const std::string& fields) {
  return "{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"2025-11-27\"" + (fields.empty() ? "" : "," + fields) + "}";
}

TEST(Evaluate, AreaPerChild) {
  Checked c(instrument("  тармақ 5 { тармақша 1 { талап т { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы / тұрғын_үй.бөлмедегі_балалар_саны >= 4 м² } } }"));
  EXPECT_EQ(c.status(rec("\"housing\":{\"sleeping_area_m2\":12,\"children_in_room\":3}"), "5.1"), "pass");
  EXPECT_EQ(c.status(rec("\"housing\":{\"sleeping_area_m2\":11.9,\"children_in_room\":3}"), "5.1"), "fail");
  EXPECT_EQ(c.status(rec("\"housing\":{\"children_in_room\":3}"), "5.1"), "missing_data");
  EXPECT_EQ(c.status(rec("\"housing\":{\"sleeping_area_m2\":12,\"children_in_room\":0}"), "5.1"), "missing_data");
  EXPECT_EQ(c.status(rec("\"housing\":{\"children_in_room\":3}")), "incomplete");
}

TEST(Evaluate, FailureSaysWhatWasFound) {
  Checked c(instrument("  тармақ 5 { тармақша 1 { талап т { сипаттама \"аудан\" талап_етіледі тұрғын_үй.жатын_бөлме_ауданы / тұрғын_үй.бөлмедегі_балалар_саны >= 4 м² } } }"));
  const RecordResult& r = c.check(rec("\"housing\":{\"sleeping_area_m2\":9,\"children_in_room\":3}"));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_NE(r.findings[0].detail_kk.find("3 м²"), std::string::npos) << r.findings[0].detail_kk;
  EXPECT_NE(r.findings[0].detail_kk.find("4 м²"), std::string::npos) << r.findings[0].detail_kk;
}

TEST(Evaluate, MissingNeverPasses) {
  Checked c(instrument("  тармақ 22 { талап т { талап_етіледі шағымдар_кітабы.жүргізіледі } }"));
  EXPECT_EQ(c.status(rec(""), "22"), "missing_data");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"kept\":null}"), "22"), "missing_data");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"kept\":false}"), "22"), "fail");
}

TEST(Evaluate, KleeneLogic) {
  Checked c(instrument("  тармақ 1 { талап бірге { талап_етіледі шағымдар_кітабы.жүргізіледі және 1 > 2 } }\n"
                       "  тармақ 2 { талап бірі { талап_етіледі шағымдар_кітабы.жүргізіледі немесе 2 > 1 } }"));
  EXPECT_EQ(c.status(rec(""), "1"), "fail");  // false and missing = false
  EXPECT_EQ(c.status(rec(""), "2"), "pass");  // missing or true = true
}

TEST(Evaluate, ConditionalsAreNotApplicableWhenThePremiseFails) {
  Checked c(instrument("  тармақ 4 { талап т { талап_етіледі егер клиент.санаттары тізімінде жетім болса қабылдау.негіздеме = жао_шешімі } }"));
  EXPECT_EQ(c.status(rec("\"client\":{\"categories\":[\"orphan\"]},\"admission\":{\"basis\":\"lea_decision\"}"), "4"), "pass");
  EXPECT_EQ(c.status(rec("\"client\":{\"categories\":[\"orphan\"]},\"admission\":{\"basis\":\"court_act\"}"), "4"), "fail");
  EXPECT_EQ(c.status(rec("\"client\":{\"categories\":[\"deviant_behaviour\"]}"), "4"), "not_applicable");
  EXPECT_EQ(c.status(rec("\"client\":{\"categories\":[\"deviant_behaviour\"]}")), "compliant");
  EXPECT_EQ(c.status(rec("\"admission\":{\"basis\":\"court_act\"}"), "4"), "missing_data");
}

TEST(Evaluate, AgeInCompletedYears) {
  Checked c(instrument("  тармақ 1 { талап т { талап_етіледі жасы(клиент.туған_күні, қабылдау.күні) >= 11 және жасы(клиент.туған_күні, қабылдау.күні) < 18 } }"));
  EXPECT_EQ(c.status(rec("\"client\":{\"birth_date\":\"2012-05-10\"},\"admission\":{\"date\":\"2023-05-10\"}"), "1"), "pass");
  EXPECT_EQ(c.status(rec("\"client\":{\"birth_date\":\"2012-05-10\"},\"admission\":{\"date\":\"2023-05-09\"}"), "1"), "fail");
  EXPECT_EQ(c.status(rec("\"client\":{\"birth_date\":\"2005-05-10\"},\"admission\":{\"date\":\"2023-05-10\"}"), "1"), "fail");
}

TEST(Evaluate, CalendarDayTerms) {
  Checked c(instrument("  тармақ 18 { талап т { талап_етіледі жоспар.әзірленген_күні <= қабылдау.күні + 14 күнтізбелік күн } }"));
  EXPECT_EQ(c.status(rec("\"admission\":{\"date\":\"2010-04-12\"},\"plan\":{\"developed\":\"2010-04-26\"}"), "18"), "pass");
  EXPECT_EQ(c.status(rec("\"admission\":{\"date\":\"2010-04-12\"},\"plan\":{\"developed\":\"2010-04-27\"}"), "18"), "fail");
}

// A term that leads past 9999-12-31 gives no date to judge by; none overflows the arithmetic.
TEST(Evaluate, TermsPastTheCalendarJudgeNothing) {
  Checked c(instrument("  тармақ 18 { талап т { талап_етіледі жоспар.әзірленген_күні <= қабылдау.күні + 99999999999 жыл } }\n"
                       "  тармақ 19 { талап а { талап_етіледі жоспар.әзірленген_күні <= қабылдау.күні + 8000 жыл } }\n"
                       "  тармақ 20 { талап к { талап_етіледі күнтізбелік_кезең_сайын(мониторинг_күндері, 99999999999 ай, тексеру_күні) } }"));
  const std::string record = rec("\"admission\":{\"date\":\"2010-04-12\"},\"plan\":{\"developed\":\"2010-04-26\"},"
                                 "\"monitoring\":[\"2020-01-01\"]");
  EXPECT_EQ(c.status(record, "18"), "missing_data");
  EXPECT_EQ(c.status(record, "19"), "missing_data");
  EXPECT_EQ(c.status(record, "20"), "missing_data");
  const RecordResult& r = c.check(record);
  EXPECT_EQ(r.findings.at(0).detail_en, "the term leads outside the years 0–9999");
}

TEST(Evaluate, WorkingDayTerms) {
  Checked c(instrument("  тармақ 16 { талап т { талап_етіледі шарт.күні <= қабылдау.негіздеме_күні + 1 жұмыс күні } }"));
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
  Checked c(instrument("  тармақ 22 { талап т { талап_етіледі кезең_сайын(шағымдар_кітабы.қаралған_күндері, 1 апта, тексеру_күні) } }\n"
                       "  тармақ 6 { талап а { талап_етіледі кезең_сайын(шағымдар_кітабы.қаралған_күндері, 1 ай, тексеру_күні) } }"));
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"reviews\":[\"2025-11-20\",\"2025-11-13\",\"2025-11-27\"]}"), "22"), "pass");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"reviews\":[\"2025-11-12\",\"2025-11-20\",\"2025-11-27\"]}"), "22"), "fail");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"reviews\":[\"2025-11-13\",\"2025-11-19\"]}"), "22"), "fail");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"reviews\":[]}"), "22"), "fail");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"reviews\":[\"2025-09-26\",\"2025-10-26\",\"2025-11-26\"]}"), "6"), "pass");
  EXPECT_EQ(c.status(rec("\"complaints_book\":{\"reviews\":[\"2025-09-26\",\"2025-10-29\",\"2025-11-26\"]}"), "6"), "fail");
}

TEST(Evaluate, MappingsAndSets) {
  Checked c(instrument(
      "  сәйкестік_кестесі негіз : санат -> негіздеме § 4 { жетім -> жао_шешімі  девиант -> сот_актісі }\n"
      "  тармақ 4 { талап н { талап_етіледі негіз(клиент.санаттары) тізімінде қабылдау.негіздеме } }\n"
      "  тармақ 6 { талап қ { талап_етіледі қабылдау.құжаттар + қабылдау.сұратылған_құжаттар тізімінде {куәлік, анықтамасы} } }"));
  EXPECT_EQ(c.status(rec("\"client\":{\"categories\":[\"orphan\",\"deviant_behaviour\"]},\"admission\":{\"basis\":\"court_act\"}"), "4"), "pass");
  EXPECT_EQ(c.status(rec("\"client\":{\"categories\":[\"orphan\"]},\"admission\":{\"basis\":\"court_act\"}"), "4"), "fail");
  EXPECT_EQ(c.status(rec("\"admission\":{\"documents\":[\"birth_or_id\"],\"requests_sent\":[\"stay_certificate\"]}"), "6"), "pass");
  EXPECT_EQ(c.status(rec("\"admission\":{\"documents\":[\"birth_or_id\"],\"requests_sent\":[]}"), "6"), "fail");
}

TEST(Evaluate, AttestedRequirementsAreReportedOnlyWhenAttested) {
  Checked c(instrument("  тармақ 6 { тармақша 4 \"жиһаз\" { талап ж куәландырылады { } } }"));
  EXPECT_EQ(c.status(rec(""), "6.4"), "");
  EXPECT_EQ(c.status(rec("\"attestations\":{\"6.4\":true}"), "6.4"), "pass");
  EXPECT_EQ(c.status(rec("\"attestations\":{\"6.4\":false}"), "6.4"), "fail");
  EXPECT_EQ(c.status(rec("\"attestations\":{\"6.4\":\"not_applicable\"}"), "6.4"), "not_applicable");
  EXPECT_EQ(c.status(rec("\"attestations\":{\"6.4\":\"yes\"}")), "error");
}

TEST(Evaluate, PeriodOfForce) {
  Checked c(instrument("  тармақ 4 { талап т { талап_етіледі ақиқат } }",
                       "  күшіне_енеді 2020-01-01\n  күші_жойылады 2023-07-01\n"));
  auto at = [](const char* day) { return std::string("{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"") + day + "\"}"; };
  EXPECT_EQ(c.status(at("2019-12-31")), "not_in_force");
  EXPECT_EQ(c.status(at("2020-01-01")), "compliant");
  EXPECT_EQ(c.status(at("2023-06-30")), "compliant");
  EXPECT_EQ(c.status(at("2023-07-01")), "not_in_force");
}

TEST(Evaluate, InForceAfterPublication) {
  // Ten calendar days after publication, registered 2019-06-27: not before 2019-07-08.
  Checked c(instrument("  тармақ 4 { талап т { талап_етіледі ақиқат } }",
                       "  күшіне_енеді жарияланғаннан_кейін 10 күнтізбелік күн тіркелген 2019-06-27\n"));
  auto at = [](const char* day) { return std::string("{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"") + day + "\"}"; };
  EXPECT_EQ(c.status(at("2019-07-07")), "not_in_force");
  EXPECT_EQ(c.status(at("2019-07-08")), "compliant");
}

}  // namespace
}  // namespace ssd::testing

namespace ssd::testing {
namespace {

std::string supplies(const std::string& items) {
  return "{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"2025-05-20\",\"supplies\":[" + items + "]}";
}

TEST(Lists, AtMostOneDiaperADay) {
  Checked c(instrument("  қосымша 3 { жол 18 { талап ж { талап_етіледі жабдықтау тізімінде әрбір s:\n"
                       "    қосынды(жабдықтау тізімінде t қайда t.заты = жаялық және t.күні = s.күні: t.саны) <= 1 } } }"));
  const std::string one = "{\"item\":\"diapers\",\"date\":\"2025-05-06\",\"quantity\":1}";
  const std::string two = "{\"item\":\"diapers\",\"date\":\"2025-05-07\",\"quantity\":2}";
  const std::string other = "{\"item\":\"soap\",\"date\":\"2025-05-06\",\"quantity\":3}";
  EXPECT_EQ(c.status(supplies(one + "," + other), "app3:18"), "pass");
  EXPECT_EQ(c.status(supplies(one + "," + one), "app3:18"), "fail");
  EXPECT_EQ(c.status(supplies(one + "," + two), "app3:18"), "fail");
  EXPECT_EQ(c.status(supplies(""), "app3:18"), "pass");  // nothing issued, nothing exceeded
  EXPECT_EQ(c.status("{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"2025-05-20\"}", "app3:18"), "missing_data");
  EXPECT_EQ(c.status(supplies("{\"item\":\"diapers\",\"date\":\"2025-05-06\"}"), "app3:18"), "missing_data");
  const RecordResult& r = c.check(supplies(one + "," + two));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_NE(r.findings[0].detail_kk.find("2-жазба"), std::string::npos) << r.findings[0].detail_kk;
}

TEST(Lists, SomeAndCount) {
  Checked c(instrument("  тармақ 1 { талап а { талап_етіледі жабдықтау тізімінде кемінде_біреуі s: s.дәрігер_қорытындысы } }\n"
                       "  тармақ 2 { талап б { талап_етіледі саны(жабдықтау тізімінде s қайда s.заты = жаялық) <= 1 } }\n"
                       "  тармақ 3 { талап в { талап_етіледі саны(жабдықтау) >= 1 } }"));
  const std::string yes = "{\"item\":\"diapers\",\"date\":\"2025-05-06\",\"quantity\":1,\"doctor_conclusion\":true}";
  const std::string no = "{\"item\":\"diapers\",\"date\":\"2025-05-07\",\"quantity\":1,\"doctor_conclusion\":false}";
  EXPECT_EQ(c.status(supplies(no + "," + yes), "1"), "pass");
  EXPECT_EQ(c.status(supplies(no), "1"), "fail");
  EXPECT_EQ(c.status(supplies(no + "," + yes), "2"), "fail");
  EXPECT_EQ(c.status(supplies(no), "2"), "pass");
  EXPECT_EQ(c.status(supplies(""), "3"), "fail");
}

TEST(Lists, WrongElementIsAnError) {
  Checked c(instrument("  тармақ 1 { талап а { талап_етіледі саны(жабдықтау) >= 0 } }"));
  EXPECT_EQ(c.status(supplies("{\"item\":\"diapers\",\"date\":\"7 May\"}")), "error");
  EXPECT_EQ(c.status(supplies("42")), "error");
}

TEST(RiskRows, ViolationsAndComplaints) {
  Checked c(instrument("  тармақ 12 { талап р12 ауырлық өрескел { талап_етіледі бұзушылықтар тізімінде \"12\" емес } }\n"
                       "  тармақ 87 { талап р87 ауырлық өрескел { талап_етіледі бұзушылықтар тізімінде \"87\" емес және шағымдар[\"87\"] болмаса 0 < 2 } }"));
  auto rec = [](const std::string& body) { return "{\"id\":\"s\",\"standard\":\"t-1\",\"as_of\":\"2025-06-10\"," + body + "}"; };
  EXPECT_EQ(c.status(rec("\"violations\":[\"12\",\"30\"],\"complaints\":{\"87\":3}"), "12"), "fail");
  EXPECT_EQ(c.status(rec("\"violations\":[\"12\",\"30\"],\"complaints\":{\"87\":3}"), "87"), "fail");
  EXPECT_EQ(c.status(rec("\"violations\":[\"30\"],\"complaints\":{\"87\":1}"), "87"), "pass");
  EXPECT_EQ(c.status(rec("\"violations\":[],\"complaints\":{}"), "87"), "pass");
  EXPECT_EQ(c.status(rec("\"violations\":[]"), "12"), "pass");
  EXPECT_EQ(c.status(rec("\"complaints\":{}"), "12"), "missing_data");
  EXPECT_EQ(c.status(rec("\"violations\":[12]")), "error");
  const RecordResult& r = c.check(rec("\"violations\":[\"12\"]"));
  EXPECT_EQ(severity_code(r.program->requirements[r.findings[0].requirement].severity), std::string("gross"));
}

TEST(Provisions, NotesAndLinksReachTheProgram) {
  const CompileResult r = compile_text(instrument(
      "  ескертпе \"тек 5-тармақ берілген\"\n"
      "  тармақ 1 \"құқықтық негіз\" { кодталмайды \"тексерілмейді\" }\n"
      "  тармақ 2 \"x\" { талап к куәландырылады { тексереді risk-criteria § 12 тексереді edu-org § 5.1 } }"));
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  const Program& p = r.instruments[0].program;
  ASSERT_EQ(p.instrument.notes.size(), 1u);
  ASSERT_EQ(p.provisions.size(), 2u);
  EXPECT_EQ(p.provisions[0].rule, "1");
  EXPECT_EQ(p.provisions[0].text, "құқықтық негіз");
  EXPECT_EQ(p.provisions[0].reason, "тексерілмейді");
  EXPECT_EQ(p.provisions[1].reason, "");
  ASSERT_EQ(p.requirements[0].inspects.size(), 2u);
  EXPECT_EQ(p.requirements[0].inspects[1], std::make_pair(std::string("edu-org"), std::string("5.1")));
}

}  // namespace
}  // namespace ssd::testing

namespace ssd::testing {
namespace {

TEST(Summary, ViolationsBySeverityAndGroup) {
  Checked c(instrument(
      "  тізбе топ { тексерулер = \"inspections\" \"алдыңғы тексерулер\"  шағымдар_тобы = \"complaints\" \"шағымдар\" }\n"
      "  тармақ 1 { талап р1 ауырлық өрескел { тобы тексерулер талап_етіледі бұзушылықтар тізімінде \"1\" емес } }\n"
      "  тармақ 2 { талап р2 ауырлық болмашы { тобы тексерулер талап_етіледі бұзушылықтар тізімінде \"2\" емес } }\n"
      "  тармақ 3 { талап р3 ауырлық өрескел { тобы шағымдар_тобы талап_етіледі шағымдар[\"3\"] болмаса 0 < 2 } }"));
  std::string out;
  append_jsonl(c.check("{\"id\":\"s\",\"standard\":\"t-1\",\"as_of\":\"2025-01-01\",\"violations\":[\"1\",\"2\"],"
                       "\"complaints\":{\"3\":2}}"), out);
  EXPECT_NE(out.find("\"summary\":{\"violations\":3,\"by_severity\":{\"gross\":2,\"minor\":1},"
                     "\"by_group\":{\"complaints\":1,\"inspections\":2}}"), std::string::npos) << out;
  JsonlWriter writer;
  std::string fast;
  writer.append(c.check("{\"id\":\"s\",\"standard\":\"t-1\",\"as_of\":\"2025-01-01\",\"violations\":[\"1\",\"2\"],"
                        "\"complaints\":{\"3\":2}}"), fast);
  EXPECT_EQ(fast, out);
}

}  // namespace
}  // namespace ssd::testing

namespace ssd::testing {
namespace {

TEST(Evaluate, InEveryCalendarMonth) {
  Checked c(instrument("  тармақ 7 { талап а { талап_етіледі күнтізбелік_кезең_сайын(шағымдар_кітабы.қаралған_күндері, 1 ай, тексеру_күні) } }\n"
                       "  тармақ 8 { талап т { талап_етіледі күнтізбелік_кезең_сайын(шағымдар_кітабы.қаралған_күндері, 3 ай, тексеру_күні) } }"));
  auto rec = [](const std::string& as_of, const std::string& reviews) {
    return "{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"" + as_of + "\",\"complaints_book\":{\"reviews\":[" + reviews + "]}}";
  };
  // 26 Sep → 29 Oct is more than a month apart, yet each month has its review.
  EXPECT_EQ(c.status(rec("2025-11-27", "\"2025-09-26\",\"2025-10-29\",\"2025-11-26\""), "7"), "pass");
  // November has not ended on the 27th: no review yet is no violation.
  EXPECT_EQ(c.status(rec("2025-11-27", "\"2025-09-26\",\"2025-10-29\""), "7"), "pass");
  EXPECT_EQ(c.status(rec("2025-12-01", "\"2025-09-26\",\"2025-10-29\""), "7"), "fail");
  EXPECT_EQ(c.status(rec("2025-11-27", "\"2025-08-30\",\"2025-10-01\""), "7"), "fail");  // none in September
  const RecordResult& r = c.check(rec("2025-11-27", "\"2025-08-30\",\"2025-10-01\""));
  EXPECT_NE(r.findings[0].detail_kk.find("2025-09"), std::string::npos) << r.findings[0].detail_kk;
  // Calendar quarters: Q3 and Q4 of 2025 each have one.
  EXPECT_EQ(c.status(rec("2026-01-05", "\"2025-07-01\",\"2025-12-31\""), "8"), "pass");
  EXPECT_EQ(c.status(rec("2026-01-05", "\"2025-06-30\",\"2025-12-31\""), "8"), "fail");  // none in Q3
  EXPECT_EQ(c.status(rec("2026-01-05", ""), "8"), "fail");
}

}  // namespace
}  // namespace ssd::testing

namespace ssd::testing {
namespace {

TEST(Evaluate, InForceAfterAKnownPublication) {
  Checked c(instrument("  тармақ 4 { талап т { талап_етіледі ақиқат } }",
                       "  күшіне_енеді жарияланғаннан_кейін 10 күнтізбелік күн тіркелген 2019-06-27 жарияланған 2019-07-03\n"));
  auto at = [](const char* day) { return std::string("{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"") + day + "\"}"; };
  EXPECT_EQ(c.status(at("2019-07-13")), "not_in_force");
  EXPECT_EQ(c.status(at("2019-07-14")), "compliant");
}

// "Within one working day of the permission": while the day runs, an absent contract is no
// violation yet (language.md §22); once it is over, absent is missing data and late fails.
TEST(Evaluate, TermStillRunningIsNotYetDue) {
  Checked c(instrument("  тармақ 12 { талап т { талап_етіледі қабылдау.негіздеме = рұқсат және шарт.күні <= қабылдау.негіздеме_күні + 1 жұмыс күні } }\n"
                       "  тармақ 13 { талап у { талап_етіледі шарт.күні < қабылдау.негіздеме_күні + 2 жұмыс күні } }"));
  auto on = [](const std::string& as_of, const std::string& more = "") {
    return "{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"" + as_of +
           "\",\"admission\":{\"basis\":\"permission\",\"basis_date\":\"2025-09-19\"}" + more + "}";
  };
  // Friday's permission: the working day runs over the weekend until Monday 2025-09-22.
  EXPECT_EQ(c.status(on("2025-09-20"), "12"), "not_applicable");
  EXPECT_EQ(c.status(on("2025-09-22"), "12"), "not_applicable");
  EXPECT_EQ(c.status(on("2025-09-23"), "12"), "missing_data");
  EXPECT_EQ(c.status(on("2025-09-22", ",\"contract\":{\"date\":\"2025-09-23\"}"), "12"), "fail");
  EXPECT_EQ(c.status(on("2025-09-22", ",\"contract\":{\"date\":\"2025-09-22\"}"), "12"), "pass");
  // "<": the last day of the term is the one before the bound (two working days: Tuesday
  // 2025-09-23; the last day, Monday 2025-09-22).
  EXPECT_EQ(c.status(on("2025-09-22"), "13"), "not_applicable");
  EXPECT_EQ(c.status(on("2025-09-23"), "13"), "missing_data");
  // The premise false: the requirement fails whatever the term.
  EXPECT_EQ(c.status("{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"2025-09-20\",\"admission\":{\"basis\":\"decision\",\"basis_date\":\"2025-09-19\"}}", "12"), "fail");
  // The event the term counts from is absent: missing data, not a term running.
  EXPECT_EQ(c.status("{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"2025-09-20\",\"admission\":{\"basis\":\"permission\"}}", "12"), "missing_data");

  const RecordResult& r = c.check(on("2025-09-22"));
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.message(r.findings[0]), "т: мерзімі әлі өтпеген — «шарт.күні» әлі жоқ, мерзім 2025-09-22 қоса алғанда жүреді.");
  EXPECT_EQ(r.message(r.findings[0], true), "т: not yet due — 'шарт.күні' is not there yet, and the term runs until 2025-09-22 inclusive.");
  std::string line;
  JsonlWriter(true).append(r, line);
  EXPECT_NE(line.find("мерзім 2025-09-22 қоса алғанда жүреді"), std::string::npos) << line;
  EXPECT_NE(line.find("\"rule\":\"13\",\"status\":\"not_applicable\""), std::string::npos) << line;
  EXPECT_NE(line.find("term runs until 2025-09-22 inclusive"), std::string::npos) << line;
}

// A periodic duty counted from its start: no date while the first period runs is not yet due;
// once it is over, no date, or a first date after it, fails; without the start, as before.
TEST(Evaluate, FirstPeriodStillRunningIsNotYetDue) {
  Checked c(instrument("  тармақ 19 { талап т { талап_етіледі кезең_сайын(мониторинг_күндері, 3 ай, тексеру_күні, қабылдау.күні) } }"));
  auto on = [](const std::string& as_of, const std::string& more) {
    return "{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"" + as_of + "\"" + more + "}";
  };
  const std::string admitted = ",\"admission\":{\"date\":\"2010-03-01\"}";
  EXPECT_EQ(c.status(on("2010-03-01", admitted + ",\"monitoring\":[]"), "19"), "not_applicable");
  EXPECT_EQ(c.status(on("2010-06-02", admitted + ",\"monitoring\":[]"), "19"), "fail");
  EXPECT_EQ(c.status(on("2010-06-10", admitted + ",\"monitoring\":[\"2010-06-02\"]"), "19"), "fail");
  EXPECT_EQ(c.status(on("2010-06-10", admitted + ",\"monitoring\":[\"2010-06-01\"]"), "19"), "pass");
  EXPECT_EQ(c.status(on("2010-05-01", admitted), "19"), "missing_data");
  EXPECT_EQ(c.status(on("2010-05-01", ",\"monitoring\":[]"), "19"), "fail");  // no start: as before
  EXPECT_EQ(c.status(on("2010-05-01", ",\"monitoring\":[\"2010-04-20\"]"), "19"), "pass");

  const RecordResult& due = c.check(on("2010-06-01", admitted + ",\"monitoring\":[]"));
  ASSERT_EQ(due.findings.size(), 1u);
  EXPECT_EQ(due.findings[0].status, FindingStatus::NotApplicable);
  EXPECT_EQ(due.message(due.findings[0]),
            "т: мерзімі әлі өтпеген — «мониторинг_күндері» бойынша әлі бірде-бір күн жоқ, бірінші кезең 2010-06-01 қоса алғанда жүреді.");
  EXPECT_EQ(due.message(due.findings[0], true),
            "т: not yet due — 'monitoring' has no date yet, and the first period runs until 2010-06-01 inclusive.");
  const RecordResult& late = c.check(on("2010-06-10", admitted + ",\"monitoring\":[\"2010-06-02\"]"));
  ASSERT_EQ(late.findings.size(), 1u);
  EXPECT_NE(late.message(late.findings[0]).find("2010-03-01 мен 2010-06-02 арасы 3 ай мерзімінен асады (басталған күннен бастап бірінші кезең)"),
            std::string::npos) << late.message(late.findings[0]);
}

// Calendar periods from the start: the first whole one is the first required.
TEST(Evaluate, FirstCalendarPeriodStillRunningIsNotYetDue) {
  Checked c(instrument("  тармақ 7 { талап т { талап_етіледі күнтізбелік_кезең_сайын(шағымдар_кітабы.қаралған_күндері, 1 ай, тексеру_күні, шағымдар_кітабы.ашылған_күні) } }"));
  auto on = [](const std::string& as_of, const std::string& opened, const std::string& reviews) {
    return "{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"" + as_of + "\",\"complaints_book\":{\"opened\":\"" + opened +
           "\",\"reviews\":[" + reviews + "]}}";
  };
  EXPECT_EQ(c.status(on("2025-11-30", "2025-10-15", ""), "7"), "not_applicable");  // November, the first whole month
  EXPECT_EQ(c.status(on("2025-12-01", "2025-10-15", ""), "7"), "fail");
  EXPECT_EQ(c.status(on("2025-10-31", "2025-10-01", ""), "7"), "not_applicable");  // October is whole
  EXPECT_EQ(c.status(on("2025-11-01", "2025-10-01", ""), "7"), "fail");
  EXPECT_EQ(c.status(on("2025-11-27", "2025-09-15", "\"2025-10-20\""), "7"), "pass");
  EXPECT_EQ(c.status(on("2025-11-27", "2025-09-15", "\"2025-09-20\""), "7"), "fail");
  const RecordResult& r = c.check(on("2025-11-30", "2025-10-15", ""));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_NE(r.message(r.findings[0]).find("бірінші кезең 2025-11-30 қоса алғанда жүреді"), std::string::npos) << r.message(r.findings[0]);
}

// A rule of `attestations` that no attested requirement cites is not read, and the result says so.
TEST(Evaluate, UnknownAttestationsAreShown) {
  Checked c(instrument("  тармақ 6 { тармақша 4 \"жиһаз\" { талап ж куәландырылады { } } }\n"
                       "  тармақ 22 { талап т { талап_етіледі шағымдар_кітабы.жүргізіледі } }"));
  const RecordResult& r = c.check(rec("\"attestations\":{\"6.4\":true,\"6.9\":false,\"22\":true,\"6.9\":true}"));
  EXPECT_EQ(r.status, RecordStatus::Incomplete);
  EXPECT_EQ(r.unknown_attestations, (std::vector<std::string>{"6.9", "22"}));
  std::string line;
  JsonlWriter().append(r, line);
  EXPECT_NE(line.find("],\"unknown_attestations\":[\"6.9\",\"22\"]}"), std::string::npos) << line;
  std::string text;
  append_text(r, text, true);
  EXPECT_NE(text.find("attestations of no attested requirement, not read: 6.9, 22"), std::string::npos) << text;
  const RecordResult& known = c.check(rec("\"attestations\":{\"6.4\":true}"));
  EXPECT_TRUE(known.unknown_attestations.empty());
  line.clear();
  JsonlWriter().append(known, line);
  EXPECT_EQ(line.find("unknown_attestations"), std::string::npos) << line;
}

// A row of a closed table named in the record: the row, its criterion and its degree.
TEST(Evaluate, ViolatedRowInPlainWords) {
  Checked c(instrument("  жабық бұзушылықтар\n"
                       "  жол 2 \"Қызметті алушыға қатысты арнаулы әлеуметтік қызметтердің кепілдік берілген көлемін ұсыну туралы шешім шығару мерзімдерінің сақталуы\" {\n"
                       "    талап а ауырлық өрескел { сипаттама \"шешім мерзімдері\" талап_етіледі бұзушылықтар тізімінде \"2\" емес }\n"
                       "  }"));
  const RecordResult& r = c.check(rec("\"violations\":[\"2\"]"));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.message(r.findings[0]),
            "шешім мерзімдері: талап орындалмады — 2-жол («Қызметті алушыға қатысты арнаулы әлеуметтік қызметтердің кепілдік берілген көлемін…») "
            "бұзылған деп анықталды; бұзушылық дәрежесі: өрескел.");
  EXPECT_NE(r.message(r.findings[0], true).find("row 2 ('Қызметті"), std::string::npos) << r.message(r.findings[0], true);
  EXPECT_NE(r.message(r.findings[0], true).find("was found violated; degree: gross."), std::string::npos) << r.message(r.findings[0], true);
}

// A first day in force, or a repeal, that depends on an unknown publication: the earliest day is
// the rule, and a record judged in the publication term after it says so.
TEST(Evaluate, UncertainPeriodsOfForce) {
  Checked c(instrument("  тармақ 1 { талап а { талап_етіледі ақиқат } }",
                       "  күшіне_енеді жарияланғаннан_кейін 10 күнтізбелік күн тіркелген 2022-10-03 \"4-тармақ\"\n"
                       "  жариялау_мерзімі 10 күнтізбелік күн \"жариялауға жіберу мерзімі\"\n"
                       "  күші_жойылады 2024-01-01 жариялау_мерзімі 1 апта \"№ 9 бұйрық\"\n"));
  auto at = [](const std::string& as_of) { return "{\"id\":\"r\",\"standard\":\"t-1\",\"as_of\":\"" + as_of + "\"}"; };
  EXPECT_EQ(c.check(at("2022-10-13")).uncertain, -1);
  const RecordResult& first = c.check(at("2022-10-14"));
  EXPECT_EQ(first.status, RecordStatus::Compliant);
  ASSERT_EQ(first.uncertain, 0);
  std::string line;
  JsonlWriter().append(first, line);
  EXPECT_NE(line.find(",\"in_force_uncertain\":{\"from\":\"2022-10-14\",\"to\":\"2022-10-23\",\"why\":\"4-тармақ: күшіне ену күні"),
            std::string::npos) << line;
  std::string text, english;
  append_text(first, text);
  append_text(first, english, true);
  EXPECT_NE(text.find("\n    күшінде болуы белгісіз: 2022-10-14 – 2022-10-23: 4-тармақ"), std::string::npos) << text;
  EXPECT_NE(english.find("\n    in force uncertain: 2022-10-14 – 2022-10-23: 4-тармақ"), std::string::npos) << english;
  EXPECT_EQ(c.check(at("2022-10-23")).uncertain, 0);
  EXPECT_EQ(c.check(at("2022-10-24")).uncertain, -1);
  const RecordResult& repealed = c.check(at("2024-01-07"));
  EXPECT_EQ(repealed.status, RecordStatus::NotInForce);
  EXPECT_EQ(repealed.uncertain, 1);
  EXPECT_EQ(c.check(at("2024-01-08")).uncertain, -1);
}

}  // namespace
}  // namespace ssd::testing
