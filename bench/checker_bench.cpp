// The runtime's inner loop on edu-org records: decode + evaluate (+ render), one record at a time,
// as `ssd check` does it; and + count per organisation, requirement and month, as `ssd report`. Records are the peers' (shared/perf/gen.py shape), built here.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "ssd/runtime.h"
#include "ssd/compiler.h"
#include "org_report.h"
#include "org_tally.h"
#include "ssd/report.h"

namespace {

std::vector<std::string> records() {
  std::vector<std::string> out;
  const char* cats[] = {"orphan", "deviant_behaviour", "crime_suspect", "youth_home"};
  const char* bases[] = {"lea_decision", "court_act", "criminal_process_resolution", "guardianship_referral"};
  for (int i = 0; i < 1000; ++i) {
    out.push_back("{\"id\":\"p-" + std::to_string(i) + "\",\"standard\":\"edu-org\",\"as_of\":\"2021-03-15\","
                  "\"client\":{\"birth_date\":\"2009-05-01\",\"sex\":\"female\",\"categories\":[\"" + cats[i % 4] + "\"]},"
                  "\"organization\":{\"ownership\":\"state\"},"
                  "\"admission\":{\"date\":\"2020-09-01\",\"basis\":\"" + bases[(i / 4 + i) % 4] + "\",\"basis_date\":\"2020-08-28\"},"
                  "\"housing\":{\"sleeping_area_m2\":" + std::to_string(10 + i % 9) + ",\"children_in_room\":3},"
                  "\"complaints_book\":{\"kept\":true,\"reviews\":[\"2021-02-22\",\"2021-03-01\",\"2021-03-08\",\"2021-03-15\"]}}");
    out.back().append(64, ' ');  // padding for the parser
  }
  return out;
}

struct Fixture {
  ssd::RecordChecker checker;
  std::vector<std::shared_ptr<const ssd::Program>> programs;
  std::vector<std::string> input = records();
  Fixture() {
    // The whole standards folder: edu-org's wording comes with its amending order.
    std::vector<std::shared_ptr<const ssd::SourceFile>> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(SSD_SOURCE_DIR "/standards"))
      if (e.path().extension() == ".ssd")
        files.push_back(std::make_shared<const ssd::SourceFile>(*ssd::read_source_file(e.path().string(), nullptr)));
    const ssd::CompileResult r = ssd::compile_sources(files);
    for (const auto& in : r.instruments) programs.push_back(std::make_shared<const ssd::Program>(in.program));
    for (const auto& p : programs) checker.add(p);
  }
};

void BM_Check(benchmark::State& state) {
  Fixture f;
  size_t i = 0;
  for (auto _ : state) {
    const std::string& rec = f.input[i++ % f.input.size()];
    const size_t size = rec.size() - 64;
    benchmark::DoNotOptimize(f.checker.check_padded(rec.data(), size, rec.size()).status);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_Check);

// Checks each record and writes its line with `writer`, the loop of ssd check.
void check_and_render(benchmark::State& state, Fixture& f, ssd::JsonlWriter writer) {
  std::string out;
  size_t i = 0;
  for (auto _ : state) {
    const std::string& rec = f.input[i++ % f.input.size()];
    out.clear();
    writer.append(f.checker.check_padded(rec.data(), rec.size() - 64, rec.size()), out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_CheckAndRender(benchmark::State& state) {
  Fixture f;
  check_and_render(state, f, ssd::JsonlWriter());
}
BENCHMARK(BM_CheckAndRender);

// ssd report's loop: the same records of 500 organisations, checked and counted.
void BM_CheckAndTally(benchmark::State& state) {
  Fixture f;
  for (size_t i = 0; i < f.input.size(); ++i) {
    const size_t at = f.input[i].find("\"ownership\"");
    f.input[i].insert(at, "\"id\":\"org-" + std::to_string(i % 500) + "\",");
  }
  ssd::cli::ReportBuilder overall(f.programs);
  ssd::cli::OrganizationTally tally(f.programs);
  size_t i = 0;
  for (auto _ : state) {
    const std::string& rec = f.input[i++ % f.input.size()];
    const ssd::RecordResult& r = f.checker.check_padded(rec.data(), rec.size() - 64, rec.size());
    overall.add(r);
    tally.add(r);
  }
  benchmark::DoNotOptimize(tally.groups().size());
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_CheckAndTally);

// The same in brief output (rule, status and severity of each finding), nothing explained.
void BM_CheckAndRenderBrief(benchmark::State& state) {
  Fixture f;
  f.checker.set_explanations(ssd::RecordChecker::Explanations::None);
  check_and_render(state, f, ssd::JsonlWriter(false, ssd::FindingsOutput::Brief));
}
BENCHMARK(BM_CheckAndRenderBrief);

}  // namespace

BENCHMARK_MAIN();
