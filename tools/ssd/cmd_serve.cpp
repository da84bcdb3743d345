// ssd serve: the runtime over HTTP/1.1, in the manner of OPA's REST API (docs/cli.md, `ssd serve`).
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include "commands.h"
#include "common_options.h"
#include "http_service.h"
#include "library.h"
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

void send(const HttpResponse& answer, httplib::Response& res) {
  res.status = answer.status;
  res.set_content(answer.body, answer.content_type.c_str());
}

int run_serve(const ServeOptions& o) {
  // Signals go to one thread, which stops or reloads; the workers never see them.
  sigset_t signals;
  sigemptyset(&signals);
  for (int s : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, s);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto first = open_standards(o);
  if (!first) return kCannotRun;
  HttpService service(first, [&o] {
    auto next = open_standards(o);
    if (next) std::cerr << "ssd serve: reloaded " << o.common.standards_folder() << "\n";
    return next;
  });

  // A stop waits until no request has been answered for a moment: the requests already sent are
  // read and answered before the listening socket closes.
  auto drain = [&] {
    using namespace std::chrono;
    const auto give_up = steady_clock::now() + seconds(30);
    auto idle_since = steady_clock::now();
    while (steady_clock::now() < give_up) {
      if (service.in_flight() > 0) idle_since = steady_clock::now();
      else if (steady_clock::now() - idle_since > milliseconds(200)) return;
      std::this_thread::sleep_for(milliseconds(10));
    }
  };

  httplib::Server server;
  const unsigned threads = o.threads ? o.threads : std::max(2u, std::thread::hardware_concurrency());
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(o.max_body);
  // Every request cpp-httplib has read is answered by the service: its routes, its errors.
  const httplib::Server::Handler answer = [&service](const httplib::Request& req, httplib::Response& res) {
    send(service.handle({req.method, req.target, req.body}), res);
  };
  server.Get(".*", answer);
  server.Post(".*", answer);
  server.Put(".*", answer);
  server.Delete(".*", answer);
  server.Patch(".*", answer);
  server.Options(".*", answer);
  // What cpp-httplib refuses before any handler: a body over the limit, a malformed request.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413) return send(http_error(413, "request_too_large", "the body is larger than the server's limit (--max-body)"), res);
    send(http_error(res.status, "invalid_request", "the request cannot be served"), res);
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
        service.reload();
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
      "Answer checks over HTTP/1.1 (docs/cli.md, ssd serve):\n"
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
