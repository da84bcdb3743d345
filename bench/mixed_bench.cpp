// The runtime's inner loop on the mixed workload: records of every instrument of standards/
// (bench/gen_mixed.py, 2 000 records made at build time), checked and written as `ssd check`
// does, in each of its outputs. Per record; findings/s beside records/s.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ssd/compiler.h"
#include "ssd/report.h"
#include "ssd/runtime.h"

namespace {

struct Mixed {
  ssd::RecordChecker checker;
  std::vector<std::string> input;  // each record with the parser's padding after it

  Mixed() {
    std::vector<std::shared_ptr<const ssd::SourceFile>> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(SSD_SOURCE_DIR "/standards"))
      if (e.path().extension() == ".ssd")
        files.push_back(std::make_shared<const ssd::SourceFile>(*ssd::read_source_file(e.path().string(), nullptr)));
    const ssd::CompileResult r = ssd::compile_sources(files);
    for (const auto& in : r.instruments) checker.add(std::make_shared<const ssd::Program>(in.program));
    std::ifstream in(SSD_MIXED_RECORDS);
    for (std::string line; std::getline(in, line);) input.push_back(line + std::string(ssd::RecordChecker::padding(), ' '));
  }
};

void run(benchmark::State& state, ssd::FindingsOutput findings, ssd::RecordChecker::Explanations explanations) {
  Mixed m;
  m.checker.set_explanations(explanations);
  ssd::JsonlWriter writer(false, findings);
  std::string out;
  size_t i = 0, found = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& rec = m.input[i++ % m.input.size()];
    out.clear();
    const ssd::RecordResult& r = m.checker.check_padded(rec.data(), rec.size() - ssd::RecordChecker::padding(), rec.size());
    writer.append(r, out);
    found += r.findings.size();
    bytes += out.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["findings/s"] = benchmark::Counter(static_cast<double>(found), benchmark::Counter::kIsRate);
  state.counters["bytes/record"] = static_cast<double>(bytes) / static_cast<double>(state.iterations());
}

void BM_MixedAll(benchmark::State& state) {
  run(state, ssd::FindingsOutput::All, ssd::RecordChecker::Explanations::Kazakh);
}
BENCHMARK(BM_MixedAll);

void BM_MixedFailing(benchmark::State& state) {
  run(state, ssd::FindingsOutput::Failing, ssd::RecordChecker::Explanations::Kazakh);
}
BENCHMARK(BM_MixedFailing);

void BM_MixedBrief(benchmark::State& state) {
  run(state, ssd::FindingsOutput::Brief, ssd::RecordChecker::Explanations::None);
}
BENCHMARK(BM_MixedBrief);

}  // namespace
