// ssd serve: the runtime over HTTP/1.1, in the manner of OPA's REST API (docs/serve.md).
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "commands.h"
#include "common_options.h"
#include "jsonl_input.h"
#include "library.h"
#include "ssd/report.h"
#include "ssd/runtime.h"

namespace ssd::cli {

namespace {

struct ServeOptions {
  CommonOptions common{.lang = "en"};  // diagnostics of the folder in English
  std::string bind = "127.0.0.1";
  int port = 8181;
  unsigned threads = 0;
  size_t max_body = 8 << 20;
};

// The standards a server answers with: a bundle or artifact file, or a folder compiled now (its
// diagnostics on stderr). Null when they do not load.
std::shared_ptr<const ssd::Library> open_standards(const ServeOptions& o) {
  const std::string path = o.common.standards_folder();
  std::string error;
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) {
    auto library = ssd::Library::load(path, &error);
    if (!library) std::cerr << "ssd: " << error << "\n";
    return library;
  }
  Library folder;
  if (!load_standards(o.common, folder)) return nullptr;
  auto library = ssd::Library::of(folder.programs, &error);
  if (!library) std::cerr << "ssd: " << error << "\n";
  return library;
}

// The library in use; a reload swaps it whole. Requests in flight keep the one they started with.
class Current {
 public:
  explicit Current(std::shared_ptr<const ssd::Library> library) : library_(std::move(library)) {}
  std::shared_ptr<const ssd::Library> get() const {
    std::lock_guard lock(mutex_);
    return library_;
  }
  void set(std::shared_ptr<const ssd::Library> library) {
    std::lock_guard lock(mutex_);
    library_ = std::move(library);
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const ssd::Library> library_;
};

// Each worker thread checks with its own checker over the library it last saw.
struct Worker {
  std::shared_ptr<const ssd::Library> library;
  std::unique_ptr<RecordChecker> checker;
  std::unique_ptr<JsonlWriter> writers[2][3];  // [English][FindingsOutput], made when first asked for

  void use(const std::shared_ptr<const ssd::Library>& current) {
    if (library == current) return;
    library = current;
    checker = std::make_unique<RecordChecker>(current);
    for (auto& by_findings : writers)
      for (auto& writer : by_findings) writer.reset();
  }
  JsonlWriter& writer(bool english, FindingsOutput findings) {
    std::unique_ptr<JsonlWriter>& w = writers[english][static_cast<int>(findings)];
    if (!w) w = std::make_unique<JsonlWriter>(english, findings);
    return *w;
  }
};

void reply_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  std::string body = "{\"code\":";
  append_json_string(code, body);
  body += ",\"message\":";
  append_json_string(message, body);
  body += "}\n";
  res.status = status;
  res.set_content(body, "application/json");
}

// POST /v1/check: one record or JSON Lines in; the lines `ssd check` writes out.
void check(const Current& current, const httplib::Request& req, httplib::Response& res) {
  const bool english = req.get_param_value("lang") == "en";
  if (req.has_param("lang") && !english && req.get_param_value("lang") != "kk")
    return reply_error(res, 400, "invalid_parameter", "lang must be kk or en");
  const std::string findings_param = req.has_param("findings") ? req.get_param_value("findings") : "all";
  const FindingsOutput findings = findings_param == "brief" ? FindingsOutput::Brief
                                 : findings_param == "failing" ? FindingsOutput::Failing : FindingsOutput::All;
  if (findings == FindingsOutput::All && findings_param != "all")
    return reply_error(res, 400, "invalid_parameter", "findings must be all, brief or failing");
  if (req.body.find_first_not_of(" \t\r\n") == std::string::npos)
    return reply_error(res, 400, "invalid_parameter", "the body is empty: send a record (a JSON object) or JSON Lines");
  thread_local Worker worker;
  worker.use(current.get());
  worker.checker->set_explanations(findings == FindingsOutput::Brief ? RecordChecker::Explanations::None
                                   : english ? RecordChecker::Explanations::KazakhAndEnglish
                                             : RecordChecker::Explanations::Kazakh);
  JsonlWriter& writer = worker.writer(english, findings);
  std::string out;
  long records = 0;
  std::FILE* in = fmemopen(const_cast<char*>(req.body.data()), req.body.size(), "rb");
  if (!in) return reply_error(res, 500, "internal_error", "cannot read the body");
  for_each_line(in, RecordChecker::padding(), [&](const char* data, size_t size, size_t capacity) {
    writer.append(worker.checker->check_padded(data, size, capacity), out);
    ++records;
    return true;
  });
  std::fclose(in);
  res.set_content(out, records == 1 ? "application/json" : "application/x-ndjson");
}

std::string standards_json(const ssd::Library& library) {
  std::string out = "{\"result\":[";
  for (const InstrumentInfo& in : library.instruments()) {
    if (out.back() != '[') out += ',';
    out += "{\"id\":";
    append_json_string(in.id, out);
    out += ",\"title\":";
    append_json_string(in.title, out);
    for (const auto& [key, day] : {std::pair{"in_force_from", in.in_force_from}, std::pair{"repealed_from", in.repealed_from}}) {
      out += std::string(",\"") + key + "\":";
      if (day) append_json_string(format_date(*day), out);
      else out += "null";
    }
    out += ",\"requirements\":" + std::to_string(in.requirements) + "}";
  }
  return out + "]}\n";
}

int run_serve(const ServeOptions& o) {
  // Signals go to one thread, which stops or reloads; the workers never see them.
  sigset_t signals;
  sigemptyset(&signals);
  for (int s : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, s);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto first = open_standards(o);
  if (!first) return kCannotRun;
  Current current(first);
  std::mutex reloading;
  auto reload = [&]() -> std::string {
    std::lock_guard lock(reloading);
    auto next = open_standards(o);
    if (!next) return "the standards do not load; the previous ones stay (diagnostics on the server's stderr)";
    current.set(std::move(next));
    std::cerr << "ssd serve: reloaded " << o.common.standards_folder() << "\n";
    return "";
  };

  // Checks being answered. A stop waits until none has been for a moment: the requests already
  // sent are read and answered before the listening socket closes.
  std::atomic<int> in_flight = 0;
  auto drain = [&] {
    using namespace std::chrono;
    const auto give_up = steady_clock::now() + seconds(30);
    auto idle_since = steady_clock::now();
    while (steady_clock::now() < give_up) {
      if (in_flight > 0) idle_since = steady_clock::now();
      else if (steady_clock::now() - idle_since > milliseconds(200)) return;
      std::this_thread::sleep_for(milliseconds(10));
    }
  };

  httplib::Server server;
  const unsigned threads = o.threads ? o.threads : std::max(2u, std::thread::hardware_concurrency());
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(o.max_body);
  server.Post("/v1/check", [&](const httplib::Request& req, httplib::Response& res) {
    struct Count {
      std::atomic<int>& n;
      explicit Count(std::atomic<int>& n) : n(n) { ++n; }
      ~Count() { --n; }
    } counted(in_flight);
    check(current, req, res);
  });
  server.Get("/v1/standards", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(standards_json(*current.get()), "application/json");
  });
  server.Get("/health", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}\n", "application/json"); });
  server.Post("/v1/reload", [&](const httplib::Request&, httplib::Response& res) {
    if (std::string error = reload(); !error.empty()) return reply_error(res, 422, "invalid_standards", error);
    res.set_content("{}\n", "application/json");
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413) return reply_error(res, 413, "request_too_large", "the body is larger than the server's limit (--max-body)");
    if (res.status == 404) return reply_error(res, 404, "resource_not_found", "no such path: see GET /v1/standards, POST /v1/check, GET /health");
    if (res.status == 405) return reply_error(res, 405, "method_not_allowed", "this path does not take that method");
    reply_error(res, res.status, "invalid_request", "the request cannot be served");
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    reply_error(res, 500, "internal_error", "the server failed on this request");
  });

  const int port = o.port == 0 ? server.bind_to_any_port(o.bind) : (server.bind_to_port(o.bind, o.port) ? o.port : -1);
  if (port < 0) {
    std::cerr << "ssd: cannot listen on " << o.bind << ":" << o.port << "\n";
    return kCannotRun;
  }
  std::thread watcher([&] {
    for (;;) {
      int s = 0;
      sigwait(&signals, &s);
      if (s == SIGHUP) {
        reload();
        continue;
      }
      std::cerr << "ssd serve: stopping\n";
      drain();
      server.stop();
      return;
    }
  });
  std::cerr << "ssd serve: listening on http://" << o.bind << ":" << port << " (" << threads << " threads, "
            << first->instruments().size() << " instruments)" << std::endl;
  const bool ok = server.listen_after_bind();
  if (!ok) pthread_kill(watcher.native_handle(), SIGTERM);  // the server ended on its own
  watcher.join();
  return ok ? kOk : kCannotRun;
}

}  // namespace

Command add_serve(CLI::App& app) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Answer checks over HTTP/1.1 (docs/serve.md):\n"
      "  POST /v1/check        a record, or JSON Lines; answers what ssd check writes (?lang=en adds message_en)\n"
      "  GET  /v1/standards    the instruments and their periods of force\n"
      "  GET  /health          {} while the server is up\n"
      "  POST /v1/reload       load the standards again (also on SIGHUP); requests in flight finish first\n"
      "SIGTERM or Ctrl-C stops it after the requests in flight.\n"
      "  ssd serve --standards standards --port 8181\n"
      "  curl -s --data-binary @cases.jsonl http://127.0.0.1:8181/v1/check");
  add_common_options(*cmd, o->common,
                     {.standards = "folder of .ssd standards, or a bundle (.ssdb) (default: as for ssd check)", .no_cache = true});
  cmd->add_option("--bind", o->bind, "address to listen on (default 127.0.0.1: this machine only)");
  cmd->add_option("--port", o->port, "port (default 8181; 0: any free port, said on stderr)")->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", o->threads, "worker threads (default: the number of cores, at least 2)");
  cmd->add_option("--max-body", o->max_body, "largest request body in bytes (default 8 MiB); larger: 413");
  return [o] { return run_serve(*o); };
}

}  // namespace ssd::cli
