// Amending orders: each operation kind, their dates, and the diagnostics of a wrong one.
#include "test_support.h"

namespace ssd::testing {
namespace {

// The base instrument, with pointers to the orders of the tests that word its provisions.
std::string base(const std::string& pointers = "") {
  return R"(
стандарт base "Негізгі" {
  күшіне_енеді 2020-01-01
  тармақ 7 "апта сайын" { талап кітап { талап_етіледі кезең_сайын(шағымдар_кітабы.қаралған_күндері, 1 апта, тексеру_күні) } }
  тармақ 9 { талап алып_тасталатын { талап_етіледі шағымдар_кітабы.жүргізіледі } }
  тармақ 10 { талап тұрақты { талап_етіледі ақиқат } }
)" + pointers + "}\n";
}

CompileResult compile_all(std::vector<std::string> texts) {
  std::vector<std::shared_ptr<const SourceFile>> files;
  for (size_t i = 0; i < texts.size(); ++i)
    files.push_back(std::make_shared<const SourceFile>("f" + std::to_string(i) + ".ssd", texts[i]));
  return compile_sources(files);
}

class Amended {
 public:
  explicit Amended(std::vector<std::string> texts) : result_(compile_all(std::move(texts))) {
    EXPECT_TRUE(result_.ok()) << result_.diagnostics.render(Lang::En);
    for (const auto& in : result_.instruments) checker_.add(std::make_shared<const Program>(in.program));
  }
  std::string status(const std::string& as_of, const std::string& rule, const std::string& body = "") {
    const RecordResult& r = checker_.check("{\"id\":\"x\",\"standard\":\"base\",\"as_of\":\"" + as_of + "\"" +
                                           (body.empty() ? "" : "," + body) + "}");
    if (rule.empty()) return to_string(r.status);
    for (const Finding& f : r.findings)
      if (r.program->requirements[f.requirement].rule == rule) return to_string(f.status);
    return "";
  }
  const Program& program() const { return result_.instruments.at(0).program; }

 private:
  CompileResult result_;
  RecordChecker checker_;
};

const char* kMonthly = "\"complaints_book\":{\"kept\":true,\"reviews\":[\"2024-10-01\",\"2024-11-01\",\"2024-11-25\"]}";

TEST(Amend, NewWordingAppliesFromItsDate) {
  Amended a({base("  тармақ 7 { o-1 өзгерісінде }\n"), R"(
өзгеріс o-1 "№ 1 бұйрық" {
  күшіне_енеді 2024-11-20
  base {
    тармақ 7 мынадай_редакцияда "ай сайын" { талап кітап { талап_етіледі кезең_сайын(шағымдар_кітабы.қаралған_күндері, 1 ай, тексеру_күні) } }
  }
})"});
  EXPECT_EQ(a.status("2024-11-19", "7", kMonthly), "fail");  // the weekly wording
  EXPECT_EQ(a.status("2024-11-25", "7", kMonthly), "pass");  // the monthly one
  int wordings = 0;
  for (const Requirement& r : a.program().requirements) wordings += r.rule == "7";
  EXPECT_EQ(wordings, 2);
}

TEST(Amend, SupplementDeletionRepeal) {
  Amended a({base("  тармақ 9-1 { o-2 өзгерісінде }\n"), R"(
өзгеріс o-2 "№ 2 бұйрық" {
  күшіне_енеді жарияланғаннан_кейін 10 күнтізбелік күн тіркелген 2024-10-01
  base {
    тармақ 9-1 толықтырылсын { талап жаңа { талап_етіледі шағымдар_кітабы.жүргізіледі } }
    тармақ 9 алып_тасталсын
  }
}
өзгеріс o-3 "№ 3 бұйрық" {
  күшіне_енеді 2025-01-01
  base күші_жойылсын
})"});
  // № 2 applies from 2024-10-12: registered 1 Oct, ten days after publication at the earliest.
  EXPECT_EQ(a.status("2024-10-11", "9-1"), "");
  EXPECT_EQ(a.status("2024-10-11", "9"), "missing_data");
  EXPECT_EQ(a.status("2024-10-12", "9-1"), "missing_data");
  EXPECT_EQ(a.status("2024-10-12", "9"), "");
  EXPECT_EQ(a.status("2024-12-31", "10"), "pass");
  EXPECT_EQ(a.status("2025-01-01", ""), "not_in_force");
}

TEST(Amend, WordingNamedInTheOutput) {
  Amended a({base("  тармақ 10 { o-4 өзгерісінде }\n"), "өзгеріс o-4 \"ҚР № 4 бұйрық\" { қысқаша \"№ 4\" күшіне_енеді 2024-01-01\n"
                    "  base { тармақ 10 мынадай_редакцияда { талап тұрақты { талап_етіледі ақиқат } } } }"});
  RecordChecker checker;
  checker.add(std::make_shared<const Program>(a.program()));
  std::string out;
  append_jsonl(checker.check("{\"id\":\"x\",\"standard\":\"base\",\"as_of\":\"2024-02-01\"}"), out);
  EXPECT_NE(out.find("\"wording\":\"№ 4\""), std::string::npos) << out;
}

std::string ids(std::vector<std::string> texts) { return diag_ids(compile_all(std::move(texts))); }

TEST(Amend, MissingTarget) {
  EXPECT_EQ(ids({base(), "өзгеріс x \"x\" { күшіне_енеді 2024-01-01  base { тармақ 8 алып_тасталсын } }"}), "amendment_no_target");
  // A partial instrument: the order records what it replaces though the file lacks it.
  std::string partial = base("  тармақ 8 { x өзгерісінде }\n");
  partial.replace(partial.find("күшіне_енеді"), 0, "ішінара \"тек 7, 9, 10\"\n  ");
  EXPECT_EQ(ids({partial, "өзгеріс x \"x\" { күшіне_енеді 2024-01-01  base { тармақ 8 мынадай_редакцияда { талап т { талап_етіледі ақиқат } } } }"}), "");
}

TEST(Amend, ConflictsAndMisplacedBlocks) {
  EXPECT_EQ(ids({base(), "өзгеріс x \"x\" { күшіне_енеді 2024-01-01  base { тармақ 9 алып_тасталсын } }",
                 "өзгеріс y \"y\" { күшіне_енеді 2024-01-01  base { тармақ 9 алып_тасталсын } }"}),
            "amendment_conflict");
  EXPECT_EQ(ids({base("  тармақ 10 { x өзгерісінде }\n"), "өзгеріс x \"x\" { күшіне_енеді 2024-01-01  base { тармақ 10 толықтырылсын { талап қ { талап_етіледі ақиқат } } } }"}),
            "amendment_exists");  // not also duplicate_provision
  // A block in an order without an operation only locates the blocks inside it.
  EXPECT_EQ(ids({base(), "өзгеріс x \"x\" { күшіне_енеді 2024-01-01  base { тармақ 11 { талап қ { талап_етіледі ақиқат } } } }"}),
            "block_without_operation");
  EXPECT_EQ(ids({base(), "өзгеріс x \"x\" { күшіне_енеді 2024-01-01  nope { тармақ 1 алып_тасталсын } }"}), "unknown_instrument");
  EXPECT_EQ(ids({base(), "өзгеріс x \"x\" { base { тармақ 9 алып_тасталсын } }"}), "amendment_no_date");
  // An operation belongs to an amending order.
  EXPECT_EQ(ids({"стандарт s \"S\" { тармақ 1 мынадай_редакцияда { талап т { талап_етіледі ақиқат } } }"}), "operation_outside_order");
}

TEST(Amend, SameNameTwiceOnlyWhenThePeriodsDoNotOverlap) {
  EXPECT_EQ(ids({base("  тармақ 11 { x өзгерісінде }\n"), "өзгеріс x \"x\" { күшіне_енеді 2024-01-01  base { тармақ 11 толықтырылсын { талап тұрақты { талап_етіледі ақиқат } } } }"}),
            "duplicate_name");
}

// The base file points at the orders that word its provisions, and the pointers are checked.
TEST(Amend, PointersToTheOrders) {
  const std::string order = "өзгеріс x \"x\" { күшіне_енеді 2024-01-01  base { тармақ 10 мынадай_редакцияда { талап т { талап_етіледі ақиқат } } } }";
  EXPECT_EQ(ids({base(), order}), "operation_without_pointer");
  EXPECT_EQ(ids({base("  тармақ 10 { x өзгерісінде }\n"), order}), "");
  EXPECT_EQ(ids({base("  x өзгерісінде\n"), order}), "");  // the whole instrument points there
  EXPECT_EQ(ids({base("  тармақ 10 { x өзгерісінде }\n  тармақ 9 { x өзгерісінде }\n"), order}), "pointer_without_operation");
  EXPECT_EQ(ids({base("  тармақ 10 { x өзгерісінде }\n  тармақ 9 { y өзгерісінде }\n"), order}), "unknown_order");
  // Alone, a base file's pointers are not judged: the orders are not compiled with it.
  EXPECT_EQ(ids({base("  тармақ 10 { x өзгерісінде }\n")}), "");
}

}  // namespace
}  // namespace ssd::testing

namespace ssd::testing {
namespace {

// Many instruments compiled together each keep their own names (a scope moved in memory once
// left the expressions of another pointing at freed symbols).
TEST(Library, InstrumentsCompiledTogetherKeepTheirOwnMeaning) {
  std::vector<std::string> texts;
  for (int i = 0; i < 6; ++i)
    texts.push_back("стандарт s-" + std::to_string(i) + " \"S\" {\n"
                    "  тізбе құжат { құжат" + std::to_string(i) + " = \"doc" + std::to_string(i) + "\" \"д\" }\n"
                    "  тармақ 1 { талап т { талап_етіледі қабылдау.құжаттар тізімінде {құжат" + std::to_string(i) + "} } }\n"
                    "  тармақ 2 { талап ж { талап_етіледі шарт.күні <= қабылдау.негіздеме_күні + 1 жұмыс күні } }\n}\n");
  const CompileResult r = compile_all(texts);
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  RecordChecker checker;
  for (const auto& in : r.instruments) checker.add(std::make_shared<const Program>(in.program));
  for (int i = 0; i < 6; ++i) {
    const std::string rec = "{\"id\":\"x\",\"standard\":\"s-" + std::to_string(i) + "\",\"as_of\":\"2025-10-20\","
                            "\"admission\":{\"documents\":[\"doc" + std::to_string(i) + "\"],\"basis_date\":\"2025-09-19\"},"
                            "\"contract\":{\"date\":\"2025-09-22\"}}";
    EXPECT_EQ(std::string(to_string(checker.check(rec).status)), "compliant") << i;
  }
}

}  // namespace
}  // namespace ssd::testing

namespace ssd::testing {
namespace {

TEST(Library, InspectionLinksMustPointAtAProvision) {
  const std::string standard = "стандарт s \"S\" { тармақ 5 { тармақша 1 { талап т { талап_етіледі ақиқат } } } тармақ 3 { кодталмайды \"x\" } }";
  auto links = [&](const std::string& cite) {
    return diag_ids(compile_all({standard, "стандарт c \"C\" { тармақ 1 { талап қ куәландырылады { тексереді s " + cite + " } } }"}));
  };
  EXPECT_EQ(links("§ 5.1"), "");
  EXPECT_EQ(links("§ 5"), "");    // the paragraph holding 5.1
  EXPECT_EQ(links("§ 3"), "");    // a provision encoded as no requirement
  EXPECT_EQ(links("§ 7"), "unknown_link");
  // Alone, a checklist's links to instruments outside the compilation are not judged.
  EXPECT_EQ(diag_ids(compile_all({"стандарт c \"C\" { тармақ 1 { талап қ куәландырылады { тексереді s § 7 } } }"})), "");
}

}  // namespace
}  // namespace ssd::testing

namespace ssd::testing {
namespace {

TEST(Amend, NewWordingOfTheWholeInstrument) {
  Amended a({base("  o-5 өзгерісінде\n"), R"(
өзгеріс o-5 "№ 5 бұйрық" {
  күшіне_енеді 2024-06-01
  base мынадай_редакцияда {
    тармақ 3 { талап жалғыз { талап_етіледі ақиқат } }
  }
})"});
  EXPECT_EQ(a.status("2024-05-31", "10"), "pass");
  EXPECT_EQ(a.status("2024-06-01", "10"), "");
  EXPECT_EQ(a.status("2024-06-01", "3"), "pass");
}

// An order's changes come in the order of its instructions, each with the provisions it ends and
// starts; an instruction that changes no block is one too.
TEST(Amend, TheOrdersChangesByInstruction) {
  const CompileResult r = compile_all({base("  тармақ 7 { x өзгерісінде }\n  тармақ 11 { x өзгерісінде }\n"), R"(
өзгеріс x "№ 5 бұйрық" {
  күшіне_енеді 2024-01-01
  base {
    нұсқау 1.1 "кіріспе" қазақ_мәтіні_өзгермейді
    тармақ 11 толықтырылсын "жаңа" { нұсқау 1.10 талап жаңа { талап_етіледі ақиқат } }
    тармақ 7 мынадай_редакцияда "ай сайын" { нұсқау 1.2 талап кітап { талап_етіледі ақиқат } }
    тармақ 9 алып_тасталсын { нұсқау 1.3 }
  }
})"});
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  ASSERT_EQ(r.orders.size(), 1u);
  const CompiledOrder& o = r.orders[0];
  EXPECT_EQ(o.id, "x");
  EXPECT_EQ(o.applies_from, parse_date("2024-01-01"));
  std::string seen;
  for (const OrderChange& c : o.changes) seen += c.instruction + ":" + c.target + ":" + std::to_string(c.kind) + " ";
  EXPECT_EQ(seen, "1.1::4 1.2:7:0 1.3:9:2 1.10:11:1 ");
  const Program& p = r.instruments.at(0).program;
  const OrderChange& seven = o.changes[1];
  ASSERT_EQ(seven.ended.size(), 1u);
  ASSERT_EQ(seven.started.size(), 1u);
  EXPECT_EQ(p.provisions[seven.ended[0]].text, "апта сайын");
  EXPECT_EQ(p.provisions[seven.started[0]].text, "ай сайын");
  EXPECT_EQ(o.changes[0].unit, "кіріспе");
}

TEST(Amend, InstructionsOnlyWithAnOperation) {
  EXPECT_EQ(ids({base(), "өзгеріс x \"x\" { күшіне_енеді 2024-01-01  base { тармақ 9 { нұсқау 1.1 тармақша 1 алып_тасталсын } } }"}),
            "instruction_without_operation");
  EXPECT_EQ(ids({"стандарт s \"S\" { тармақ 1 { нұсқау 1.1 талап т { талап_етіледі ақиқат } } }"}), "instruction_without_operation");
}

// A draft order, compiled for a day, needs no pointers in the instrument's file yet.
TEST(Amend, ADraftOrder) {
  const std::string draft = "өзгеріс d \"жоба\" { base { тармақ 10 мынадай_редакцияда \"жаңа\" { талап т { талап_етіледі ақиқат } } } }";
  const CompileResult r = compile_sources({std::make_shared<const SourceFile>("f0.ssd", base()),
                                           std::make_shared<const SourceFile>("f1.ssd", draft)},
                                          {"d", *parse_date("2025-02-01")});
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  ASSERT_EQ(r.orders.size(), 1u);
  EXPECT_TRUE(r.orders[0].draft);
  EXPECT_EQ(r.orders[0].applies_from, parse_date("2025-02-01"));
  EXPECT_EQ(ids({base(), draft}), "amendment_no_date operation_without_pointer");
}

// A draft's justification: an instruction's own, given once for all its changes, else the order's.
TEST(Amend, Justifications) {
  const std::string draft = R"(өзгеріс d "жоба" {
  негіздемесі "бүкіл бұйрықтың"
  base {
    тармақ 9 мынадай_редакцияда "тоғыз" { нұсқау 1.1 негіздемесі "бірінші нұсқаудың" талап а { талап_етіледі ақиқат } }
    тармақ 10 мынадай_редакцияда "он" { нұсқау 1.1 талап т { талап_етіледі ақиқат } }
    тармақ 7 мынадай_редакцияда "ай сайын" { нұсқау 1.2 талап к { талап_етіледі ақиқат } }
    нұсқау 1.3 "кіріспе" қазақ_мәтіні_өзгермейді { негіздемесі "орыс мәтіні" кодталмайды "x" }
  }
})";
  const CompileResult r = compile_sources({std::make_shared<const SourceFile>("f0.ssd", base()),
                                           std::make_shared<const SourceFile>("f1.ssd", draft)},
                                          {"d", *parse_date("2025-02-01")});
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  const CompiledOrder& o = r.orders.at(0);
  EXPECT_EQ(o.justification, "бүкіл бұйрықтың");
  std::string got;
  for (const OrderChange& c : o.changes) got += c.instruction + "=" + c.justification + ";";
  EXPECT_EQ(got, "1.1=бірінші нұсқаудың;1.1=бірінші нұсқаудың;1.2=бүкіл бұйрықтың;1.3=орыс мәтіні;");
}

// A paragraph's numbered абзац: an order changes it alone; the contract cites the paragraph.
TEST(Amend, AParagraphsAbzats) {
  const CompileResult r = compile_all({R"(
стандарт base "Негізгі" {
  күшіне_енеді 2020-01-01
  тармақ 7 "апта сайын" { талап т { талап_етіледі ақиқат } }
  тармақ 12 "Он екінші." {
    кодталмайды "x"
    абзац 1 "бір" { кодталмайды "x" }
    абзац 2 "екі" { кодталмайды "x" x өзгерісінде }
  }
})", R"(
өзгеріс x "№ 5 бұйрық" {
  күшіне_енеді 2024-01-01
  base { тармақ 12 { абзац 2 мынадай_редакцияда "екінші" { нұсқау 1.1 кодталмайды "x" } } }
})"});
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  const OrderChange& c = r.orders.at(0).changes.at(0);
  EXPECT_EQ(c.target, "12");
  EXPECT_EQ(c.wording, "12-тармақтың екінші абзацы");
  const Program& p = r.instruments.at(0).program;
  ASSERT_EQ(c.ended.size(), 1u);
  EXPECT_EQ(p.provisions[c.ended[0]].text, "екі");
  EXPECT_EQ(p.provisions[c.ended[0]].rule, "12");
  int in_force = 0;  // the paragraph and its first абзац stay
  for (const Provision& q : p.provisions) in_force += q.rule == "12" && !q.until;
  EXPECT_EQ(in_force, 3);
}

}  // namespace
}  // namespace ssd::testing
