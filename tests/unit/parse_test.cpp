// The parser adapter: what it accepts, and the syntax errors it names.
#include "test_support.h"

#include "../../compiler/src/parse.h"

namespace ssd::testing {
namespace {

TEST(Citation, ContractAndLawForms) {
  auto c = parse_citation("§ 5.1");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->rule, "5.1");
  EXPECT_EQ(c->wording, "5-тармақтың 1) тармақшасы");
  EXPECT_EQ(parse_citation("§4")->wording, "4-тармақ");
  EXPECT_EQ(parse_citation("§ 6-1")->rule, "6-1");
  c = parse_citation("§ 3-қосымша 18");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->rule, "app3:18");
  EXPECT_EQ(c->wording, "3-қосымшаның 18-жолы");
}

TEST(Parse, AcceptsBomCrlfAndComments) {
  const std::string text = "\xEF\xBB\xBF// түсініктеме\r\n" +
      instrument("  /* блок */ тармақ 4 { талап т { талап_етіледі 1 < 2 } }\r\n");
  const CompileResult r = compile_text(text);
  EXPECT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
}

TEST(Parse, StringEscapesAndBlocks) {
  const CompileResult r = compile_text(instrument(
      "  тармақ 4 \"\"\"бірінші\n     екінші\"\"\" { талап т { сипаттама \"а \\\"б\\\"\" талап_етіледі ақиқат } }"));
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  const Program& p = r.instruments[0].program;
  const Requirement& req = p.requirements[0];
  EXPECT_EQ(law_of(p, req), "бірінші екінші");
  EXPECT_EQ(req.description_kk, "а \"б\"");
}

TEST(Parse, SyntaxErrorNamesWhatWasExpected) {
  const CompileResult r = compile_text(instrument("  тармақ 4 { талап т { талап_етіледі 1 < } }"));
  EXPECT_EQ(diag_ids(r), "syntax_expected");
  const std::string text = r.diagnostics.render(Lang::En);
  EXPECT_NE(text.find("expected"), std::string::npos) << text;
  EXPECT_NE(text.find("test.ssd:4:"), std::string::npos) << text;
}

TEST(Parse, UnterminatedStringAndStrayCharacter) {
  const CompileResult r = compile_text("стандарт x \"атауы\n{ ¤ }\n");
  EXPECT_EQ(diag_ids(r), "unterminated_string unexpected_char");
}

TEST(Parse, InvalidUtf8IsReportedNotCrashed) {
  const CompileResult r = compile_text("стандарт x \"\xff\xfe\" {}");
  EXPECT_EQ(diag_ids(r), "invalid_utf8");
}

TEST(Parse, NoInputCrashesTheParser) {
  // Prefixes of a real instrument: every one ends in diagnostics, none in a crash.
  const std::string full = instrument(
      "  тармақ 5 { тармақша 1 \"x\" { талап т ауырлық өрескел { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы >= 4 м² емес } } }\n"
      "  мысал \"м\" { жазба { \"as_of\": \"2020-01-01\", \"a\": [1, -2.5, true, null] } күтілетін § 5.1 өтті }\n"
      "  мысал \"қ\" { жазба { тексеру_күні = 2020-01-01 клиент.санаттары = {жетім} § 5.1 = ақиқат } күтілетін сәйкес }");
  for (size_t n = 0; n < full.size(); ++n) {
    if ((static_cast<unsigned char>(full[n]) & 0xC0) == 0x80) continue;  // inside a letter
    const CompileResult r = compile_text(full.substr(0, n));
    EXPECT_TRUE(r.ok() || !r.diagnostics.all().empty()) << n;
  }
  EXPECT_TRUE(compile_text(full).ok());
}

}  // namespace
}  // namespace ssd::testing

namespace ssd::testing {
namespace {

const Provision* provision(const Program& p, const std::string& rule, size_t nth = 0) {
  for (const Provision& v : p.provisions)
    if (v.rule == rule && nth-- == 0) return &v;
  return nullptr;
}

TEST(Blocks, KeysTextsAndRequirementsInTheirProvision) {
  const CompileResult r = compile_text(instrument(
      "  тармақ 5 \"Қызметтер:\" {\n"
      "    тармақша 1 \"бөлме беру;\" { талап бөлме { талап_етіледі ақиқат } }\n"
      "    тармақша 2 \"жиһаз беру;\" {\n"
      "      абзац 3 \"үшінші абзац\" { талап абзац_талабы куәландырылады { } }\n"
      "      абзац \"нөмірсіз бөлік\" { талап бөлік куәландырылады { } }\n"
      "    }\n"
      "  }\n"
      "  қосымша 3 { тақырыбы \"Нормалар\" { кодталмайды \"тақырып\" } жол 18 \"Жөргектер\" { талап жөргек куәландырылады { } } }\n"
      "  жол 7 \"Кесте жолы\" { талап жол_талабы куәландырылады { } }"));
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  const Program& p = r.instruments[0].program;
  ASSERT_TRUE(provision(p, "5") && provision(p, "5.1") && provision(p, "5.2.3") && provision(p, "app3:title") &&
              provision(p, "app3:18") && provision(p, "7"));
  EXPECT_EQ(provision(p, "5")->text, "Қызметтер:");
  EXPECT_EQ(provision(p, "5.1")->kind, ProvisionKind::SubParagraph);
  EXPECT_EQ(provision(p, "5.2.3")->citation, "Тест, 5-тармақтың 2) тармақшасының үшінші абзацы");
  EXPECT_EQ(provision(p, "5.2", 1)->kind, ProvisionKind::Abzats);  // the unnumbered part keeps 5.2
  EXPECT_EQ(provision(p, "5.2", 1)->text, "нөмірсіз бөлік");
  EXPECT_EQ(provision(p, "app3:title")->citation, "Тест, 3-қосымшаның тақырыбы");
  EXPECT_EQ(provision(p, "app3:18")->citation, "Тест, 3-қосымшаның 18-жолы");
  EXPECT_EQ(provision(p, "7")->kind, ProvisionKind::Row);
  for (const Requirement& q : p.requirements) EXPECT_EQ(q.rule, p.provisions[q.provision].rule) << q.name;
  EXPECT_EQ(law_of(p, p.requirements[0]), "бөлме беру;");
  EXPECT_EQ(provision(p, "5.1")->line, 5);
  EXPECT_EQ(provision(p, "5.1")->text_line, 5);
}

TEST(Blocks, PlacesAndDuplicates) {
  // With a requirement of its own, so that the instrument is not empty.
  auto ids = [](const std::string& blocks) {
    return diag_ids(compile_text(instrument("  тармақ 9 { талап т { талап_етіледі ақиқат } }\n" + blocks)));
  };
  EXPECT_EQ(ids("  тармақша 1 \"x\" { кодталмайды \"y\" }"), "bad_block_place");
  EXPECT_EQ(ids("  қосымша 5 { абзац 2 \"x\" { кодталмайды \"y\" } }"), "bad_block_place");
  EXPECT_EQ(ids("  тармақ 5 { абзац 2 \"x\" { кодталмайды \"y\" } }"), "");  // a paragraph's абзац
  EXPECT_EQ(ids("  тармақ \"x\" { кодталмайды \"y\" }"), "missing_block_number");
  EXPECT_EQ(ids("  тармақ 4 \"x\" { кодталмайды \"y\" }  тармақ 4 \"z\" { кодталмайды \"y\" }"), "duplicate_provision");
  EXPECT_EQ(ids("  тармақ 4 \"x\" { }"), "provision_not_encoded");
  EXPECT_EQ(ids("  тармақ 4 \"x\" { кодталмайды \"y\" талап а { талап_етіледі ақиқат } }"), "reason_with_requirement");
  // A paragraph an enumeration's members cite is encoded by them.
  EXPECT_EQ(ids("  тармақ 2 \"Санаттар\" { }"), "");
}

TEST(Blocks, ATextTakenFromAnotherBlockOfTheFile) {
  const CompileResult r = compile_text(
      "стандарт a \"A\" { жол 4 \"Жоспардың болуы\" { талап ж куәландырылады { } } }\n"
      "стандарт b \"B\" { жол 2 a § 4 мәтінімен { талап ж куәландырылады { } } }\n");
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  const Program& b = r.instruments.at(1).program;
  EXPECT_EQ(b.provisions.at(0).text, "Жоспардың болуы");
  EXPECT_EQ(b.provisions.at(0).text_from, "a § 4");
  EXPECT_EQ(diag_ids(compile_text("стандарт b \"B\" { жол 2 a § 4 мәтінімен { талап ж куәландырылады { } } }")), "unknown_text");
}

TEST(Examples, RecordsInTheDrafterWordsAreTheContractsJson) {
  const CompileResult r = compile_text(instrument(
      "  тармақ 4 { талап т { талап_етіледі ақиқат } }\n"
      "  мысал \"м\" { жазба {\n"
      "    тексеру_күні = 2021-03-15\n"
      "    клиент.санаттары = {жетім, девиант}\n"
      "    тұрғын_үй.жатын_бөлме_ауданы = 12.5\n"
      "    шағымдар_кітабы.жүргізіледі = ақиқат\n"
      "    шағымдар[\"85\"] = 2\n"
      "    жабдықтау = {{заты = жаялық, күні = 2024-11-02, саны = 90}}\n"
      "    § 4 = қолданылмайды\n"
      "  } күтілетін § 4 өтті }"));
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  EXPECT_EQ(r.instruments[0].examples.at(0).record_json,
            "{\"as_of\": \"2021-03-15\", \"client\": {\"categories\": [\"orphan\", \"deviant_behaviour\"]}, "
            "\"housing\": {\"sleeping_area_m2\": 12.5}, \"complaints_book\": {\"kept\": true}, "
            "\"complaints\": {\"85\": 2}, \"supplies\": [{\"item\": \"diapers\", \"date\": \"2024-11-02\", \"quantity\": 90}], "
            "\"attestations\": {\"4\": \"not_applicable\"}}");
  EXPECT_EQ(r.instruments[0].examples[0].expectations.at(0).status, "pass");
  auto ids = [](const std::string& record) {
    return diag_ids(compile_text(instrument("  тармақ 4 { талап т { талап_етіледі ақиқат } }\n  мысал \"м\" { жазба { " +
                                            record + " } күтілетін сәйкес }")));
  };
  EXPECT_EQ(ids("клиент.санаттары = {сот_актісі}"), "member_of_other_enum");
  EXPECT_EQ(ids("тұрғын_үй.жатын_бөлме_ауданы = \"12\""), "record_value");
  EXPECT_EQ(ids("тұрғын_үй.ауданы = 12"), "unknown_name");
  EXPECT_EQ(ids("§ 4 = иә"), "record_value");
}

TEST(Examples, ExpectationsNameAFindingOrARecord) {
  auto ids = [](const std::string& expectations) {
    return diag_ids(compile_text(instrument("  тармақ 4 { талап т { талап_етіледі ақиқат } }\n  мысал \"м\" { жазба { тексеру_күні = 2021-03-15 } " +
                                            expectations + " }")));
  };
  EXPECT_EQ(ids("күтілетін § 4 өтті күтілетін сәйкес"), "");
  EXPECT_EQ(ids("күтілетін § 4 толық_емес"), "unknown_status");
  EXPECT_EQ(ids("күтілетін өтті"), "unknown_status");
  EXPECT_EQ(ids("күтілетін § 4 сәйкес"), "old_spelling");  // the previous release's word: still read as pass
}

// The old spellings compile with a warning whose fix-it writes the new one; applied, the file
// compiles without warnings and means the same.
TEST(OldSpelling, FixItsWriteTheNewForm) {
  const std::string old_text = instrument(
      "  анықтама бала = тұрғын_үй.бөлмедегі_балалар_саны\n"
      "  сәйкестік негіз : санат -> негіздеме § 4 { жетім -> жао_шешімі }\n"
      "  тармақ 4 {\n"
      "    талап а { шарт қабылдау.негіздеме ішінде негіз(клиент.санаттары) }\n"
      "    талап б { шарт емес (\"12\" ішінде бұзушылықтар) және клиент.санаттары ішінде {жетім, девиант} }\n"
      "    талап в { шарт егер бар(келісімшарт.күні) онда әрбір s ішінде жабдықтау: s.саны <= бала }\n"
      "    талап г { шарт қосынды(t ішінде жабдықтау қайда t.заты = жаялық: t.саны) <= 1 және қабылдау.құжаттар қамтиды куәлік }\n"
      "  }\n"
      "  мысал \"м\" { кіріс { \"as_of\": \"2021-03-15\" } күтілетін § 4 сәйкес_емес }");
  const auto file = std::make_shared<const SourceFile>("old.ssd", old_text);
  const CompileResult old = compile(file);
  ASSERT_TRUE(old.ok()) << old.diagnostics.render(Lang::En);
  int warnings = 0;
  for (const Diagnostic& d : old.diagnostics.all()) warnings += d.id == DiagId::old_spelling;
  EXPECT_EQ(warnings, 17) << old.diagnostics.render(Lang::Kk);
  std::string text = old_text;
  for (int round = 0; round < 5; ++round) {
    int applied = 0;
    const CompileResult r = compile(std::make_shared<const SourceFile>("old.ssd", text));
    const auto fixed = apply_fixits(r.diagnostics, &applied);
    if (!applied) break;
    text = fixed.at(0).second;
  }
  const CompileResult now = compile(std::make_shared<const SourceFile>("old.ssd", text));
  EXPECT_TRUE(now.ok() && now.diagnostics.all().empty()) << now.diagnostics.render(Lang::Kk) << text;
  EXPECT_NE(text.find("талап_етіледі негіз(клиент.санаттары) тізімінде қабылдау.негіздеме"), std::string::npos) << text;
  EXPECT_NE(text.find("бұзушылықтар тізімінде \"12\" емес және {жетім, девиант} тізімінде кемінде_біреуі клиент.санаттары"),
            std::string::npos) << text;
  EXPECT_NE(text.find("егер бар(шарт.күні) болса жабдықтау тізімінде әрбір s: s.саны <= бала"), std::string::npos) << text;
  EXPECT_NE(text.find("қосынды(жабдықтау тізімінде t қайда"), std::string::npos) << text;
  EXPECT_NE(text.find("жазба {"), std::string::npos) << text;
  EXPECT_NE(text.find("күтілетін § 4 өтпеді"), std::string::npos) << text;
  EXPECT_EQ(dump(now.instruments.at(0).program).substr(0, 200), dump(old.instruments.at(0).program).substr(0, 200));
  EXPECT_EQ(now.instruments[0].program.nodes.size(), old.instruments[0].program.nodes.size());
}

TEST(OldSpelling, TheOldStructureIsAnErrorWithTheNewForm) {
  const CompileResult r = compile_text(instrument("  талап т § 5.1 { заңда \"бөлме\" шарт ақиқат }\n"
                                                  "  тармақ § 2 { заңда \"санаттар\" себебі \"тізбе\" }"));
  EXPECT_EQ(diag_ids(r), "old_spelling old_requirement old_provision");  // and `шарт`, this release's warning
  ASSERT_EQ(r.diagnostics.all().at(1).fixits.size(), 1u);
  EXPECT_EQ(r.diagnostics.all()[1].fixits[0].replacement,
            "тармақ 5 {\n    тармақша 1 \"бөлме\" {\n      талап т { шарт ақиқат }\n    }\n  }");
  EXPECT_EQ(r.diagnostics.all()[2].fixits.at(0).replacement, "тармақ 2 \"санаттар\" {\n    кодталмайды \"тізбе\"\n  }");
}

}  // namespace
}  // namespace ssd::testing
