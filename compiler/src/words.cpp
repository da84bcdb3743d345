#include "words.h"

#include <fmt/format.h>

namespace ssd {

namespace {

struct Row {
  const char* kk;
  const char* en;
};

const Row kRows[] = {
#define WORD(id, kk, en) {kk, en},
#include "words.def"
#undef WORD
};

}  // namespace

std::string word(Word w, Lang lang, const std::string& arg) {
  const Row& row = kRows[static_cast<int>(w)];
  return fmt::format(fmt::runtime(lang == Lang::Kk ? row.kk : row.en), arg);
}

std::string bilingual(Word w, const std::string& arg) { return bilingual(word(w, Lang::Kk, arg), word(w, Lang::En, arg)); }

std::string code_words(const std::vector<std::string>& words) {
  std::string kk, en;
  for (const std::string& w : words) {
    kk += (kk.empty() ? "«" : ", «") + w + "»";
    en += (en.empty() ? "'" : ", '") + w + "'";
  }
  return bilingual(kk, en);
}

}  // namespace ssd
