/* The C API from C: open a library (one artifact, a bundle), check records, read every accessor;
 * refuse an artifact compiled alone; nothing dangles when the library is freed first.
 *   c_api_test EDU-ORG.ssdc ALONE.ssdc BUNDLE.ssdb */
#include <stdio.h>
#include <string.h>

#include "ssd/ssd.h"

static int passed = 0, failed = 0;

static void expect(int ok, const char* what) {
  if (ok) {
    ++passed;
  } else {
    printf("FAIL %s\n", what);
    ++failed;
  }
}

static const char* kBad = "{\"id\":\"c1\",\"standard\":\"edu-org\",\"as_of\":\"2022-01-24\","
                          "\"housing\":{\"sleeping_area_m2\":9,\"children_in_room\":3}}";

/* The finding of rule 5.1 in the last result, or -1. */
static long find_rule(const ssd_checker* c, const char* rule) {
  size_t i;
  for (i = 0; i < ssd_finding_count(c); ++i)
    if (strcmp(ssd_finding_rule(c, i), rule) == 0) return (long)i;
  return -1;
}

static void check_edu_org(ssd_checker* c, const char* what) {
  long i;
  printf("%s\n", what);
  expect(ssd_check(c, kBad, strlen(kBad)) == SSD_NON_COMPLIANT, "3 m² a child is non-compliant");
  expect(ssd_result_status(c) == SSD_NON_COMPLIANT, "the result's status");
  expect(strcmp(ssd_record_status_name(ssd_result_status(c)), "non_compliant") == 0, "its name");
  expect(strcmp(ssd_result_id(c), "c1") == 0 && strcmp(ssd_result_standard(c), "edu-org") == 0, "id and standard");
  i = find_rule(c, "5.1");
  expect(i >= 0, "a finding for 5.1");
  if (i < 0) return;
  expect(ssd_finding_status(c, (size_t)i) == SSD_FAIL, "5.1 fails");
  expect(strcmp(ssd_finding_status_name(SSD_FAIL), "fail") == 0, "fail's name");
  expect(ssd_finding_severity(c, (size_t)i) == NULL, "edu-org gives no severity");
  expect(ssd_finding_attested(c, (size_t)i) == 0, "not attested");
  expect(strstr(ssd_finding_citation(c, (size_t)i), "5-тармақтың 1) тармақшасы") != NULL, "the citation");
  expect(strstr(ssd_finding_message(c, (size_t)i, SSD_KK), "талап орындалмады") != NULL, "the Kazakh message");
  expect(strstr(ssd_finding_message(c, (size_t)i, SSD_EN), "not met") != NULL, "the English message");
  expect(strstr(ssd_finding_explanation(c, (size_t)i, SSD_EN), "3 m²") != NULL, "the explanation says what was found");
  expect(ssd_finding_message(c, (size_t)i, 7) == NULL, "a language that is none");
  expect(ssd_finding_rule(c, 999) == NULL && ssd_finding_status(c, 999) == -1, "out of range");
  expect(strstr(ssd_result_json(c, SSD_KK), "\"status\":\"non_compliant\"") != NULL, "the contract's line");
  expect(strstr(ssd_result_json(c, SSD_EN), "\"message_en\"") != NULL, "with message_en in English");
}

int main(int argc, char** argv) {
  ssd_library* lib;
  ssd_checker* c;
  if (argc != 4) return 2;
  expect(strcmp(ssd_version(), SSD_VERSION_STRING) == 0, "ssd_version");

  expect(ssd_library_open("/nonexistent.ssdc") == NULL && ssd_errcode() == SSD_ERROR_IO, "a missing file: SSD_ERROR_IO");
  expect(strlen(ssd_errmsg()) > 0, "with a reason");
  expect(ssd_library_open(argv[0]) == NULL && ssd_errcode() == SSD_ERROR_FORMAT, "not an artifact: SSD_ERROR_FORMAT");
  expect(ssd_library_open(argv[2]) == NULL && ssd_errcode() == SSD_ERROR_INCOMPLETE, "compiled alone: refused");
  expect(strstr(ssd_errmsg(), "compiled alone") != NULL, "saying so");
  expect(ssd_checker_new(NULL) == NULL && ssd_errcode() == SSD_ERROR_ARGUMENT, "no library: SSD_ERROR_ARGUMENT");
  expect(ssd_check(NULL, kBad, strlen(kBad)) == -1 && ssd_errcode() == SSD_ERROR_ARGUMENT, "no checker");

  /* One artifact. */
  lib = ssd_library_open(argv[1]);
  expect(lib != NULL && ssd_errcode() == SSD_OK, "the artifact opens");
  if (!lib) return 1;
  expect(ssd_library_count(lib) == 1 && strcmp(ssd_library_id(lib, 0), "edu-org") == 0, "one instrument, edu-org");
  expect(strcmp(ssd_library_repealed_from(lib, 0), "2023-07-01") == 0, "repealed from 2023-07-01");
  c = ssd_checker_new(lib);
  expect(ssd_result_status(c) == -1 && ssd_finding_count(c) == 0, "no result before a check");
  check_edu_org(c, "artifact");
  /* The checker keeps its library: freed first, the last result still reads. */
  ssd_library_free(lib);
  expect(find_rule(c, "5.1") >= 0, "the result outlives the library's handle");
  expect(ssd_check(c, "{", 1) == SSD_RECORD_ERROR, "broken JSON is an error record");
  expect(strlen(ssd_result_error(c)) > 0 && ssd_result_id(c) == NULL, "with a reason, and no id");
  expect(ssd_finding_count(c) == 0, "and no findings");
  ssd_checker_free(c);

  /* The bundle: every instrument. */
  lib = ssd_library_open(argv[3]);
  expect(lib != NULL, "the bundle opens");
  if (!lib) return 1;
  expect(ssd_library_count(lib) == 18, "18 instruments");
  c = ssd_checker_new(lib);
  check_edu_org(c, "bundle");
  ssd_checker_free(c);
  ssd_library_free(lib);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
