// Case records read from a database, one per row of a query: `ssd check --from postgresql://…
// --query SQL` (libpq) and `--from sqlite:FILE --query SQL` (SQLite). Rows are streamed — libpq's
// single-row mode, SQLite's steps — so memory stays flat whatever the number of rows.
#pragma once

#include <functional>
#include <string>

#include "ssd/runtime.h"

namespace ssd::cli {

// Checks the first column of every row of `query` (JSON text, or a JSON value such as jsonb; SQL
// NULL reads as the text null) and hands each result on, in the order of the rows, until `handle`
// returns false. False, with the reason on stderr, when the database cannot be opened or the
// query fails.
bool check_database_rows(RecordChecker& checker, const std::string& from, const std::string& query,
                         const std::function<bool(const RecordResult&)>& handle);

}  // namespace ssd::cli
