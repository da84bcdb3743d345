#include "http_service.h"

#include <httplib.h>

#include <cstdio>

#include "jsonl_input.h"
#include "ssd/report.h"

namespace ssd::cli {

namespace {

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

// A query parameter's first value, if it is there.
std::optional<std::string> param(const httplib::Params& params, const std::string& name) {
  auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  return it->second;
}

// POST /v1/check: one record or JSON Lines in; the lines `ssd check` writes out.
HttpResponse check(const std::shared_ptr<const ssd::Library>& library, const httplib::Params& params, const std::string& body) {
  const std::string lang = param(params, "lang").value_or("kk");
  if (lang != "kk" && lang != "en") return http_error(400, "invalid_parameter", "lang must be kk or en");
  const bool english = lang == "en";
  const std::string findings_param = param(params, "findings").value_or("all");
  const FindingsOutput findings = findings_param == "brief" ? FindingsOutput::Brief
                                 : findings_param == "failing" ? FindingsOutput::Failing : FindingsOutput::All;
  if (findings == FindingsOutput::All && findings_param != "all")
    return http_error(400, "invalid_parameter", "findings must be all, brief or failing");
  if (body.find_first_not_of(" \t\r\n") == std::string::npos)
    return http_error(400, "invalid_parameter", "the body is empty: send a record (a JSON object) or JSON Lines");
  thread_local Worker worker;
  worker.use(library);
  worker.checker->set_explanations(findings == FindingsOutput::Brief ? RecordChecker::Explanations::None
                                   : english ? RecordChecker::Explanations::KazakhAndEnglish
                                             : RecordChecker::Explanations::Kazakh);
  JsonlWriter& writer = worker.writer(english, findings);
  HttpResponse res;
  long records = 0;
  std::FILE* in = fmemopen(const_cast<char*>(body.data()), body.size(), "rb");
  if (!in) return http_error(500, "internal_error", "cannot read the body");
  for_each_line(in, RecordChecker::padding(), [&](const char* data, size_t size, size_t capacity) {
    writer.append(worker.checker->check_padded(data, size, capacity), res.body);
    ++records;
    return true;
  });
  std::fclose(in);
  if (records != 1) res.content_type = "application/x-ndjson";
  return res;
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

HttpResponse ok(std::string body) { return {200, "application/json", std::move(body)}; }

}  // namespace

HttpResponse http_error(int status, const std::string& code, const std::string& message) {
  HttpResponse res{status, "application/json", "{\"code\":"};
  append_json_string(code, res.body);
  res.body += ",\"message\":";
  append_json_string(message, res.body);
  res.body += "}\n";
  return res;
}

HttpService::HttpService(std::shared_ptr<const ssd::Library> first, Loader load)
    : load_(std::move(load)), library_(std::move(first)) {}

std::shared_ptr<const ssd::Library> HttpService::current() const {
  std::lock_guard lock(mutex_);
  return library_;
}

std::string HttpService::reload() {
  std::lock_guard lock(reloading_);
  auto next = load_();
  if (!next) return "the standards do not load; the previous ones stay (diagnostics on the server's stderr)";
  std::lock_guard swap(mutex_);
  library_ = std::move(next);
  return "";
}

HttpResponse HttpService::handle(const HttpRequest& request) {
  struct Count {
    std::atomic<int>& n;
    explicit Count(std::atomic<int>& n) : n(n) { ++n; }
    ~Count() { --n; }
  } counted(in_flight_);
  // The target split and decoded as cpp-httplib splits and decodes it for its own routing.
  const size_t question = request.target.find('?');
  const std::string path = httplib::detail::decode_url(request.target.substr(0, question), false);
  const std::string query = question == std::string::npos ? "" : request.target.substr(question + 1);
  try {
    return route(request.method == "HEAD" ? "GET" : request.method, path, query, request.body);
  } catch (const std::exception&) {
    return http_error(500, "internal_error", "the server failed on this request");
  }
}

HttpResponse HttpService::route(const std::string& method, const std::string& path, const std::string& query,
                                const std::string& body) {
  const char* allowed = path == "/v1/check" || path == "/v1/reload" ? "POST"
                        : path == "/v1/standards" || path == "/health" ? "GET"
                                                                        : nullptr;
  if (!allowed) return http_error(404, "resource_not_found", "no such path: see GET /v1/standards, POST /v1/check, GET /health");
  if (method != allowed) return http_error(405, "method_not_allowed", std::string("this path takes ") + allowed + " only");
  if (path == "/v1/check") {
    httplib::Params params;
    httplib::detail::parse_query_text(query, params);
    return check(current(), params, body);
  }
  if (path == "/v1/reload") {
    if (std::string error = reload(); !error.empty()) return http_error(422, "invalid_standards", error);
    return ok("{}\n");
  }
  if (path == "/v1/standards") return ok(standards_json(*current()));
  return ok("{}\n");  // /health
}

}  // namespace ssd::cli
