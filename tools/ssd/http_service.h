// The answers of `ssd serve` (docs/cli.md), apart from the socket server: a request's method,
// target and body in, its status, content type and body out. The server hands every request it
// has read to handle(); the fuzz target tests/fuzz/http_fuzz.cpp calls the same function.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "ssd/runtime.h"

namespace ssd::cli {

struct HttpRequest {
  std::string method;  // GET, POST, …; HEAD is answered as GET
  std::string target;  // the path and query as sent: /v1/check?lang=en (percent-encoded)
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

// An error as the service writes it: {"code":…,"message":…}.
HttpResponse http_error(int status, const std::string& code, const std::string& message);

class HttpService {
 public:
  // `load` loads the standards again for POST /v1/reload (null when they do not load).
  using Loader = std::function<std::shared_ptr<const ssd::Library>()>;
  HttpService(std::shared_ptr<const ssd::Library> first, Loader load);

  // Safe to call from many threads at once; never throws.
  HttpResponse handle(const HttpRequest& request);

  // Swaps in the standards loaded anew; requests being answered keep theirs. Empty when done,
  // else why not (the previous standards stay).
  std::string reload();
  // Requests being answered now.
  int in_flight() const { return in_flight_; }

 private:
  std::shared_ptr<const ssd::Library> current() const;
  HttpResponse route(const std::string& method, const std::string& path, const std::string& query, const std::string& body);

  Loader load_;
  mutable std::mutex mutex_;  // guards library_
  std::shared_ptr<const ssd::Library> library_;
  std::mutex reloading_;
  std::atomic<int> in_flight_ = 0;
};

}  // namespace ssd::cli
