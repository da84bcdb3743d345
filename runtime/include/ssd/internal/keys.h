// Keys of provisions (contract §2: "7", "6-1", "5.1", "app3:18") in the order the law numbers
// them, and a run of them written as the law writes a range ("1–90").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ssd {

// "2" before "10", "6" before "6-1" before "7", "5" before "5.1": numbers by value, the rest as text.
bool key_less(std::string_view a, std::string_view b);

// Keys in order, consecutive whole numbers joined: {"1", "2", "3", "5"} → "1–3, 5".
std::string key_ranges(const std::vector<std::string>& keys);

}  // namespace ssd
