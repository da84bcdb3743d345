// Fuzz target: .ssd source. Whatever the bytes, the compiler ends with diagnostics or programs;
// a program it makes must pass the verifier, come back whole from its artifact, and check the
// examples written beside its rules and the records that reach all its fields.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "ssd/compiler.h"
#include "ssd/internal/artifact.h"
#include "ssd/internal/verify.h"
#include "ssd/runtime.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = std::make_shared<const ssd::SourceFile>(
      "fuzz.ssd", std::string(reinterpret_cast<const char*>(data), size));
  const ssd::CompileResult result = ssd::compile(file);
  (void)result.diagnostics.render(ssd::Lang::Kk);
  (void)result.diagnostics.render(ssd::Lang::En);
  for (const ssd::CompiledInstrument& in : result.instruments) {
    if (const std::string why = ssd::verify(in.program); !why.empty())
      ssd::fuzz::finding("the verifier refuses what the compiler made: " + why);
    std::string error;
    if (!ssd::deserialize(ssd::serialize(in.program), &error))
      ssd::fuzz::finding("the compiler's program does not load back: " + error);
    (void)ssd::dump(in.program);
    ssd::RecordChecker checker;
    ssd::fuzz::Writers writers;
    checker.add(std::make_shared<const ssd::Program>(in.program));
    std::vector<std::string> records = ssd::fuzz::sample_records(in.program);
    for (size_t i = 0; i < in.examples.size() && i < 4; ++i) records.push_back(in.examples[i].record_json);
    for (const std::string& record : records) ssd::fuzz::write_every_way(checker.check(record), writers);
  }
  return 0;
}
