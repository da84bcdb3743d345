// The meaning of two versions of an instrument compared provision by provision: which
// requirements were added, removed, re-worded with the same meaning, or changed in meaning, and
// what changed (a term, a list's members, a severity, ...).
#pragma once

#include <string>
#include <vector>

#include "ssd/internal/program.h"

namespace ssd::cli {

struct ProvisionChange {
  enum Kind { Added, Removed, Reworded, Changed };
  Kind kind;
  std::string rule;
  std::string name;          // the requirement's name, in the newer version where it exists
  std::string old_law, new_law;
  std::vector<std::string> what;  // each change in meaning, in Kazakh and English: "kk — en"
};

struct InstrumentDiff {
  std::string old_label, new_label;  // file names or dates
  std::string id;
  std::vector<std::string> metadata;  // changes of the period of force and the acts
  std::vector<ProvisionChange> changes;
  bool meaning_changed() const;
};

InstrumentDiff diff_programs(const Program& older, const Program& newer);

// The condition of a requirement in a canonical form: names resolved, enumeration members by
// code, sets sorted, mappings written out. Two conditions mean the same when these are equal.
std::string canonical(const Program& program, std::int32_t node);

const char* to_string(ProvisionChange::Kind kind);

}  // namespace ssd::cli
