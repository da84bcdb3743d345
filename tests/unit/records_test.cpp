// Records that cannot be checked get an error result that says why, and never stop the run.
#include "test_support.h"

namespace ssd::testing {
namespace {

class Records : public ::testing::Test {
 protected:
  Records() : c_(instrument("  тармақ 5 { тармақша 1 { талап т { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы >= 4 м² } } }\n"
                            "  тармақ 2 { талап к { талап_етіледі клиент.санаттары тізімінде жетім } }")) {}
  std::string error_of(const std::string& json) {
    const RecordResult& r = c_.check(json);
    EXPECT_EQ(r.status, RecordStatus::Error) << json;
    EXPECT_TRUE(r.findings.empty());
    return r.error;
  }
  Checked c_;
};

TEST_F(Records, MalformedJson) { EXPECT_NE(error_of("{\"id\": \"x\",").find("JSON"), std::string::npos); }
TEST_F(Records, NotAnObject) { EXPECT_NE(error_of("[1,2]").find("object"), std::string::npos); }
TEST_F(Records, NoId) { EXPECT_NE(error_of("{\"standard\":\"t-1\",\"as_of\":\"2020-01-01\"}").find("id"), std::string::npos); }
TEST_F(Records, UnknownStandard) {
  EXPECT_NE(error_of("{\"id\":\"x\",\"standard\":\"nope\",\"as_of\":\"2020-01-01\"}").find("unknown standard"), std::string::npos);
}
TEST_F(Records, BadAsOf) {
  EXPECT_NE(error_of("{\"id\":\"x\",\"standard\":\"t-1\",\"as_of\":\"2020-02-30\"}").find("as_of"), std::string::npos);
}
TEST_F(Records, WrongType) {
  const std::string e = error_of("{\"id\":\"x\",\"standard\":\"t-1\",\"as_of\":\"2020-01-01\",\"housing\":{\"sleeping_area_m2\":\"big\"}}");
  EXPECT_NE(e.find("housing.sleeping_area_m2"), std::string::npos) << e;
}
TEST_F(Records, WrongTypeOfAFieldNoRuleReads) {
  const std::string e = error_of("{\"id\":\"x\",\"standard\":\"t-1\",\"as_of\":\"2020-01-01\",\"client\":{\"birth_date\":20100101}}");
  EXPECT_NE(e.find("client.birth_date"), std::string::npos) << e;
}
TEST_F(Records, UnknownCode) {
  const std::string e = error_of("{\"id\":\"x\",\"standard\":\"t-1\",\"as_of\":\"2020-01-01\",\"client\":{\"categories\":[\"martian\"]}}");
  EXPECT_NE(e.find("martian"), std::string::npos) << e;
}
TEST_F(Records, GoodAfterBad) {
  error_of("{");
  EXPECT_EQ(c_.status("{\"id\":\"x\",\"standard\":\"t-1\",\"as_of\":\"2020-01-01\",\"housing\":{\"sleeping_area_m2\":5},"
                      "\"client\":{\"categories\":[\"orphan\"]}}"),
            "compliant");
}

// The organisation and date a report groups by are read whatever the record's status, and never
// carried over from the record before.
TEST_F(Records, OrganizationAndDateForReports) {
  const RecordResult& r = c_.check(
      "{\"id\":\"x\",\"standard\":\"t-1\",\"as_of\":\"2020-03-05\",\"organization\":{\"id\":\"org-7\","
      "\"name\":\"Үміт\",\"ownership\":\"state\"}}");
  EXPECT_EQ(r.as_of, "2020-03-05");
  EXPECT_EQ(r.organization_id, "org-7");
  EXPECT_EQ(r.organization_name, "Үміт");
  const RecordResult& unknown = c_.check(
      "{\"id\":\"y\",\"standard\":\"nope\",\"as_of\":\"2021-01-02\",\"organization\":{\"id\":42}}");
  EXPECT_EQ(unknown.status, RecordStatus::Error);
  EXPECT_EQ(unknown.organization_id, "42");
  EXPECT_EQ(unknown.organization_name, "");
  EXPECT_EQ(unknown.as_of, "2021-01-02");
  const RecordResult& none = c_.check("{\"id\":\"z\",\"standard\":\"t-1\",\"organization\":{\"id\":true}}");
  EXPECT_EQ(none.organization_id, "");
  EXPECT_EQ(none.as_of, "");
}

// A closed table's rows (жабық): a row it does not have makes the record an error naming it.
TEST(ClosedLists, UnknownRowIsAnError) {
  Checked c(instrument("  тізбе топ { шағымдар_тобы = \"complaints\" }\n"
                       "  жабық бұзушылықтар\n"
                       "  жабық шағымдар тобы шағымдар_тобы\n"
                       "  жол 1 \"Бірінші\" { талап а { талап_етіледі бұзушылықтар тізімінде \"1\" емес } }\n"
                       "  жол 2 \"Екінші\" { талап ә { талап_етіледі бұзушылықтар тізімінде \"2\" емес } }\n"
                       "  жол 3 \"Үшінші\" { талап б { тобы шағымдар_тобы талап_етіледі шағымдар[\"3\"] болмаса 0 < 2 } }"));
  auto record = [](const std::string& fields) {
    return "{\"id\":\"x\",\"standard\":\"t-1\",\"as_of\":\"2020-01-01\"," + fields + "}";
  };
  EXPECT_EQ(c.status(record("\"violations\":[\"2\"],\"complaints\":{\"3\":1}")), "non_compliant");
  const RecordResult& r = c.check(record("\"violations\":[\"2\",\"91\"]"));
  EXPECT_EQ(r.status, RecordStatus::Error);
  EXPECT_EQ(r.error, "violations: \"91\" is not in the closed list 'бұзушылықтар' (1–3)");
  EXPECT_EQ(c.status(record("\"violations\":[\"7\",\"0\"]")), "error");
  const RecordResult& k = c.check(record("\"complaints\":{\"1\":3}"));
  EXPECT_EQ(k.status, RecordStatus::Error);
  EXPECT_EQ(k.error, "complaints: \"1\" is not in the closed list 'шағымдар' (3, the rows of group complaints)");
}

TEST(ClosedLists, OnlyListsOfTextsAndTables) {
  const CompileResult r = compile_text(instrument("  жабық шағымдар_кітабы.жүргізіледі\n  жабық жоқ_өріс\n  жабық бұзушылықтар тобы жоқ_топ\n"
                                                  "  жабық шағымдар\n  жабық шағымдар\n"
                                                  "  тармақ 1 { талап а { талап_етіледі ақиқат } }"));
  EXPECT_EQ(diag_ids(r), "closed_type unknown_name unknown_name duplicate_name");
}

}  // namespace
}  // namespace ssd::testing
