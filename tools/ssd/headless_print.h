// Printing an HTML page to PDF with headless Chromium: the one place where ssd starts a browser
// (`ssd report --pdf`, and any command that prints a page). The page is written to a new
// temporary folder with a fresh browser profile, printed with the page's own @page size and
// margins, without the browser's header and footer, into that folder; the PDF is then copied to
// its place (an earlier file there stays when printing fails) and the folder is removed.
#pragma once

#include <string>
#include <string_view>

namespace ssd::cli {

// The browser: $SSD_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH;
// empty when there is none.
std::string find_chromium();

// Prints `html` to `pdf_path`. The browser is given up to `budget_ms` of the page's own (virtual)
// time for its scripts to draw, e.g. charts, and ten minutes more of real time. False, with the
// reason in `error`, when there is no browser, it fails, it writes no PDF, or the PDF cannot be
// written to `pdf_path`.
bool print_pdf(std::string_view html, const std::string& pdf_path, std::string& error, int budget_ms = 20000);

}  // namespace ssd::cli
