// The order in which citations read in the law: "5.10" after "5.9", "6-1" after "6", appendix
// rows ("app3:18") after the paragraphs.
#pragma once

#include <string_view>
#include <vector>

namespace ssd::cli {

inline std::vector<long> rule_order(std::string_view rule) {
  std::vector<long> key{rule.rfind("app", 0) == 0 ? 1L : 0L};
  long number = -1;
  for (char c : rule) {
    if (c >= '0' && c <= '9') number = (number < 0 ? 0 : number * 10) + (c - '0');
    else if (number >= 0) { key.push_back(number); number = -1; }
  }
  if (number >= 0) key.push_back(number);
  return key;
}

}  // namespace ssd::cli
