// The load-time verifier: what the compiler makes passes it, and each op, given operands of the
// wrong type or indices that point outside, is refused before the evaluator can run it.
#include <filesystem>
#include <functional>

#include "ssd/internal/artifact.h"
#include "ssd/internal/verify.h"
#include "test_support.h"

namespace ssd::testing {
namespace {

// One requirement or more for every op.
Program every_op() {
  static const Program program = [] {
    const CompileResult r = compile_text(instrument(
        "  сәйкестік_кестесі негіз : санат -> негіздеме § 4 { жетім -> жао_шешімі  девиант -> сот_актісі }\n"
        "  тармақ 1 { талап а { талап_етіледі тұрғын_үй.жатын_бөлме_ауданы / тұрғын_үй.бөлмедегі_балалар_саны >= 4 м² } }\n"
        "  тармақ 2 { талап ә { талап_етіледі жасы(клиент.туған_күні, қабылдау.күні) >= 11 } }\n"
        "  тармақ 3 { талап б { талап_етіледі жоспар.әзірленген_күні <= қабылдау.күні + 14 күнтізбелік күн } }\n"
        "  тармақ 4 { талап в { талап_етіледі негіз(клиент.санаттары) тізімінде қабылдау.негіздеме } }\n"
        "  тармақ 5 { талап г { талап_етіледі қабылдау.құжаттар + қабылдау.сұратылған_құжаттар тізімінде {куәлік, анықтамасы} } }\n"
        "  тармақ 6 { талап ғ { талап_етіледі кезең_сайын(шағымдар_кітабы.қаралған_күндері, 1 ай, тексеру_күні) } }\n"
        "  тармақ 7 { талап д { талап_етіледі күнтізбелік_кезең_сайын(шағымдар_кітабы.қаралған_күндері, 3 ай, тексеру_күні) } }\n"
        "  тармақ 8 { талап е { талап_етіледі бұзушылықтар тізімінде \"12\" емес және шағымдар[\"12\"] болмаса 0 < 2 } }\n"
        "  тармақ 9 { талап ж { талап_етіледі жабдықтау тізімінде әрбір s: s.саны <= 1 } }\n"
        "  тармақ 10 { талап з { талап_етіледі жабдықтау тізімінде кемінде_біреуі s: s.дәрігер_қорытындысы } }\n"
        "  тармақ 11 { талап и { талап_етіледі саны(жабдықтау тізімінде s қайда s.заты = жаялық) <= 1 } }\n"
        "  тармақ 12 { талап й { талап_етіледі қосынды(жабдықтау тізімінде s: s.саны) < 10 } }\n"
        "  тармақ 13 { талап к { талап_етіледі егер бар(шығару.күні) болса шығару.күні - қабылдау.күні > 0 күн немесе -1 < 0 "
        "әйтпесе жалған } }\n"
        "  тармақ 14 { талап қ { талап_етіледі саны(клиент.санаттары) != 2 және қабылдау.күні - 1 ай < тексеру_күні } }\n"
        "  тармақ 15 { талап л { талап_етіледі {жетім} тізімінде кемінде_біреуі клиент.санаттары } }\n"
        "  тармақ 16 { талап м { талап_етіледі 1 + 2 * 3 - 4 = 3 } }"));
    EXPECT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
    return r.ok() ? r.instruments.at(0).program : Program{};
  }();
  return program;
}

// The first node of the op (and type, when given).
std::int32_t find(const Program& p, Op op, std::optional<ValueType> type = std::nullopt) {
  for (size_t i = 0; i < p.nodes.size(); ++i)
    if (p.nodes[i].op == op && (!type || p.nodes[i].type == *type)) return static_cast<std::int32_t>(i);
  ADD_FAILURE() << "no " << to_string(op) << " node";
  return 0;
}

// A field node reading the slot of `json_path`.
std::int32_t field(const Program& p, const std::string& json_path) {
  for (size_t i = 0; i < p.nodes.size(); ++i)
    if (p.nodes[i].op == Op::Field && p.slots[p.nodes[i].a].json_path == json_path) return static_cast<std::int32_t>(i);
  ADD_FAILURE() << "no field node of " << json_path;
  return 0;
}

Node make(Op op, ValueType type, std::int32_t a = -1, std::int32_t b = -1, std::int32_t c = -1) {
  Node n;
  n.op = op;
  n.type = type;
  n.a = a;
  n.b = b;
  n.c = c;
  return n;
}

TEST(Verify, TheCompilersProgramsPass) {
  EXPECT_EQ(verify(every_op()), "");
  std::vector<std::shared_ptr<const SourceFile>> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SSD_SOURCE_DIR "/standards")) {
    if (entry.path().extension() != ".ssd") continue;
    std::optional<SourceFile> file = read_source_file(entry.path().string(), nullptr);
    ASSERT_TRUE(file) << entry.path();
    files.push_back(std::make_shared<const SourceFile>(std::move(*file)));
  }
  const CompileResult r = compile_sources(files);
  ASSERT_TRUE(r.ok()) << r.diagnostics.render(Lang::En);
  ASSERT_GT(r.instruments.size(), 10u);
  for (const CompiledInstrument& in : r.instruments) EXPECT_EQ(verify(in.program), "") << in.program.instrument.id;
}

TEST(Verify, EveryOpIsCovered) {
  const Program p = every_op();
  for (int op = 0; op <= static_cast<int>(Op::CalendarEvery); ++op)
    EXPECT_TRUE(std::any_of(p.nodes.begin(), p.nodes.end(), [&](const Node& n) { return static_cast<int>(n.op) == op; }))
        << to_string(static_cast<Op>(op));
}

// A program made wrong in one place, and what the verifier must say of it.
struct Case {
  std::string name;
  std::function<void(Program&)> spoil;
  std::string says;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class Refused : public ::testing::TestWithParam<Case> {};

TEST_P(Refused, ByTheVerifierAndTheLoader) {
  Program p = every_op();
  GetParam().spoil(p);
  const std::string why = verify(p);
  EXPECT_NE(why.find(GetParam().says), std::string::npos) << why;
  // With a valid checksum the verifier is all that stands between the bytes and the evaluator.
  std::string error;
  EXPECT_FALSE(deserialize(serialize(p), &error));
  EXPECT_NE(error.find("the artifact is malformed: "), std::string::npos) << error;
}

using T = ValueType;

// Appends a node; it need not be reachable from a requirement to be checked.
std::function<void(Program&)> append(std::function<Node(const Program&)> node) {
  return [node](Program& p) { p.nodes.push_back(node(p)); };
}

const Case kCases[] = {
    // Finding: text_in reading a list of dates indexed the texts out of bounds.
    {"text_in_over_dates", append([](const Program& p) {
       return make(Op::TextIn, T::Bool, find(p, Op::Const, T::Text), field(p, "complaints_book.reviews"));
     }), "operand b is dates, expected texts"},
    {"text_in_of_number", append([](const Program& p) {
       return make(Op::TextIn, T::Bool, find(p, Op::Const, T::Number), field(p, "violations"));
     }), "operand a is number, expected text"},
    // Finding: every_period over a list of texts read heap memory as dates.
    {"every_period_over_texts", append([](const Program& p) {
       const Node& n = p.nodes[find(p, Op::EveryPeriod)];
       return make(Op::EveryPeriod, T::Bool, field(p, "violations"), n.b, n.c);
     }), "operand a is texts, expected dates"},
    {"every_period_unit", [](Program& p) { p.nodes[find(p, Op::EveryPeriod)].unit = TimeUnit::Years; },
     "a term in months counted in years"},
    {"calendar_every_in_days", [](Program& p) {
       const std::int32_t i = find(p, Op::CalendarEvery);
       p.nodes[i].unit = TimeUnit::CalendarDays;
       p.nodes[p.nodes[i].b].unit = TimeUnit::CalendarDays;
     }, "calendar periods are months or years"},
    // Finding: an enum node reading a set slot shifted 1 by a whole set of bits.
    {"field_of_another_type", [](Program& p) { p.nodes[field(p, "client.categories")].type = T::Enum; },
     "its value is enum, slot"},
    {"field_past_the_slots", [](Program& p) { p.nodes[find(p, Op::Field)].a = static_cast<std::int32_t>(p.slots.size()); },
     "is not one of the"},
    {"const_enum_past_64", [](Program& p) {
       p.nodes.push_back(make(Op::Const, T::Enum));
       p.nodes.back().bits = 64;
     }, "member 64 of an enumeration"},
    {"const_date_past_9999", [](Program& p) {
       p.nodes.push_back(make(Op::Const, T::Date));
       p.nodes.back().num = 1e12;
     }, "is no day of the years 0-9999"},
    {"const_list", append([](const Program&) { return make(Op::Const, T::DateList); }), "no constant is of type dates"},
    {"const_text_without_text", append([](const Program&) { return make(Op::Const, T::Text); }), "a text constant without"},
    {"const_set_past_its_enumeration", [](Program& p) {
       p.nodes[find(p, Op::Const, T::EnumSet)].bits = std::uint64_t{1} << 40;
     }, "names a member past the"},
    {"as_of_of_number", [](Program& p) { p.nodes[find(p, Op::AsOf)].type = T::Number; }, "its value is number, expected date"},
    {"present_of_number", [](Program& p) { p.nodes[find(p, Op::Present)].type = T::Number; }, "expected bool"},
    {"otherwise_of_two_types", append([](const Program& p) {
       return make(Op::Otherwise, T::Number, find(p, Op::Const, T::Number), find(p, Op::Const, T::Text));
     }), "operands of types number and text"},
    {"not_of_number", append([](const Program& p) { return make(Op::Not, T::Bool, find(p, Op::Const, T::Number)); }),
     "operand a is number, expected bool"},
    {"and_of_date", append([](const Program& p) {
       return make(Op::And, T::Bool, find(p, Op::Lt), field(p, "admission.date"));
     }), "operand b is date, expected bool"},
    {"or_of_number", [](Program& p) { p.nodes[find(p, Op::Or)].type = T::Number; }, "its value is number, expected bool"},
    {"if_of_number", append([](const Program& p) {
       return make(Op::If, T::Bool, find(p, Op::Const, T::Number), find(p, Op::Lt), find(p, Op::Lt));
     }), "operand a is number, expected bool"},
    {"if_branches_of_two_types", append([](const Program& p) {
       return make(Op::If, T::Bool, find(p, Op::Lt), find(p, Op::Lt), find(p, Op::Const, T::Number));
     }), "operands of types bool and number"},
    {"neg_of_date", append([](const Program& p) { return make(Op::Neg, T::Date, field(p, "admission.date")); }),
     "operand a is date, expected number or area"},
    {"add_of_number_and_area", append([](const Program& p) {
       return make(Op::Add, T::Number, find(p, Op::Const, T::Number), find(p, Op::Const, T::Area));
     }), "operands of types number and area"},
    {"sub_of_dates", append([](const Program& p) {
       return make(Op::Sub, T::Date, field(p, "admission.date"), field(p, "admission.date"));
     }), "operand a is date, expected number or area or duration"},
    {"mul_of_areas", append([](const Program& p) {
       return make(Op::Mul, T::Area, find(p, Op::Const, T::Area), find(p, Op::Const, T::Area));
     }), "operands of types area and area"},
    {"div_of_wrong_result", [](Program& p) { p.nodes[find(p, Op::Div)].type = T::Number; }, "expected area"},
    {"date_add_of_date", append([](const Program& p) {
       return make(Op::DateAdd, T::Date, field(p, "admission.date"), field(p, "admission.date"));
     }), "operand b is date, expected duration"},
    {"date_sub_unit", [](Program& p) { p.nodes[find(p, Op::DateSub)].unit = TimeUnit::WorkingDays; },
     "a term in months counted in working_days"},
    {"days_between_of_number", append([](const Program& p) {
       return make(Op::DaysBetween, T::Duration, find(p, Op::Const, T::Number), field(p, "admission.date"));
     }), "operand a is number, expected date"},
    {"lt_of_text", append([](const Program& p) {
       return make(Op::Lt, T::Bool, find(p, Op::Const, T::Text), find(p, Op::Const, T::Text));
     }), "operand a is text"},
    {"le_of_two_units", append([](const Program& p) {
       return make(Op::Le, T::Bool, p.nodes[find(p, Op::DateSub)].b, find(p, Op::DaysBetween));
     }), "terms in months and calendar_days"},
    {"gt_of_number_and_date", append([](const Program& p) {
       return make(Op::Gt, T::Bool, find(p, Op::Const, T::Number), field(p, "admission.date"));
     }), "operands of types number and date"},
    {"ge_of_enum", append([](const Program& p) {
       return make(Op::Ge, T::Bool, field(p, "admission.basis"), field(p, "admission.basis"));
     }), "operand a is enum"},
    {"eq_of_sets", append([](const Program& p) {
       return make(Op::Eq, T::Bool, field(p, "client.categories"), field(p, "client.categories"));
     }), "operand a is set"},
    {"ne_of_two_enumerations", append([](const Program& p) {
       return make(Op::Ne, T::Bool, field(p, "admission.basis"), find(p, Op::Element, T::Enum));
     }), "members of enumerations"},
    {"in_of_set", append([](const Program& p) {
       return make(Op::In, T::Bool, field(p, "client.categories"), field(p, "client.categories"));
     }), "operand a is set, expected enum"},
    {"in_of_two_enumerations", append([](const Program& p) {
       return make(Op::In, T::Bool, field(p, "admission.basis"), field(p, "client.categories"));
     }), "members of enumerations"},
    {"intersects_of_enum", append([](const Program& p) {
       return make(Op::Intersects, T::Bool, field(p, "admission.basis"), field(p, "client.categories"));
     }), "operand a is enum, expected set"},
    {"contains_of_two_enumerations", append([](const Program& p) {
       return make(Op::Contains, T::Bool, field(p, "client.categories"), field(p, "admission.documents"));
     }), "members of enumerations"},
    {"union_of_bool", [](Program& p) { p.nodes[find(p, Op::Union)].type = T::Bool; }, "its value is bool, expected set"},
    {"map_past_the_mappings", [](Program& p) { p.nodes[find(p, Op::Map)].b = 7; }, "mapping 7 is not one of"},
    {"map_of_another_enumeration", append([](const Program& p) {
       Node n = make(Op::Map, T::EnumSet, field(p, "admission.documents"));
       n.b = 0;
       return n;
     }), "maps members of enumeration"},
    {"age_of_number", append([](const Program& p) {
       return make(Op::Age, T::Number, find(p, Op::Const, T::Number), field(p, "admission.date"));
     }), "operand a is number, expected date"},
    {"count_of_table", append([](const Program& p) { return make(Op::Count, T::Number, field(p, "complaints")); }),
     "operand a is table"},
    {"element_past_its_record", [](Program& p) { p.nodes[find(p, Op::Element)].b = 40; }, "field 40 is not one of"},
    {"element_outside_a_quantifier", [](Program& p) { p.requirements[0].root = find(p, Op::Element, T::Bool); },
     "its condition reads an element outside any quantifier"},
    // Finding: an element read against the list being iterated, past the end of its element.
    {"element_of_another_record_type", [](Program& p) {
       RecordType short_one{"қысқа", {p.record_types[0].fields[0]}};
       p.record_types.push_back(short_one);
       Slot list = p.slots[p.nodes[field(p, "supplies")].a];
       list.record_type = 1;
       list.json_path = "short";
       p.slots.push_back(list);
       const std::int32_t every = find(p, Op::Every);
       Node field_node = make(Op::Field, T::ObjectList);
       field_node.a = static_cast<std::int32_t>(p.slots.size()) - 1;
       p.nodes.push_back(field_node);
       p.nodes.push_back(make(Op::Every, T::Bool, static_cast<std::int32_t>(p.nodes.size()) - 1, p.nodes[every].b));
     }, "its body reads elements of record type 0 from a list of record type 1"},
    {"every_over_dates", append([](const Program& p) {
       return make(Op::Every, T::Bool, field(p, "complaints_book.reviews"), find(p, Op::Lt));
     }), "operand a is not a field holding a list of objects"},
    {"some_of_number", append([](const Program& p) {
       return make(Op::Some, T::Bool, field(p, "supplies"), find(p, Op::Const, T::Number));
     }), "operand b is number, expected bool"},
    {"sum_of_bool", append([](const Program& p) {
       return make(Op::Sum, T::Bool, field(p, "supplies"), -1, find(p, Op::Lt));
     }), "operand c is bool, expected number or area"},
    {"count_where_of_number", append([](const Program& p) {
       return make(Op::CountWhere, T::Number, field(p, "supplies"), find(p, Op::Const, T::Number));
     }), "operand b is number, expected bool"},
    {"index_of_texts", append([](const Program& p) {
       Node n = make(Op::Index, T::Number, field(p, "violations"), find(p, Op::Const, T::Text));
       n.text = 0;
       return n;
     }), "operand a is texts, expected table"},
    {"index_without_text", [](Program& p) { p.nodes[find(p, Op::Index)].text = -1; }, "an index without the text"},
    // Structure.
    {"unknown_op", [](Program& p) { p.nodes[0].op = static_cast<Op>(39); }, "op 39 is unknown"},
    {"unknown_type", [](Program& p) { p.nodes[0].type = static_cast<ValueType>(12); }, "type 12 is unknown"},
    {"operand_after_its_node", [](Program& p) {
       p.nodes[find(p, Op::And)].a = static_cast<std::int32_t>(p.nodes.size());
     }, "operand a = "},
    {"operand_that_must_be_absent", [](Program& p) { p.nodes[find(p, Op::Not)].b = 0; }, "operand b must be -1"},
    {"text_past_the_texts", [](Program& p) { p.nodes[0].text = static_cast<std::int32_t>(p.texts.size()); }, "text "},
    {"too_deep", [](Program& p) {
       std::int32_t last = find(p, Op::Lt);
       for (int i = 0; i < kMaxNodeDepth; ++i) {
         p.nodes.push_back(make(Op::Not, T::Bool, last));
         last = static_cast<std::int32_t>(p.nodes.size()) - 1;
       }
     }, "deep, at most"},
    // Each node using the one before it twice: 2^40 visits from 41 nodes.
    {"too_many_visits", [](Program& p) {
       std::int32_t last = find(p, Op::Lt);
       for (int i = 0; i < 40; ++i) {
         p.nodes.push_back(make(Op::And, T::Bool, last, last));
         last = static_cast<std::int32_t>(p.nodes.size()) - 1;
       }
       p.requirements[0].root = last;
     }, "its condition visits more than 10000 nodes"},
    {"root_of_number", [](Program& p) { p.requirements[0].root = find(p, Op::Const, T::Number); }, "its condition is number"},
    {"root_past_the_nodes", [](Program& p) { p.requirements[0].root = static_cast<std::int32_t>(p.nodes.size()); }, "root "},
    {"attested_with_a_root", [](Program& p) { p.requirements[0].attested = true; }, "an attested requirement with"},
    {"unknown_severity", [](Program& p) { p.requirements[0].severity = static_cast<Severity>(4); }, "severity 4"},
    {"enumeration_of_64", [](Program& p) { p.enums[0].members.resize(64); }, "64 members, at most 63"},
    {"image_past_its_enumeration", [](Program& p) { p.mappings[0].image[0] = std::uint64_t{1} << 60; },
     "an image names a member past"},
    {"image_count", [](Program& p) { p.mappings[0].image.pop_back(); }, "images for"},
    {"slot_of_a_term", [](Program& p) { p.slots[0].type = T::Duration; }, "a record field cannot hold a term"},
    {"slot_without_its_enumeration", [](Program& p) { p.slots[p.nodes[field(p, "admission.basis")].a].enum_id = -1; },
     "enum_id -1 for a value of type enum"},
    {"list_past_the_record_types", [](Program& p) { p.slots[p.nodes[field(p, "supplies")].a].record_type = 5; },
     "record_type 5 is no record type"},
    {"list_inside_a_list", [](Program& p) {
       Slot inner = p.slots[p.nodes[field(p, "supplies")].a];
       p.record_types[0].fields.push_back(inner);
     }, "a list of objects inside a list of objects"},
};

INSTANTIATE_TEST_SUITE_P(Verify, Refused,
                         ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

}  // namespace
}  // namespace ssd::testing
