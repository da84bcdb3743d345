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
  switch (lang) {
    case LabelLang::Kk: return fmt::vformat(row.kk, args);
    case LabelLang::En: return fmt::vformat(row.en, args);
    case LabelLang::Json: break;
  }
  return fmt::vformat(row.kk, args) + between + fmt::vformat(row.en, args);
}

}  // namespace ssd::cli
