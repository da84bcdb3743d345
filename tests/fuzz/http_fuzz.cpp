// Fuzz target: requests to `ssd serve`, answered by the service its socket server hands every
// request to (tools/ssd/http_service.cpp), over the compiled standards. An input's first line is
// the method and the target as sent — `POST /v1/check?lang=en&findings=brief` —, the rest is the
// body: records, JSON Lines, anything. Every answer must be a status the service documents, and
// JSON: one line for application/json, each line for application/x-ndjson. A 500 is a finding.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "http_service.h"

namespace {

ssd::cli::HttpService& service() {
  static ssd::cli::HttpService* s = [] {
    std::string error;
    std::shared_ptr<const ssd::Library> library = ssd::Library::of(ssd::fuzz::standards(), &error);
    if (!library) ssd::fuzz::finding("the standards do not make a library: " + error);
    return new ssd::cli::HttpService(library, [library] { return library; });
  }();
  return *s;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  service();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t line_end = std::min(input.find('\n'), input.size());
  const std::string_view line = input.substr(0, line_end);
  const size_t space = std::min(line.find(' '), line.size());
  ssd::cli::HttpRequest request{std::string(line.substr(0, space)), std::string(line.substr(std::min(space + 1, line.size()))),
                                std::string(input.substr(std::min(line_end + 1, input.size())))};
  const ssd::cli::HttpResponse response = service().handle(request);
  switch (response.status) {
    case 200: case 400: case 404: case 405: case 422: break;
    default: ssd::fuzz::finding("status " + std::to_string(response.status) + ": " + response.body);
  }
  if (response.content_type == "application/json") {
    ssd::fuzz::expect_json_line(response.body, "an answer");
  } else if (response.content_type == "application/x-ndjson") {
    for (size_t at = 0; at < response.body.size();) {
      const size_t end = response.body.find('\n', at);
      if (end == std::string::npos) ssd::fuzz::finding("an answer does not end its last line: " + response.body);
      ssd::fuzz::expect_json_line(std::string_view(response.body).substr(at, end + 1 - at), "a line of an answer");
      at = end + 1;
    }
  } else {
    ssd::fuzz::finding("content type " + response.content_type);
  }
  return 0;
}
