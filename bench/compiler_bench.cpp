// Compiling a long chain of conditions (`a және b және …`): time and memory grow with the
// chain's length, not with its square. Every allocation is counted, so the bytes allocated per
// term stay flat when they do.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "ssd/compiler.h"

namespace {

std::atomic<size_t> allocated{0};

std::string chain(int terms) {
  std::string condition = "клиент.туған_күні < 2020-01-01";
  for (int i = 1; i < terms; ++i) condition += " және клиент.туған_күні < 2020-01-01";
  return "стандарт t-1 \"Тізбек\" {\n  талап т § 1 { шарт " + condition + " }\n}\n";
}

void BM_CompileChain(benchmark::State& state) {
  const int terms = static_cast<int>(state.range(0));
  const auto file = std::make_shared<const ssd::SourceFile>("chain.ssd", chain(terms));
  size_t bytes = 0;
  for (auto _ : state) {
    const size_t before = allocated;
    const ssd::CompileResult r = ssd::compile(file);
    bytes = allocated - before;
    if (!r.ok()) state.SkipWithError("the chain does not compile");
  }
  state.counters["terms"] = terms;
  state.counters["bytes_allocated_per_term"] = static_cast<double>(bytes) / terms;
  state.SetComplexityN(terms);
}
BENCHMARK(BM_CompileChain)->Arg(125)->Arg(250)->Arg(500)->Complexity()->Unit(benchmark::kMillisecond);

}  // namespace

void* operator new(size_t size) {
  allocated += size;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

BENCHMARK_MAIN();
