// Findings of many checked records, counted per requirement of each instrument: the counts of the
// organisation report.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ssd/result.h"

namespace ssd::cli {

struct StatusCounts {
  int pass = 0, fail = 0, not_applicable = 0, missing_data = 0;

  void add(FindingStatus status);
  StatusCounts& operator+=(const StatusCounts& other);
  int total() const { return pass + fail + not_applicable + missing_data; }
};

// True when a citation names `rule` or a paragraph it lies under: "5" covers "5", "5.1" and
// "5.1.2", not "51"; "app3" covers "app3:18".
bool rule_covers(const std::string& cited, const std::string& rule);

class FindingTally {
 public:
  void add(const RecordResult& result);

  // Per requirement of the program (by index), or nullptr when no record named it.
  const std::vector<StatusCounts>* of(const Program& program) const;

 private:
  struct PerProgram {
    const Program* program = nullptr;
    std::vector<StatusCounts> requirements;
  };
  std::map<std::string, PerProgram> by_standard_;
};

}  // namespace ssd::cli
