#include "database_records.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <iostream>
#include <memory>

namespace ssd::cli {

namespace {

bool from_postgresql(RecordChecker& checker, const std::string& uri, const std::string& query,
                     const std::function<bool(const RecordResult&)>& handle) {
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(uri.c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    std::cerr << "ssd: cannot connect to " << uri << ": " << PQerrorMessage(conn.get());
    return false;
  }
  if (!PQsendQuery(conn.get(), query.c_str()) || !PQsetSingleRowMode(conn.get())) {
    std::cerr << "ssd: query failed: " << PQerrorMessage(conn.get());
    return false;
  }
  bool ok = true, wanted = true;  // wanted: false once `handle` stops taking results
  while (PGresult* raw = PQgetResult(conn.get())) {
    std::unique_ptr<PGresult, decltype(&PQclear)> result(raw, &PQclear);
    const ExecStatusType status = PQresultStatus(raw);
    if (status == PGRES_SINGLE_TUPLE) {
      if (!wanted || PQnfields(raw) < 1) continue;  // read on: libpq wants every result taken
      wanted = handle(checker.check(PQgetisnull(raw, 0, 0) ? "null" : std::string_view(PQgetvalue(raw, 0, 0), PQgetlength(raw, 0, 0))));
    } else if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      std::cerr << "ssd: query failed: " << PQresultErrorMessage(raw);
      ok = false;  // read on: libpq wants every result taken
    }
  }
  return ok;
}

bool from_sqlite(RecordChecker& checker, const std::string& file, const std::string& query,
                 const std::function<bool(const RecordResult&)>& handle) {
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, &sqlite3_close);
  if (opened != SQLITE_OK) {
    std::cerr << "ssd: cannot open " << file << ": " << (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(opened)) << "\n";
    return false;
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db.get(), query.c_str(), -1, &stmt, nullptr) != SQLITE_OK || !stmt) {
    std::cerr << "ssd: query failed: " << sqlite3_errmsg(db.get()) << "\n";
    return false;
  }
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(stmt, &sqlite3_finalize);
  int step;
  while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
    if (sqlite3_column_count(stmt) < 1) continue;
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    if (!handle(checker.check(text ? std::string_view(text, sqlite3_column_bytes(stmt, 0)) : "null"))) return true;
  }
  if (step != SQLITE_DONE) {
    std::cerr << "ssd: query failed: " << sqlite3_errmsg(db.get()) << "\n";
    return false;
  }
  return true;
}

}  // namespace

bool check_database_rows(RecordChecker& checker, const std::string& from, const std::string& query,
                         const std::function<bool(const RecordResult&)>& handle) {
  if (from.rfind("postgresql://", 0) == 0 || from.rfind("postgres://", 0) == 0)
    return from_postgresql(checker, from, query, handle);
  if (from.rfind("sqlite:", 0) == 0) return from_sqlite(checker, from.substr(7), query, handle);
  std::cerr << "ssd: --from takes postgresql://… or sqlite:FILE, not " << from << "\n";
  return false;
}

}  // namespace ssd::cli
