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

}  // namespace
}  // namespace ssd::testing
