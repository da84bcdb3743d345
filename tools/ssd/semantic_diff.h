// The meaning of two versions of an instrument compared provision by provision: which
// requirements were added, removed, re-worded with the same meaning, or changed in meaning, and
// what changed (a term, a list's members, a severity, ...).
#pragma once

#include <string>
#include <vector>

#include "labels.h"
#include "order_changes.h"
#include "ssd/internal/program.h"

namespace ssd::cli {

struct ProvisionChange {
  // NewWording: in the newer version only, given by a new wording whose previous wording the
  // corpus lacks (an instrument given in part): not an addition.
  enum Kind { Added, Removed, Reworded, Changed, NewWording };
  Kind kind;
  std::string rule;
  std::string name;          // the requirement's name, in the newer version where it exists
  std::string old_law, new_law;
  std::vector<std::string> what;  // each change in meaning, in the diff's LabelLang
  std::string source{};           // between two dates: the amending order, instruction and day
};

struct InstrumentDiff {
  std::string old_label, new_label;  // file names or dates
  std::string id;
  std::vector<std::string> metadata;  // changes of the period of force and the acts
  std::vector<std::string> notes;     // what the corpus cannot tell (not counted as changes)
  std::vector<ProvisionChange> changes;
  // Between two dates: every change the amending orders make then, to any provision.
  std::vector<OrderChangeView> amendments;
  bool meaning_changed() const;
};

// Labels (units, severities, what changed) in `lang`: Json for JSON output.
InstrumentDiff diff_programs(const Program& older, const Program& newer, LabelLang lang);

// The condition of a requirement in a canonical form: names resolved, enumeration members by
// code, sets sorted, mappings written out. Two conditions mean the same when these are equal.
std::string canonical(const Program& program, std::int32_t node);

const char* to_string(ProvisionChange::Kind kind);

}  // namespace ssd::cli
