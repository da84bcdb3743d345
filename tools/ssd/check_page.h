// `ssd check --format html`: the results as a printable page (A4), one section per record in
// input order, its findings grouped by status, each with its citation and the law's text. Written
// as the records come, so that a page of a million records takes no more memory than one.
#pragma once

#include <array>
#include <string>

#include "ssd/diagnostics.h"
#include "ssd/result.h"

namespace ssd::cli {

class CheckPage {
 public:
  explicit CheckPage(bool english) : english_(english) {}
  // The page up to the first record.
  std::string head() const;
  // One record's section.
  void append(const RecordResult& result, std::string& out) const;
  // The count of records by status (indexed by RecordStatus), and the end of the page.
  std::string tail(const std::array<long, 5>& counts) const;

 private:
  Lang lang() const { return english_ ? Lang::En : Lang::Kk; }
  bool english_;
};

}  // namespace ssd::cli
