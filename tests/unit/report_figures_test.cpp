// The figures of `ssd report`: counts per organisation and month kept while records stream by,
// the two rankings, the most failed requirements and the lines without data.
#include "org_figures.h"
#include "test_support.h"

namespace ssd::testing {
namespace {

using cli::make_figures;
using cli::month_of;
using cli::OrganizationFigures;
using cli::OrganizationsReport;
using cli::OrganizationTally;
using cli::ReportBuilder;

const char* kStandard =
    "  тармақ 1 { талап бөлме ауырлық өрескел { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы >= 4 м² } }\n"
    "  тармақ 2 { талап санат ауырлық болмашы { талап_етіледі {жетім} тізімінде клиент.санаттары } }\n"
    "  тармақ 3 { талап аудан { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы >= 1 м² } }\n"
    "  тармақ 4 \"Жиһаз заманауи талаптарға сай.\" { талап жиһаз куәландырылады { } }\n";

std::string record(const std::string& id, const std::string& org, const std::string& as_of, int area,
                   const std::string& category, const std::string& extra = "") {
  const std::string organization = org.empty() ? "" : ",\"organization\":{\"id\":\"" + org + "\",\"name\":\"" + org + "-name\"}";
  return "{\"id\":\"" + id + "\",\"standard\":\"t-1\",\"as_of\":\"" + as_of + "\",\"housing\":{\"sleeping_area_m2\":" +
         std::to_string(area) + "},\"client\":{\"categories\":[\"" + category + "\"]}" + organization + extra + "}";
}

class ReportFigures : public ::testing::Test {
 protected:
  ReportFigures() : compiled_(compile_text(instrument(kStandard))) {
    EXPECT_TRUE(compiled_.ok()) << compiled_.diagnostics.render(Lang::En);
    for (const auto& in : compiled_.instruments) programs_.push_back(std::make_shared<const Program>(in.program));
    for (const auto& p : programs_) checker_.add(p);
  }

  OrganizationsReport figures(const std::vector<std::string>& records) {
    ReportBuilder overall(programs_);
    OrganizationTally tally(programs_);
    for (const std::string& json : records) {
      const RecordResult& r = checker_.check(json);
      overall.add(r);
      tally.add(r);
    }
    return make_figures(overall.finish(), tally);
  }

  static const OrganizationFigures& org(const OrganizationsReport& r, const std::string& id) {
    for (const OrganizationFigures& o : r.organizations)
      if (o.id == id) return o;
    throw std::runtime_error("no organisation " + id);
  }

  CompileResult compiled_;
  std::vector<std::shared_ptr<const Program>> programs_;
  RecordChecker checker_;
};

TEST(ReportMonths, MonthOfAsOf) {
  EXPECT_EQ(month_of("2023-05-17"), 2023 * 12 + 4);
  EXPECT_EQ(month_of("2023-01-01"), 2023 * 12);
  EXPECT_EQ(month_of("2023-13-01"), -1);
  EXPECT_EQ(month_of("2023-5-1"), -1);
  EXPECT_EQ(month_of("2023-02-30"), -1);
  EXPECT_EQ(month_of("2023-05"), -1);
  EXPECT_EQ(month_of(""), -1);
  EXPECT_EQ(cli::month_text(2023 * 12 + 4), "2023-05");
}

TEST_F(ReportFigures, RankingsAndCountsBehindThem) {
  const OrganizationsReport r = figures({
      record("a1", "a", "2024-01-10", 5, "orphan"),              // compliant
      record("a2", "a", "2024-01-20", 3, "orphan"),              // § 1 fails: gross
      record("a3", "a", "2024-02-05", 5, "deviant_behaviour"),   // § 2 fails: minor
      "{\"id\":\"a4\",\"standard\":\"nope\",\"as_of\":\"2024-02-07\",\"organization\":{\"id\":\"a\"}}",  // error
      "{\"id\":\"a5\",\"standard\":\"t-1\",\"as_of\":\"soon\",\"organization\":{\"id\":\"a\"}}",          // error, no month
      record("b1", "b", "2024-02-01", 3, "deviant_behaviour"),   // § 1 and § 2 fail
      record("b2", "b", "2024-03-01", 5, "orphan", ",\"attestations\":{\"4\":true}"),
      record("b3", "b", "2024-03-02", 5, "orphan"),
      record("b4", "b", "2024-03-03", 5, "orphan"),
      record("b5", "b", "2024-03-04", 5, "deviant_behaviour"),   // § 2 fails
      record("n1", "", "2024-01-05", 5, "orphan"),               // no organisation, compliant
  });
  ASSERT_EQ(r.organizations.size(), 3u);
  // By share: a 2/3, b 2/5, the group without an organisation 0/1.
  EXPECT_EQ(r.organizations[0].id, "a");
  EXPECT_EQ(r.organizations[1].id, "b");
  EXPECT_EQ(r.organizations[2].id, "");
  const OrganizationFigures& a = org(r, "a");
  EXPECT_EQ(a.name, "a-name");
  EXPECT_EQ(a.non_compliant.part, 2);
  EXPECT_EQ(a.non_compliant.whole, 3);  // the error records are not checked
  EXPECT_EQ(cli::total(a.records), 5);
  EXPECT_EQ(a.without_month, 1);
  EXPECT_EQ(a.violations.gross, 1);
  EXPECT_EQ(a.violations.minor, 1);
  const OrganizationFigures& b = org(r, "b");
  EXPECT_EQ(b.non_compliant.part, 2);
  EXPECT_EQ(b.non_compliant.whole, 5);
  EXPECT_EQ(b.violations.gross, 1);
  EXPECT_EQ(b.violations.minor, 2);
  // By severity: gross equal, no significant, then b's two minor violations before a's one.
  EXPECT_EQ(b.rank_by_severity, 1u);
  EXPECT_EQ(a.rank_by_severity, 2u);
  EXPECT_EQ(a.rank_by_share, 1u);
  EXPECT_EQ(r.organizations[r.by_severity[0]].id, "b");
}

TEST_F(ReportFigures, MonthsAndMostFailed) {
  const OrganizationsReport r = figures({
      record("a1", "a", "2024-01-10", 5, "orphan"),
      record("a2", "a", "2024-01-20", 3, "orphan"),
      record("a3", "a", "2024-02-05", 5, "deviant_behaviour"),
      record("b1", "b", "2024-02-01", 3, "deviant_behaviour"),
      record("b5", "b", "2024-03-04", 5, "deviant_behaviour"),
  });
  const OrganizationFigures& a = org(r, "a");
  ASSERT_EQ(a.months.size(), 2u);
  EXPECT_EQ(a.months[0].month, month_of("2024-01-01"));
  EXPECT_EQ(a.months[0].compliant().part, 1);
  EXPECT_EQ(a.months[0].compliant().whole, 2);
  ASSERT_EQ(a.top.size(), 2u);  // equal failures: in the order of the rules
  EXPECT_EQ(a.top[0].line.rule, "1");
  EXPECT_EQ(a.top[0].severity, Severity::Gross);
  ASSERT_EQ(a.top[0].by_month.size(), 1u);
  EXPECT_EQ(a.top[0].by_month[0], std::make_pair(month_of("2024-01-01"), 1));
  EXPECT_EQ(a.top[1].line.rule, "2");
  // Over all records § 2 failed three times, § 1 twice.
  ASSERT_EQ(r.top.size(), 2u);
  EXPECT_EQ(r.top[0].line.rule, "2");
  EXPECT_EQ(r.top[0].line.counts.fail, 3);
  // Summed over the organisations: a3 and b1 in February, b5 in March.
  ASSERT_EQ(r.top[0].by_month.size(), 2u);
  EXPECT_EQ(r.top[0].by_month[0], std::make_pair(month_of("2024-02-01"), 2));
  EXPECT_EQ(r.top[0].by_month[1], std::make_pair(month_of("2024-03-01"), 1));
  ASSERT_EQ(r.months.size(), 3u);
  EXPECT_EQ(cli::total(r.months[1].records), 2);  // 2024-02: a3 and b1
}

TEST_F(ReportFigures, LinesWithoutFailureAreCountedWithTheirReason) {
  const OrganizationsReport r = figures({
      record("a1", "a", "2024-01-10", 3, "orphan"),
      record("b1", "b", "2024-01-10", 3, "orphan", ",\"attestations\":{\"4\":true}"),
  });
  const cli::StandardFigures& a = org(r, "a").standards.at(0);
  ASSERT_EQ(a.failing.size(), 1u);
  EXPECT_EQ(a.failing[0].line.rule, "1");
  EXPECT_EQ(a.met, 2);         // § 2 and § 3
  EXPECT_EQ(a.unanswered, 1);  // § 4, attested, not answered
  EXPECT_EQ(a.out_of_force, 0);
  const cli::StandardFigures& b = org(r, "b").standards.at(0);
  EXPECT_EQ(b.met, 3);
  EXPECT_EQ(b.unanswered, 0);
}

}  // namespace
}  // namespace ssd::testing
