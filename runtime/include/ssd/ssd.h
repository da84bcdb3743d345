/* The C API of the ssd runtime: load compiled standards (.ssdc, from `ssd compile`), check case
 * records, read the findings. One checker per thread; every pointer it returns stays valid until
 * the next call on the same checker. */
#ifndef SSD_H
#define SSD_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ssd_checker ssd_checker;

ssd_checker* ssd_checker_new(void);
void ssd_checker_free(ssd_checker* checker);

/* Adds the instrument of a .ssdc file. 0 on success; otherwise -1, and ssd_last_error says why. */
int ssd_checker_load(ssd_checker* checker, const char* artifact_path);
const char* ssd_last_error(const ssd_checker* checker);

/* Checks one record (a JSON object, contract §3). Returns the record's status: "compliant",
 * "non_compliant", "incomplete", "not_in_force" or "error". */
const char* ssd_check(ssd_checker* checker, const char* json, size_t length);

/* The last record's result: the contract's JSON line (without newline), its error, its findings. */
const char* ssd_result_json(const ssd_checker* checker);
const char* ssd_result_error(const ssd_checker* checker); /* "" unless the status is "error" */
size_t ssd_finding_count(const ssd_checker* checker);
const char* ssd_finding_rule(const ssd_checker* checker, size_t i);
const char* ssd_finding_status(const ssd_checker* checker, size_t i); /* "pass", "fail", ... */
const char* ssd_finding_severity(const ssd_checker* checker, size_t i); /* NULL where none */
const char* ssd_finding_citation(const ssd_checker* checker, size_t i);

#ifdef __cplusplus
}
#endif

#endif /* SSD_H */
