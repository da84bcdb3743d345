// Checks JSON Lines records from standard input with the C++ API; prints each result's JSON line
// and, on standard error, the rule and English message of every failed finding.
//   (built by docs/examples/CMakeLists.txt)   ./check_cpp standards.ssdb < cases.jsonl
#include <iostream>
#include <string>

#include <ssd/report.h>
#include <ssd/runtime.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: check_cpp STANDARDS.ssdb < cases.jsonl\n";
    return 2;
  }
  std::string error;
  std::shared_ptr<const ssd::Library> library = ssd::Library::load(argv[1], &error);
  if (!library) {
    std::cerr << "check_cpp: " << error << "\n";
    return 2;
  }
  ssd::RecordChecker checker(library);
  std::string line, out;
  while (std::getline(std::cin, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const ssd::RecordResult& result = checker.check(line);
    out.clear();
    ssd::append_jsonl(result, out);
    std::cout << out;
    for (const ssd::Finding& f : result.findings)
      if (f.status == ssd::FindingStatus::Fail)
        std::cerr << result.id << " § " << result.rule(f) << ": " << result.message(f, /*english=*/true) << "\n";
  }
}
