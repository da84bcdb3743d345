// The runtime's C++ API (C++17): load compiled standards, check case records against them.
//
//   std::string error;
//   std::shared_ptr<const ssd::Library> library = ssd::Library::load("standards.ssdb", &error);
//   ssd::RecordChecker checker(library);
//   const ssd::RecordResult& r = checker.check(R"({"id":"c1","standard":"edu-org",...})");
//
// Lifetimes: a Library never changes once loaded and may be shared by any number of threads; a
// RecordChecker keeps its Library alive and is used by one thread at a time (one per thread).
// A RecordResult returned by check() is overwritten by the checker's next check(); copy it to
// keep it. A result (and a copy of it) keeps the instrument it was checked against alive.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ssd/calendar.h"
#include "ssd/dates.h"
#include "ssd/export.h"
#include "ssd/result.h"

namespace ssd {

// One instrument of a library, as a list of standards shows it.
struct InstrumentInfo {
  std::string id;     // contract §1, e.g. "edu-org"
  std::string title;
  std::optional<Day> in_force_from, repealed_from;  // the period of force, where known
  std::size_t requirements = 0;                     // every wording of every period
};

// Why a library did not load.
enum class LoadFailure {
  Io,          // the file cannot be read
  Format,      // not an artifact or a bundle, another format version, corrupt or truncated
  Incomplete,  // an instrument compiled alone without its amending orders, or with no requirement,
               // or given twice
};

// Compiled instruments, each with all its wordings, and the working-day calendar they are
// checked with. Immutable: safe to share between threads.
class SSD_API Library {
 public:
  // A bundle (.ssdb, `ssd compile --standards DIR -o FILE`: every instrument of a folder and
  // its calendar) or one artifact (.ssdc, checked with the built-in calendar). Null, and why in
  // `error`, for a file that cannot be read, is not one of these, is corrupt, or holds an
  // instrument that cannot check records (compiled alone without its amending orders, or
  // without a requirement). Never throws but std::bad_alloc.
  // `failure`, when given, says which kind of failure it was.
  static std::shared_ptr<const Library> load(const std::string& path, std::string* error,
                                             LoadFailure* failure = nullptr);
  // The same, from the file's bytes.
  static std::shared_ptr<const Library> load_bytes(std::string_view bytes, std::string* error,
                                                   LoadFailure* failure = nullptr);
  // Programs compiled in this process (the compiler's output), with the built-in calendar; an
  // id given twice, or a program load() would refuse, is an error (LoadFailure::Incomplete).
  static std::shared_ptr<const Library> of(std::vector<std::shared_ptr<const Program>> programs, std::string* error);

  const std::vector<InstrumentInfo>& instruments() const { return info_; }
  const WorkCalendar& calendar() const { return calendar_ ? *calendar_ : WorkCalendar::kazakhstan(); }
  const std::vector<std::shared_ptr<const Program>>& programs() const { return programs_; }

 private:
  Library() = default;
  std::vector<std::shared_ptr<const Program>> programs_;
  std::vector<InstrumentInfo> info_;
  std::optional<WorkCalendar> calendar_;  // a bundle's own; else the built-in one
};

// Checks case records, each against the instrument its "standard" names. Not thread-safe: one
// per thread, over a shared Library.
class SSD_API RecordChecker {
 public:
  explicit RecordChecker(std::shared_ptr<const Library> library);
  // An empty checker with a calendar that must outlive it; instruments come by add().
  explicit RecordChecker(const WorkCalendar& calendar = WorkCalendar::kazakhstan());
  ~RecordChecker();
  RecordChecker(const RecordChecker&) = delete;
  RecordChecker& operator=(const RecordChecker&) = delete;

  // Adds an instrument; a later one with the same id replaces it (results already returned keep
  // the one they were checked against).
  void add(std::shared_ptr<const Program> program);
  const Program* find(std::string_view id) const;

  // Checks one record: a JSON object (contract §3). A record that cannot be checked is a result
  // with RecordStatus::Error and the reason, never an exception. The result lives until the
  // next call.
  const RecordResult& check(std::string_view json);

  // The same, for text already padded for the JSON parser: `capacity` bytes are readable from
  // `data` (at least size + padding()); saves a copy in the bulk path.
  const RecordResult& check_padded(const char* data, std::size_t size, std::size_t capacity);
  static std::size_t padding();

  // What a fail or missing_data finding of a computed requirement says of what was found
  // (Finding::detail_kk and detail_en, and so the message after its "—"): both by default;
  // Kazakh only, detail_en left empty, for outputs without message_en; none for outputs that write
  // no message, which then cost nothing to explain.
  enum class Explanations { None, Kazakh, KazakhAndEnglish };
  void set_explanations(Explanations which) { explanations_ = which; }

 private:
  struct Instrument;
  struct State;
  std::shared_ptr<const Library> library_;  // held for its calendar and programs
  std::unordered_map<std::string, std::unique_ptr<Instrument>> instruments_;
  std::unique_ptr<State> state_;
  const WorkCalendar& calendar_;
  Explanations explanations_ = Explanations::KazakhAndEnglish;
};

}  // namespace ssd
