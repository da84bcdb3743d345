// The pieces that make checking fast keep its results exact: the perfect hash of keys and codes,
// the JSON escaper, findings without explanations, brief and failing output.
#include <random>

#include "json_escape.h"
#include "key_table.h"
#include "test_support.h"

namespace ssd::testing {
namespace {

TEST(KeyTable, FindsEveryKeyAndNothingElse) {
  const std::vector<std::string> keys = {"id", "standard", "as_of", "client", "admission", "housing",
                                         "complaints_book", "attestations", "a", ""};
  const KeyTable table(keys);
  for (size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(table.find(keys[i]), static_cast<int>(i)) << keys[i];
  for (const char* other : {"ID", "standards", "as_o", "b", "housing ", "clientt", "x"}) EXPECT_EQ(table.find(other), -1) << other;
  EXPECT_EQ(KeyTable().find("id"), -1);
}

TEST(KeyTable, KeysAlikeInTheirSampledBytes) {
  // Same length, same first, last, middle and quarter bytes: told apart by a hash of every byte.
  const std::vector<std::string> keys = {"a0b0c0d0e", "a1b0c0d0e", "a2b0c0d0e", "a0b1c0d0e"};
  const KeyTable table(keys);
  for (size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(table.find(keys[i]), static_cast<int>(i));
  EXPECT_EQ(table.find("a3b0c0d0e"), -1);
}

TEST(KeyTable, ManyKeysAndAKeyGivenTwice) {
  std::vector<std::string> keys;
  for (int i = 0; i < 200; ++i) keys.push_back("row_" + std::to_string(i));
  keys.push_back("row_7");  // found at its first place
  const KeyTable table(keys);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(table.find("row_" + std::to_string(i)), i);
  EXPECT_EQ(table.find("row_200"), -1);
}

// The escaper of before, one byte at a time: the reference.
std::string reference_json(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char u[8];
          std::snprintf(u, sizeof u, "\\u%04x", static_cast<unsigned char>(c));
          out += u;
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

TEST(JsonEscape, AsTheByteByByteEscaperOnRandomText) {
  std::mt19937 random(7);
  const std::string alphabet = std::string("abc \"\\\n\r\t\x01\x1f\x7f/", 14) + "қазақ мәтіні";
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) s.push_back(alphabet[random() % alphabet.size()]);
    std::string out;
    append_json_string(s, out);
    ASSERT_EQ(out, reference_json(s)) << n;
  }
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  std::string out;
  append_json_string(all, out);
  EXPECT_EQ(out, reference_json(all));
}

TEST(JsonEscape, PiecesEscapeAsTheirConcatenation) {
  std::string pieces, whole;
  for (std::string_view p : {"а\"б", "\\", "\n1234567890", "\x02"}) append_json_escaped(p, pieces);
  append_json_escaped("а\"б\\\n1234567890\x02", whole);
  EXPECT_EQ(pieces, whole);
}

const char* const kFailing =
    R"({"id":"f","standard":"t-1","as_of":"2020-01-01","housing":{"sleeping_area_m2":3},"client":{"categories":["orphan"]}})";

class Output : public ::testing::Test {
 protected:
  Output()
      : c_(instrument("  тармақ 5 { тармақша 1 { талап т { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы >= 4 м² } } }\n"
                      "  тармақ 2 { талап к { талап_етіледі клиент.санаттары ішінде {жетім} } }\n"
                      "  тармақ 7 { талап б { талап_етіледі тұрғын_үй.бөлмедегі_балалар_саны >= 1 } }")) {}
  std::string line(const RecordResult& r, FindingsOutput findings) {
    std::string out;
    JsonlWriter(false, findings).append(r, out);
    return out;
  }
  Checked c_;
};

TEST_F(Output, FindingsWithoutExplanationsKeepTheirStatus) {
  const RecordResult& r = c_.check(kFailing);
  ASSERT_EQ(r.findings.size(), 3u);
  const std::vector<Finding> explained = r.findings;
  EXPECT_FALSE(explained[0].detail_kk.empty());  // fail: what was found
  EXPECT_FALSE(explained[2].detail_kk.empty());  // missing_data: which field

  RecordChecker quiet;
  quiet.add(r.program);
  quiet.set_explanations(RecordChecker::Explanations::None);
  const RecordResult& q = quiet.check(kFailing);
  ASSERT_EQ(q.findings.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(q.findings[i].status, explained[i].status);
    EXPECT_TRUE(q.findings[i].detail_kk.empty() && q.findings[i].detail_en.empty());
  }
  EXPECT_EQ(q.status, RecordStatus::NonCompliant);

  quiet.set_explanations(RecordChecker::Explanations::Kazakh);
  const RecordResult& k = quiet.check(kFailing);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(k.findings[i].detail_kk, explained[i].detail_kk);
    EXPECT_TRUE(k.findings[i].detail_en.empty());
  }
}

TEST_F(Output, BriefAndFailing) {
  const RecordResult& r = c_.check(kFailing);
  EXPECT_EQ(line(r, FindingsOutput::Brief),
            R"({"id":"f","standard":"t-1","status":"non_compliant","findings":[)"
            R"({"rule":"5.1","status":"fail","severity":null},{"rule":"2","status":"pass","severity":null},)"
            R"({"rule":"7","status":"missing_data","severity":null}]})"
            "\n");
  const std::string all = line(r, FindingsOutput::All), failing = line(r, FindingsOutput::Failing);
  EXPECT_EQ(failing.find("\"rule\":\"2\""), std::string::npos) << failing;
  // The failing findings are those of the full output, as they are there.
  const size_t fail_at = all.find("{\"rule\":\"5.1\""), pass_at = all.find(",{\"rule\":\"2\"");
  const size_t missing_at = all.find("{\"rule\":\"7\"");
  EXPECT_EQ(failing, all.substr(0, pass_at) + "," + all.substr(missing_at)) << all;
  EXPECT_NE(fail_at, std::string::npos);

  const RecordResult& ok = c_.check(R"({"id":"p","standard":"t-1","as_of":"2020-01-01","housing":)"
                                    R"({"sleeping_area_m2":9,"children_in_room":1},"client":{"categories":["orphan"]}})");
  EXPECT_EQ(line(ok, FindingsOutput::Failing), "{\"id\":\"p\",\"standard\":\"t-1\",\"status\":\"compliant\",\"findings\":[]}\n");
}

TEST_F(Output, AWriterReusedForManyRecordsWritesEachAsAlone) {
  JsonlWriter writer;
  std::string many, alone;
  for (const char* json : {kFailing, R"({"id":"e","standard":"t-1","as_of":"2020-13-01"})", kFailing}) {
    const RecordResult& r = c_.check(json);
    writer.append(r, many);
    append_jsonl(r, alone);
  }
  EXPECT_EQ(many, alone);
}

}  // namespace
}  // namespace ssd::testing
