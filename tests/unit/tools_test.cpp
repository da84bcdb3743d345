// The logic of the ssd commands (tools/ssd, target ssd_tools): the common options, loading a
// standards folder, coverage, the semantic diff and a checklist's rows.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "checklist.h"
#include "common_options.h"
#include "coverage.h"
#include "labels.h"
#include "library.h"
#include "semantic_diff.h"
#include "test_support.h"

namespace ssd::testing {
namespace {

namespace fs = std::filesystem;
using namespace ssd::cli;
using cli::Library;  // the commands' standards folder, not the runtime's ssd::Library

const std::string kFixtures = std::string(SSD_SOURCE_DIR) + "/tests/checklist";

// A folder of its own under the system's temporary folder, removed after the test.
class TempFolder {
 public:
  TempFolder() : path_(fs::temp_directory_path() / ("ssd-tools-test-" + std::to_string(::getpid()) + "-" +
                                                    ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempFolder() { fs::remove_all(path_); }
  std::string write(const std::string& name, const std::string& text) const {
    const fs::path file = path_ / name;
    std::ofstream(file) << text;
    return file.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

const Program* find(const Library& library, const std::string& id) {
  for (const auto& p : library.programs)
    if (p->instrument.id == id) return p.get();
  return nullptr;
}

// Parses `args` (after the command's name) on a command that takes `set`.
CommonOptions parsed(const CommonOptionSet& set, std::vector<std::string> args) {
  CLI::App app;
  CommonOptions o;
  add_common_options(app, o, set);
  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments last first
  app.parse(args);
  return o;
}

TEST(CommonOptions, AreRegisteredAsAsked) {
  const CommonOptionSet all{.standards = kStandardsFolderHelp, .lang = kLangHelp, .no_cache = true, .threads = true, .quiet = kQuietHelp};
  const CommonOptions o = parsed(all, {"--standards", "dir", "--lang", "en", "--no-cache", "-j", "3", "-q"});
  EXPECT_EQ(o.standards, "dir");
  EXPECT_EQ(o.standards_folder(), "dir");
  EXPECT_EQ(o.language(), Lang::En);
  EXPECT_TRUE(o.no_cache);
  EXPECT_TRUE(o.cache_offered);
  EXPECT_EQ(o.thread_count(), 3u);
  EXPECT_TRUE(o.quiet);

  const CommonOptions defaults = parsed(all, {});
  EXPECT_EQ(defaults.language(), Lang::Kk);
  EXPECT_FALSE(defaults.no_cache);
  EXPECT_GE(defaults.thread_count(), 1u);

  EXPECT_THROW(parsed(all, {"--lang", "ru"}), CLI::ValidationError);
  EXPECT_THROW(parsed(all, {"-j", "0"}), CLI::ValidationError);
  // A command that does not take an option rejects it, and never reads the cache.
  EXPECT_THROW(parsed({.standards = kStandardsFolderHelp}, {"--lang", "en"}), CLI::ExtrasError);
  EXPECT_FALSE(parsed({.standards = kStandardsFolderHelp}, {}).cache_offered);
}

TEST(LoadStandards, CompilesEveryFileOfTheFolderTogether) {
  CommonOptions o;
  o.standards = kFixtures;
  Library library;
  ASSERT_TRUE(load_standards(o, library));
  EXPECT_EQ(library.programs.size(), 3u);
  EXPECT_NE(find(library, "fixture-standard"), nullptr);
  EXPECT_NE(find(library, "fixture-checklist"), nullptr);
  EXPECT_NE(find(library, "risk-criteria"), nullptr);
  // Compiled now (the command takes no --no-cache): the compilation is kept.
  ASSERT_EQ(library.results.size(), 1u);
  EXPECT_TRUE(library.results[0].ok());
}

TEST(LoadStandards, FailsOnAMissingOrEmptyFolderOrAnError) {
  TempFolder folder;
  Library library;
  EXPECT_FALSE(load_library(folder.path() + "/none", Lang::En, library));
  EXPECT_FALSE(load_library(folder.path(), Lang::En, library));  // no .ssd file
  folder.write("broken.ssd", instrument("тармақ 1 { талап а { талап_етіледі белгісіз_өріс > 1 } }"));
  EXPECT_FALSE(load_library(folder.path(), Lang::En, library));
  ASSERT_EQ(library.results.size(), 1u);
  EXPECT_FALSE(library.results[0].ok());
  EXPECT_FALSE(library.results[0].diagnostics.all().empty());
}

TEST(CompileWithFolder, TakesTheFilesOwnFolderUnlessGivenOne) {
  CommonOptions o;
  CompileResult r;
  ASSERT_TRUE(compile_with_folder(kFixtures + "/fixture-checklist.ssd", o, r));
  EXPECT_EQ(r.instruments.size(), 3u);  // the checklist, the standard it inspects, the risk criteria

  TempFolder alone;
  o.standards = alone.path();  // a folder with no other file: the checklist compiles by itself
  CompileResult by_itself;
  ASSERT_TRUE(compile_with_folder(kFixtures + "/fixture-checklist.ssd", o, by_itself));
  EXPECT_EQ(by_itself.instruments.size(), 1u);
}

TEST(Coverage, CountsProvisionsAndFindsTheParagraphsNotMentioned) {
  const CompileResult r = compile_text(instrument(
      "  тармақ 1 \"Заңның негізі.\" { кодталмайды \"құқықтық негізі\" }\n"
      "  тармақ 2 { талап бөлме { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы >= 4 м² } }\n"
      "  тармақ 3 \"Жиһаз сай.\" { талап жиһаз куәландырылады { } }\n"
      "  тармақ 6 \"Әлі жоқ.\" { әлі_кодталмаған }\n"
      "  тармақ 7 { талап аудан { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы >= 1 м² } }\n"));
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  const Program& p = r.instruments.at(0).program;
  std::vector<CoverageRow> rows;
  const CoverageTotals t = coverage(p, &rows);
  EXPECT_EQ(t.computed, 2);
  EXPECT_EQ(t.attested, 1);
  EXPECT_EQ(t.not_encoded, 1);
  EXPECT_EQ(t.to_do, 1);
  EXPECT_EQ(t.gaps, (std::vector<int>{4, 5}));
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].rule, "1");
  EXPECT_EQ(rows[0].kind, "not encoded");
  EXPECT_EQ(rows[0].text, "құқықтық негізі");
  EXPECT_EQ(rows[2].kind, "attested");
  EXPECT_EQ(rows[3].rule, "6");
  EXPECT_EQ(rows[3].kind, "to do");
  EXPECT_EQ(rows[4].rule, "7");

  const std::string text = coverage_text(p);
  EXPECT_NE(text.find("computed 2, attested 1, not encoded 1, to do 1; paragraphs the file does not mention: 4–5"),
            std::string::npos)
      << text;
  const std::string table = coverage_markdown({std::make_shared<const Program>(p)});
  EXPECT_NE(table.find("| `t-1` | 2 | 1 | 1 | 4–5 |"), std::string::npos) << table;
  EXPECT_NE(table.find("| all | 2 | 1 | 1 | |"), std::string::npos) << table;
}

TEST(Coverage, JoinsRunsOfParagraphs) {
  EXPECT_EQ(gaps_text({}), "");
  EXPECT_EQ(gaps_text({3}), "3");
  EXPECT_EQ(gaps_text({1, 2, 3, 5, 7, 8}), "1–3, 5, 7–8");
}

// A label in one language, its values put in; in Json both halves, as JSON output has carried them.
TEST(Labels, OneLanguageOrThePairOfJson) {
  EXPECT_EQ(label(Label::severity, Lang::Kk), "ауырлық");
  EXPECT_EQ(label(Label::severity, Lang::En), "severity");
  EXPECT_EQ(label(Label::severity, LabelLang::Json), "ауырлық / severity");
  EXPECT_EQ(label(Label::instructions_changes, Lang::En, 1, 3, "", "s"), "1 instruction, 3 changes");
  EXPECT_EQ(label(Label::instructions_changes, Lang::Kk, 1, 3, "", "s"), "1 нұсқау, 3 өзгеріс");
  EXPECT_EQ(label(Label::wording_from_only, LabelLang::Json, "2024-10-11"),
            "корпуста 2024-10-11 бастапқы редакциясы ғана бар, бұрынғысы жоқ / the corpus holds its wording from "
            "2024-10-11 only, not the earlier one");
  EXPECT_EQ(label_joined(Label::requirement_added, LabelLang::Json, " — "), "талап қосылды — requirement added");
  EXPECT_EQ(label_joined(Label::requirement_added, LabelLang::En, " — "), "requirement added");
}

// Two versions of one instrument, compiled.
class SemanticDiff : public ::testing::Test {
 protected:
  InstrumentDiff diff(const std::string& older, const std::string& newer) {
    old_ = compile_text(instrument(older), "old.ssd");
    new_ = compile_text(instrument(newer), "new.ssd");
    EXPECT_TRUE(old_.ok()) << old_.diagnostics.render(Lang::En);
    EXPECT_TRUE(new_.ok()) << new_.diagnostics.render(Lang::En);
    return diff_programs(old_.instruments.at(0).program, new_.instruments.at(0).program, LabelLang::Json);
  }
  CompileResult old_, new_;
};

const char* kRoom = "  тармақ 1 \"Бөлме.\" { талап бөлме { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы >= 4 м² } }\n";

TEST_F(SemanticDiff, LayoutAndCommentsAreNoChange) {
  const InstrumentDiff d = diff(kRoom, std::string("  // түсініктеме\n") +
                                           "  тармақ 1 \"Бөлме.\" {\n    талап бөлме {\n      талап_етіледі "
                                           "тұрғын_үй.жатын_бөлме_ауданы   >=   4 м²\n    }\n  }\n");
  EXPECT_TRUE(d.changes.empty());
  EXPECT_FALSE(d.meaning_changed());
}

TEST_F(SemanticDiff, NamesAChangedTermAndTheRequirementsAddedAndRemoved) {
  const InstrumentDiff d =
      diff(std::string(kRoom) + "  тармақ 2 { талап санат { талап_етіледі {жетім} тізімінде клиент.санаттары } }\n",
           "  тармақ 1 \"Бөлме.\" { талап бөлме { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы >= 6 м² } }\n"
           "  тармақ 3 { талап аудан { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы >= 1 м² } }\n");
  EXPECT_TRUE(d.meaning_changed());
  std::map<std::string, const ProvisionChange*> by_rule;
  for (const ProvisionChange& c : d.changes) by_rule[c.rule] = &c;
  ASSERT_EQ(by_rule.size(), 3u);
  EXPECT_EQ(by_rule["1"]->kind, ProvisionChange::Changed);
  ASSERT_FALSE(by_rule["1"]->what.empty());
  EXPECT_NE(by_rule["1"]->what[0].find("6"), std::string::npos) << by_rule["1"]->what[0];
  EXPECT_EQ(by_rule["2"]->kind, ProvisionChange::Removed);
  EXPECT_EQ(by_rule["3"]->kind, ProvisionChange::Added);
}

TEST_F(SemanticDiff, NewLawWordsWithTheSameConditionAreAReWording) {
  const InstrumentDiff d =
      diff(kRoom, "  тармақ 1 \"Бөлме беріледі.\" { талап бөлме { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы >= 4 м² } }\n");
  ASSERT_EQ(d.changes.size(), 1u);
  EXPECT_EQ(d.changes[0].kind, ProvisionChange::Reworded);
  EXPECT_EQ(d.changes[0].old_law, "Бөлме.");
  EXPECT_EQ(d.changes[0].new_law, "Бөлме беріледі.");
  EXPECT_FALSE(d.meaning_changed());
}

// The rows of the fixture checklist and of the fixture standard used as one.
class ChecklistRows : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    CommonOptions o;
    o.standards = kFixtures;
    library_ = new Library;
    ASSERT_TRUE(load_standards(o, *library_));
  }
  static void TearDownTestSuite() { delete library_; }
  static Library* library_;
};
Library* ChecklistRows::library_ = nullptr;

TEST_F(ChecklistRows, AChecklistHasOneRowPerRowNumberAndSaysWhatItInspects) {
  const Program* checklist = find(*library_, "fixture-checklist");
  ASSERT_NE(checklist, nullptr);
  const std::vector<ChecklistRow> rows = checklist_rows(*checklist, *parse_date("2024-01-01"), false);
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_EQ(rows[0].number, "1");
  EXPECT_EQ(rows[0].text, "Жатын бөлме ауданы нормасының сақталуы");
  EXPECT_EQ(rows[0].inspects,
            (std::vector<std::pair<std::string, std::string>>{{"fixture-standard", "5.1"}, {"risk-criteria", "1"}}));
  EXPECT_TRUE(rows[0].checkable);
  EXPECT_FALSE(rows[0].computed);
  EXPECT_FALSE(rows[2].checkable);  // row 3 inspects nothing: only the inspector answers it
  for (const ChecklistRow& row : rows) EXPECT_EQ(row.answer, RowAnswer::NotAssessed) << row.number;
}

TEST_F(ChecklistRows, AStandardHasOneRowPerRequirementWithItsDescriptionFirst) {
  const Program* standard = find(*library_, "fixture-standard");
  ASSERT_NE(standard, nullptr);
  const std::vector<ChecklistRow> rows = checklist_rows(*standard, *parse_date("2024-01-01"), true);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].number, "5.1");
  EXPECT_EQ(rows[0].text.rfind("Бір балаға жатын бөлме ауданы кемінде 4 м²", 0), 0u) << rows[0].text;
  EXPECT_TRUE(rows[0].computed);
  EXPECT_EQ(rows[3].number, "40");
  EXPECT_FALSE(rows[3].computed);  // attested
}

TEST_F(ChecklistRows, TheInspectorsAnswersFillTheRows) {
  const Program* checklist = find(*library_, "fixture-checklist");
  ASSERT_NE(checklist, nullptr);
  RecordChecker checker;
  add_programs(checker, library_->programs);
  const RecordResult& r = checker.check(
      R"({"id":"i-1","standard":"fixture-checklist","as_of":"2024-03-01",)"
      R"("attestations":{"1":true,"2":false,"3":"not_applicable"}})");
  ASSERT_NE(r.status, RecordStatus::Error) << r.error;
  std::vector<ChecklistRow> rows = checklist_rows(*checklist, *parse_date(r.as_of), false);
  apply_attestations(r, rows);
  EXPECT_EQ(rows[0].answer, RowAnswer::Compliant);
  EXPECT_EQ(rows[0].source, AnswerSource::Attestation);
  EXPECT_EQ(rows[1].answer, RowAnswer::NonCompliant);
  EXPECT_EQ(rows[2].answer, RowAnswer::NotRequired);
  EXPECT_EQ(rows[3].answer, RowAnswer::NotAssessed);
  EXPECT_EQ(rows[3].source, AnswerSource::None);
}

}  // namespace
}  // namespace ssd::testing
