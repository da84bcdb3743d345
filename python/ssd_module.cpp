// The extension under the Python package `ssd` (python/ssd/__init__.py): one checker over
// compiled standards, records in and results out as JSON text.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <filesystem>
#include <memory>
#include <string>

#include "ssd/compiler.h"
#include "ssd/report.h"
#include "ssd/runtime.h"

namespace py = pybind11;

namespace {

// A standards folder (compiled now) or a compiled file (.ssdb bundle, .ssdc artifact).
std::shared_ptr<const ssd::Library> open_standards(const std::string& path) {
  std::string error;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    const ssd::CompileResult result = ssd::compile_folder(path);
    if (!result.ok()) throw py::value_error(path + ": the standards do not compile:\n" + result.diagnostics.render(ssd::Lang::En));
    std::vector<std::shared_ptr<const ssd::Program>> programs;
    for (const ssd::CompiledInstrument& in : result.instruments) programs.push_back(std::make_shared<const ssd::Program>(in.program));
    if (auto library = ssd::Library::of(std::move(programs), &error)) return library;
  } else {
    if (auto library = ssd::Library::load(path, &error)) return library;
  }
  throw py::value_error(error);
}

class Checker {
 public:
  Checker(const std::string& standards, bool english)
      : library_(open_standards(standards)), checker_(library_), english_(english) {}

  std::string check_json(const std::string& json) {
    out_.clear();
    ssd::append_jsonl(checker_.check(json), out_, english_);
    out_.pop_back();  // the newline
    return out_;
  }

  py::list standards() const {
    py::list out;
    for (const ssd::InstrumentInfo& in : library_->instruments()) {
      py::dict d;
      d["id"] = in.id;
      d["title"] = in.title;
      d["in_force_from"] = in.in_force_from ? py::cast(ssd::format_date(*in.in_force_from)) : py::none();
      d["repealed_from"] = in.repealed_from ? py::cast(ssd::format_date(*in.repealed_from)) : py::none();
      d["requirements"] = in.requirements;
      out.append(d);
    }
    return out;
  }

 private:
  std::shared_ptr<const ssd::Library> library_;
  ssd::RecordChecker checker_;
  bool english_;
  std::string out_;
};

}  // namespace

PYBIND11_MODULE(_ssd, m) {
  m.doc() = "The ssd runtime (use the package ssd)";
  m.attr("version") = "0.1.0";
  py::class_<Checker>(m, "Checker")
      .def(py::init<const std::string&, bool>(), py::arg("standards"), py::arg("english") = false)
      .def("check_json", &Checker::check_json, py::arg("json"))
      .def("standards", &Checker::standards);
}
