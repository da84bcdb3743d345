// Name resolution and type checking: each diagnostic the issue names, in a file of its own.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "../../compiler/src/builtins.h"
#include "ssd/functions.h"
#include "test_support.h"

namespace ssd::testing {
namespace {

std::string ids(const std::string& body) { return diag_ids(compile_text(instrument(body))); }

TEST(Check, UnknownNameWithSuggestion) {
  const CompileResult r = compile_text(instrument("  тармақ 4 { талап т { талап_етіледі тұрғын_үй.жатын_бөлме_аудан >= 4 м² } }"));
  EXPECT_EQ(diag_ids(r), "unknown_name");
  EXPECT_NE(r.diagnostics.render(Lang::Kk).find("тұрғын_үй.жатын_бөлме_ауданы"), std::string::npos);
}

TEST(Check, DateComparedWithArea) {
  EXPECT_EQ(ids("  тармақ 4 { талап т { талап_етіледі қабылдау.күні < 4 м² } }"), "type_mismatch");
}

TEST(Check, CalendarAndWorkingDaysAreDistinct) {
  EXPECT_EQ(ids("  тармақ 4 { талап т { талап_етіледі шарт.күні - қабылдау.күні <= 5 жұмыс күні } }"), "type_mismatch");
  EXPECT_EQ(ids("  тармақ 4 { талап т { талап_етіледі шарт.күні - қабылдау.күні <= 5 күнтізбелік күн } }"), "");
}

TEST(Check, DuplicateName) {
  EXPECT_EQ(ids("  тармақ 4 { талап т { талап_етіледі ақиқат } }\n  тармақ 5 { талап т { талап_етіледі ақиқат } }"), "duplicate_name");
  EXPECT_EQ(ids("  бұдан_әрі а = 1\n  бұдан_әрі а = 2\n  тармақ 4 { талап т { талап_етіледі а = 1 } }"), "duplicate_name");
}

TEST(Check, AnInstrumentWithoutRequirements) {
  EXPECT_EQ(ids("  тармақ 1 \"x\" { кодталмайды \"анықтама\" }"), "empty_instrument");
}

TEST(Check, RequirementWithoutCitation) {
  EXPECT_EQ(ids("  талап т { талап_етіледі ақиқат }"), "missing_citation");
  EXPECT_EQ(ids("  абзац \"кіріспе\" { талап т { талап_етіледі ақиқат } }"), "missing_citation");
}

TEST(Check, UnknownUnit) {
  EXPECT_EQ(ids("  тармақ 4 { талап т { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы >= 4 гектар } }"), "unknown_unit");
}

TEST(Check, SeveralErrorsInOneRun) {
  EXPECT_EQ(ids("  талап а { талап_етіледі ақиқат }\n"
                "  тармақ 4 { талап б { талап_етіледі белгісіз > 1 } }\n"
                "  тармақ 5 { талап в { талап_етіледі қабылдау.күні = 1 } }"),
            "unknown_name missing_citation type_mismatch");  // names are resolved, then types checked
}

TEST(Check, ConditionMustBeTrueOrFalse) {
  EXPECT_EQ(ids("  тармақ 4 { талап т { талап_етіледі 1 + 2 } }"), "expected_type");
}

TEST(Check, IfWithoutElseOnlyAtTheHead) {
  EXPECT_EQ(ids("  тармақ 4 { талап т { талап_етіледі егер ақиқат болса ақиқат } }"), "");
  EXPECT_EQ(ids("  тармақ 4 { талап т { талап_етіледі ақиқат және (егер ақиқат болса ақиқат) } }"), "if_without_else");
}

TEST(Check, SetsHoldOneEnumeration) {
  EXPECT_EQ(ids("  тармақ 4 { талап т { талап_етіледі клиент.санаттары тізімінде кемінде_біреуі {жетім, куәлік} } }"), "mixed_set");
}

TEST(Check, AttestedRequirementsHaveNoCondition) {
  EXPECT_EQ(ids("  тармақ 4 \"x\" { талап т куәландырылады { } }"), "");
  EXPECT_EQ(ids("  тармақ 4 { талап т куәландырылады { талап_етіледі ақиқат } }"), "attested_condition");
  EXPECT_EQ(ids("  тармақ 4 \"x\" { талап т { } }"), "missing_condition");
}

TEST(Check, DefinitionsMayNotLoop) {
  EXPECT_EQ(ids("  бұдан_әрі а = б + 1\n  бұдан_әрі б = а + 1\n  тармақ 4 { талап т { талап_етіледі а > 1 } }"), "definition_cycle");
}

TEST(Check, UnknownSeverity) {
  EXPECT_EQ(ids("  тармақ 4 { талап т ауырлық ауыр { талап_етіледі ақиқат } }"), "unknown_severity");
}

TEST(Check, ExamplesCiteRealRulesAndStatuses) {
  EXPECT_EQ(ids("  тармақ 4 { талап т { талап_етіледі ақиқат } }\n"
                "  мысал \"м\" { жазба { \"as_of\": \"2020-01-01\" } күтілетін § 9 өтті күтілетін ойдан }"),
            "unknown_rule unknown_status");
}

TEST(Check, EnglishMessages) {
  const CompileResult r = compile_text(instrument("  тармақ 4 { талап т { талап_етіледі қабылдау.күні < 4 м² } }"));
  const std::string en = r.diagnostics.render(Lang::En);
  EXPECT_NE(en.find("type mismatch"), std::string::npos) << en;
  EXPECT_NE(en.find("^"), std::string::npos) << en;
}

}  // namespace
}  // namespace ssd::testing

namespace ssd::testing {
namespace {

TEST(Check, ExpectationsNameOneRequirementOfACitation) {
  const std::string two = "  тармақ 2 { талап жас { талап_етіледі ақиқат }\n  талап ауру { талап_етіледі ақиқат } }\n";
  EXPECT_EQ(ids(two + "  мысал \"м\" { жазба { тексеру_күні = 2020-01-01 } күтілетін § 2 жас өтті }"), "");
  EXPECT_EQ(ids(two + "  мысал \"м\" { жазба { тексеру_күні = 2020-01-01 } күтілетін § 2 бой өтті }"), "unknown_rule");
}

// The builtins table (compiler/src/builtins.cpp) is what resolves, checks and lowers a call: each
// row's function is known, checks its arity and its arguments by the row, and lowers to its op.
TEST(Builtins, EachRowChecksItsCallsAndLowersToItsOp) {
  // Arguments each builtin accepts, its optional ones too, by the op it lowers to; one more is
  // refused, and so is the first of them replaced by a bool (but by бар, which takes any value).
  const std::map<Op, std::string> good_args = {
      {Op::Age, "клиент.туған_күні, тексеру_күні"},
      {Op::Count, "клиент.санаттары"},
      {Op::Present, "шарт.күні"},
      {Op::EveryPeriod, "мониторинг_күндері, 1 апта, тексеру_күні, қабылдау.күні"},
      {Op::CalendarEvery, "мониторинг_күндері, 3 ай, тексеру_күні, қабылдау.күні"},
  };
  ASSERT_EQ(builtins().size(), good_args.size());
  for (const Builtin& f : builtins()) {
    SCOPED_TRACE(f.name);
    const std::string args = good_args.at(f.op);
    auto requirement = [&](const std::string& call) {
      return "  тармақ 4 { талап т { талап_етіледі " + call + (f.result == Type::Bool ? "" : " > 0") + " } }";
    };
    const CompileResult ok = compile_text(instrument(requirement(std::string(f.name) + "(" + args + ")")));
    ASSERT_TRUE(ok.ok()) << ok.diagnostics.render(Lang::En);
    const Program& p = ok.instruments.at(0).program;
    EXPECT_TRUE(std::any_of(p.nodes.begin(), p.nodes.end(), [&](const Node& n) { return n.op == f.op; }));
    EXPECT_EQ(ids(requirement(std::string(f.name) + "(" + args + ", 1)")), "wrong_arity");
    const std::string rest = args.substr(std::min(args.find(','), args.size()));
    EXPECT_EQ(ids(requirement(std::string(f.name) + "(ақиқат" + rest + ")")), f.params[0].accepts ? "wrong_argument" : "");
  }
}

// No builtin's name is written as a string anywhere else, in the compiler, the runtime or the
// tools: the table is its home (the language server reads it through ssd/functions.h).
TEST(Builtins, NamedOnlyInTheirTable) {
  for (const char* folder : {"/compiler", "/runtime", "/tools/ssd", "/tools/lsp"})
    for (const auto& entry : std::filesystem::recursive_directory_iterator(SSD_SOURCE_DIR + std::string(folder))) {
      if (!entry.is_regular_file() || entry.path().filename() == "builtins.cpp") continue;
      std::ifstream in(entry.path());
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      for (const Builtin& f : builtins())
        EXPECT_EQ(text.find("\"" + std::string(f.name) + "\""), std::string::npos)
            << entry.path() << " names the builtin " << f.name << ": read it from builtins()";
    }
}

// An editor offers every builtin with its signature and meaning, in the language asked for.
TEST(Builtins, EveryOneIsOfferedToEditors) {
  const std::vector<FunctionHelp> kk = functions(Lang::Kk), en = functions(Lang::En);
  for (const Builtin& f : builtins()) {
    const auto offered = [&](const std::vector<FunctionHelp>& all) {
      return std::find_if(all.begin(), all.end(), [&](const FunctionHelp& h) { return h.name == f.name; });
    };
    ASSERT_NE(offered(kk), kk.end()) << f.name;
    ASSERT_NE(offered(en), en.end()) << f.name;
    EXPECT_EQ(offered(kk)->signature.rfind(f.name, 0), 0u) << f.name << "'s signature starts with its name";
    EXPECT_NE(offered(kk)->meaning, offered(en)->meaning) << f.name;
  }
}

}  // namespace
}  // namespace ssd::testing
