/* ssd.h — the C API of the ssd runtime: load compiled standards of special social services,
 * check case records (JSON, one object each) against them, and read the findings.
 *
 *   ssd_library* lib = ssd_library_open("standards.ssdb");
 *   if (!lib) { fprintf(stderr, "%s\n", ssd_errmsg()); return 1; }
 *   ssd_checker* c = ssd_checker_new(lib);
 *   if (ssd_check(c, json, strlen(json)) == SSD_NON_COMPLIANT)
 *     for (size_t i = 0; i < ssd_finding_count(c); ++i) puts(ssd_finding_message(c, i, SSD_KK));
 *   ssd_checker_free(c);
 *   ssd_library_free(lib);
 *
 * Errors. No function throws or aborts on bad input. A function that fails returns NULL (or -1)
 * and sets the error of the calling thread: ssd_errcode() and ssd_errmsg() say what failed last
 * on this thread (like errno). A record that cannot be checked is not a failure of the call: it
 * is a result with status SSD_RECORD_ERROR and a reason (ssd_result_error).
 *
 * Threads. A library never changes once opened and may be used by any number of threads at
 * once. A checker is used by one thread at a time: make one per thread, over a shared library.
 * Checkers of one library give identical results.
 *
 * Ownership and lifetime. The caller frees what a *_open / *_new function returns, with the
 * matching *_free (NULL is accepted). A checker keeps its library alive: the library may be freed
 * before its checkers. Every string a function returns is owned by the runtime, UTF-8 and
 * NUL-terminated: a library's strings live as long as the library; a result's strings (ssd_result_*
 * and ssd_finding_*) live until the next ssd_check on the same checker, or its ssd_checker_free.
 *
 * Header: C89 and C++; link with ssd::runtime (CMake) or `pkg-config --libs ssd`. */
#ifndef SSD_H
#define SSD_H

#include <stddef.h>

#include "ssd/export.h"

#define SSD_VERSION_MAJOR 0
#define SSD_VERSION_MINOR 1
#define SSD_VERSION_PATCH 0
#define SSD_VERSION_STRING "0.1.0"

#ifdef __cplusplus
extern "C" {
#endif

/* The runtime's version, "MAJOR.MINOR.PATCH"; may differ from SSD_VERSION_STRING when the
 * program runs against another build of the shared library. */
SSD_API const char* ssd_version(void);

/* Error codes (ssd_errcode). */
enum {
  SSD_OK = 0,
  SSD_ERROR_ARGUMENT = 1,   /* a NULL handle or string, a language that is not SSD_KK or SSD_EN */
  SSD_ERROR_IO = 2,         /* the file cannot be read */
  SSD_ERROR_FORMAT = 3,     /* not an artifact or bundle, another format version, corrupt, truncated */
  SSD_ERROR_INCOMPLETE = 4, /* an instrument compiled alone without its amending orders, or with no requirement */
  SSD_ERROR_MEMORY = 5,     /* out of memory */
  SSD_ERROR_INTERNAL = 6    /* a fault of the runtime itself; the message says what */
};
/* The code and message of the last failed call on this thread; SSD_OK and "" after a call that
 * succeeded. The message lives until the next call of this API on the thread. */
SSD_API int ssd_errcode(void);
SSD_API const char* ssd_errmsg(void);

/* Languages of messages and explanations. */
enum { SSD_KK = 0, SSD_EN = 1 };

/* Record statuses (contract §5), returned by ssd_check. */
enum { SSD_COMPLIANT = 0, SSD_NON_COMPLIANT = 1, SSD_INCOMPLETE = 2, SSD_NOT_IN_FORCE = 3, SSD_RECORD_ERROR = 4 };
/* Finding statuses. */
enum { SSD_PASS = 0, SSD_FAIL = 1, SSD_NOT_APPLICABLE = 2, SSD_MISSING_DATA = 3 };
/* The contract's word for a status: "compliant", …, "error"; "pass", …, "missing_data"; NULL
 * for a number that is none. */
SSD_API const char* ssd_record_status_name(int status);
SSD_API const char* ssd_finding_status_name(int status);

/* ---- Libraries: compiled standards ---- */

typedef struct ssd_library ssd_library;

/* Opens a bundle (.ssdb: `ssd compile --standards DIR -o FILE`, every instrument of a standards
 * folder with its calendar) or one artifact (.ssdc: `ssd compile FILE`), telling them apart by
 * their first bytes. NULL on failure: SSD_ERROR_IO, SSD_ERROR_FORMAT, SSD_ERROR_INCOMPLETE,
 * SSD_ERROR_MEMORY. */
SSD_API ssd_library* ssd_library_open(const char* path);
SSD_API void ssd_library_free(ssd_library* library);

/* The instruments of the library, numbered from 0 in the order of the bundle. For i out of
 * range, NULL. Dates are "YYYY-MM-DD", or NULL where the instrument gives none. */
SSD_API size_t ssd_library_count(const ssd_library* library);
SSD_API const char* ssd_library_id(const ssd_library* library, size_t i);
SSD_API const char* ssd_library_title(const ssd_library* library, size_t i);
SSD_API const char* ssd_library_in_force_from(const ssd_library* library, size_t i);
SSD_API const char* ssd_library_repealed_from(const ssd_library* library, size_t i);

/* ---- Checkers ---- */

typedef struct ssd_checker ssd_checker;

/* A checker of the library's instruments. NULL on failure (SSD_ERROR_ARGUMENT, SSD_ERROR_MEMORY). */
SSD_API ssd_checker* ssd_checker_new(const ssd_library* library);
SSD_API void ssd_checker_free(ssd_checker* checker);

/* Checks one record: `length` bytes of JSON at `json` (no terminator needed), a JSON object
 * with "id", "standard" and "as_of" (contract §3). Returns its status, SSD_COMPLIANT …
 * SSD_RECORD_ERROR; -1 when the call itself fails (SSD_ERROR_ARGUMENT, SSD_ERROR_MEMORY), and
 * then there is no result. Renders nothing: messages and JSON are made when asked for. */
SSD_API int ssd_check(ssd_checker* checker, const char* json, size_t length);

/* The last result. Before any check, or after a failed call, these read as an empty result:
 * status -1, strings "" (ids NULL), no findings. */
SSD_API int ssd_result_status(const ssd_checker* checker);
SSD_API const char* ssd_result_id(const ssd_checker* checker);       /* NULL when the record has none */
SSD_API const char* ssd_result_standard(const ssd_checker* checker); /* NULL when the record has none */
SSD_API const char* ssd_result_error(const ssd_checker* checker);    /* "" unless SSD_RECORD_ERROR */
/* The result as `ssd check` writes it: one line of JSON (contract §5), without the newline;
 * SSD_EN adds "message_en" beside each "message". NULL for a bad language. */
SSD_API const char* ssd_result_json(ssd_checker* checker, int lang);

/* The findings of the last result, numbered from 0 in the instrument's order. For i out of range
 * the strings are NULL and the numbers -1. */
SSD_API size_t ssd_finding_count(const ssd_checker* checker);
SSD_API const char* ssd_finding_rule(const ssd_checker* checker, size_t i);     /* contract §2: "5.1", "app3:18" */
SSD_API int ssd_finding_status(const ssd_checker* checker, size_t i);           /* SSD_PASS … SSD_MISSING_DATA */
SSD_API const char* ssd_finding_severity(const ssd_checker* checker, size_t i); /* "gross", "significant", "minor"; NULL where none */
SSD_API const char* ssd_finding_citation(const ssd_checker* checker, size_t i); /* in the law's words */
SSD_API int ssd_finding_attested(const ssd_checker* checker, size_t i);         /* 1: the inspector's answer */
/* The contract's "message" (SSD_KK) or "message_en" (SSD_EN): the requirement and the verdict. */
SSD_API const char* ssd_finding_message(ssd_checker* checker, size_t i, int lang);
/* For a fail or missing_data finding, what was found against what was required; "" otherwise. */
SSD_API const char* ssd_finding_explanation(const ssd_checker* checker, size_t i, int lang);

#ifdef __cplusplus
}
#endif

#endif /* SSD_H */
