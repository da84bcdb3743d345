#include "builtins.h"

#include <algorithm>
#include <iterator>

#include "ssd/functions.h"

namespace ssd {

namespace {

template <Type::Kind K>
bool is(const Type& t) { return t.kind == K; }

bool list_or_set(const Type& t) {
  return t.kind == Type::EnumSet || t.kind == Type::DateList || t.kind == Type::TextList || t.kind == Type::ObjectList;
}
bool calendar_term(const Type& t) {
  return t.kind == Type::Duration && (t.unit == TimeUnit::Months || t.unit == TimeUnit::Years);
}

constexpr BuiltinParam kDate{is<Type::Date>, Type::Date};
constexpr BuiltinParam kDates{is<Type::DateList>, Type::DateList};

const Builtin kRows[] = {
    {"жасы", Op::Age, 2, 0, {kDate, kDate}, Type::Number, false,
     "жасы(туған: дата, күні: дата) -> сан", Word::computes_age},
    {"саны", Op::Count, 1, 0, {{list_or_set, Type::Error, Word::list_or_set}}, Type::Number, false,
     "саны(x) -> сан; саны(L тізімінде v қайда c) -> сан", Word::computes_count},
    {"бар", Op::Present, 1, 0, {{}}, Type::Bool, false, "бар(x) -> логикалық", Word::computes_present},
    // The fourth argument, optional, is the day the duty starts (an admission, an opening): the
    // first period is counted from it (language.md §21).
    {"кезең_сайын", Op::EveryPeriod, 3, 1,
     {kDates, {is<Type::Duration>, Type::Error, Word::any_term}, kDate, kDate},
     Type::Bool, true,
     "кезең_сайын(күндер: тізім дата, мерзім, дейін: дата[, бастап: дата]) -> логикалық",
     Word::computes_every_period},
    {"күнтізбелік_кезең_сайын", Op::CalendarEvery, 3, 1,
     {kDates, {calendar_term, Type::Error, Word::calendar_term}, kDate, kDate},
     Type::Bool, true,
     "күнтізбелік_кезең_сайын(күндер: тізім дата, мерзім: ай | жыл, дейін: дата[, бастап: дата]) -> логикалық",
     Word::computes_calendar_every},
};

}  // namespace

std::span<const Builtin> builtins() { return kRows; }

const Builtin* find_builtin(std::string_view name) {
  const auto it = std::find_if(std::begin(kRows), std::end(kRows), [&](const Builtin& b) { return name == b.name; });
  return it == std::end(kRows) ? nullptr : it;
}

std::vector<FunctionHelp> functions(Lang lang) {
  std::vector<FunctionHelp> out;
  for (const Builtin& b : kRows) out.push_back({b.name, b.signature, word(b.computes, lang)});
  out.push_back({"қосынды", "қосынды(L тізімінде v [қайда c]: e)", word(Word::computes_sum, lang)});
  return out;
}

}  // namespace ssd
