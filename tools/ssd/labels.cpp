#include "labels.h"

namespace ssd::cli {

namespace {

struct Row {
  const char* kk;
  const char* en;
};

const Row kRows[] = {
#define LABEL(id, kk, en) {kk, en},
#include "labels.def"
#undef LABEL
};

}  // namespace

std::string vlabel(Label id, LabelLang lang, fmt::format_args args, const char* between) {
  const Row& row = kRows[static_cast<int>(id)];
  const std::string kk = fmt::vformat(row.kk, args);
  if (lang == LabelLang::Kk) return kk;
  const std::string en = fmt::vformat(row.en, args);
  return lang == LabelLang::En ? en : kk + between + en;
}

}  // namespace ssd::cli
