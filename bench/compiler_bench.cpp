// Compiling a long chain of conditions (`a және b және …`): time and memory grow with the
// chain's length, not with its square. Every allocation is counted, so the bytes each term adds
// stay flat when they do.
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
  return "стандарт t-1 \"Тізбек\" {\n  тармақ 1 { талап т { талап_етіледі " + condition + " } }\n}\n";
}

// The bytes one compilation of the source allocates.
size_t bytes_to_compile(const std::shared_ptr<const ssd::SourceFile>& file, bool& ok) {
  const size_t before = allocated;
  ok = ssd::compile(file).ok();
  return allocated - before;
}

void BM_CompileChain(benchmark::State& state) {
  const int terms = static_cast<int>(state.range(0));
  const auto file = std::make_shared<const ssd::SourceFile>("chain.ssd", chain(terms));
  bool ok = true;
  // What a chain of one term costs (the prelude, the instrument): the rest is the chain's.
  const size_t base = bytes_to_compile(std::make_shared<const ssd::SourceFile>("one.ssd", chain(1)), ok);
  size_t bytes = 0;
  for (auto _ : state) {
    bytes = bytes_to_compile(file, ok);
    if (!ok) state.SkipWithError("the chain does not compile");
  }
  state.counters["terms"] = terms;
  state.counters["bytes_allocated_per_added_term"] = static_cast<double>(bytes - base) / (terms - 1);
  state.SetComplexityN(terms);
}
BENCHMARK(BM_CompileChain)->Arg(50)->Arg(100)->Arg(200)->Complexity()->Unit(benchmark::kMillisecond);

}  // namespace

void* operator new(size_t size) {
  allocated += size;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

BENCHMARK_MAIN();
