#include <fstream>
#include <iterator>
#include <set>

#include "ssd/internal/artifact.h"
#include "ssd/internal/bundle.h"
#include "ssd/internal/program.h"
#include "ssd/runtime.h"

namespace ssd {

std::shared_ptr<const Library> Library::of(std::vector<std::shared_ptr<const Program>> programs, std::string* error) {
  auto fail = [&](const std::string& why) -> std::shared_ptr<const Library> {
    if (error) *error = why;
    return nullptr;
  };
  std::shared_ptr<Library> library(new Library());
  std::set<std::string> ids;
  for (const auto& p : programs) {
    if (std::string why = incomplete_reason(*p); !why.empty()) return fail(why);
    const Instrument& in = p->instrument;
    if (!ids.insert(in.id).second) return fail("the instrument " + in.id + " is given twice");
    library->info_.push_back({in.id, in.title, in.in_force_from, in.repealed_from, p->requirements.size()});
  }
  library->programs_ = std::move(programs);
  return library;
}

std::shared_ptr<const Library> Library::load_bytes(std::string_view bytes, std::string* error, LoadFailure* failure) {
  if (failure) *failure = LoadFailure::Format;
  std::vector<std::shared_ptr<const Program>> programs;
  std::optional<WorkCalendar> calendar;
  if (bytes.substr(0, 4) == std::string_view(kBundleMagic, 4)) {
    std::optional<Bundle> bundle = deserialize_bundle(bytes, error);
    if (!bundle) return nullptr;
    std::string why;
    calendar = WorkCalendar::parse(bundle->calendar_tsv, &why);
    if (!calendar) {
      if (error) *error = "the bundle's calendar: " + why;
      return nullptr;
    }
    for (Program& p : bundle->programs) programs.push_back(std::make_shared<const Program>(std::move(p)));
  } else {
    std::optional<Program> p = deserialize(bytes, error);
    if (!p) return nullptr;
    programs.push_back(std::make_shared<const Program>(std::move(*p)));
  }
  std::shared_ptr<const Library> built = of(std::move(programs), error);
  if (!built && failure) *failure = LoadFailure::Incomplete;
  if (!built || !calendar) return built;
  auto library = std::const_pointer_cast<Library>(built);  // still ours alone
  library->calendar_ = std::move(calendar);
  return library;
}

std::shared_ptr<const Library> Library::load(const std::string& path, std::string* error, LoadFailure* failure) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes(std::istreambuf_iterator<char>(in), {});
  if (!in && !in.eof()) {
    if (error) *error = "cannot read " + path;
    if (failure) *failure = LoadFailure::Io;
    return nullptr;
  }
  std::shared_ptr<const Library> library = load_bytes(bytes, error, failure);
  if (!library && error) *error = path + ": " + *error;
  return library;
}

}  // namespace ssd
