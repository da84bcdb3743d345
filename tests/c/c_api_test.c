/* The C API from C: load a compiled standard, check two records, read the findings; refuse an
 * artifact compiled alone, without the orders that amend it.
 *   c_api_test ARTIFACT.ssdc ALONE.ssdc */
#include <stdio.h>
#include <string.h>

#include "ssd/ssd.h"

static int failures = 0;

static void expect(int ok, const char* what) {
  if (!ok) {
    printf("FAIL %s\n", what);
    ++failures;
  }
}

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  ssd_checker* c = ssd_checker_new();
  expect(ssd_checker_load(c, "/nonexistent.ssdc") == -1, "a missing artifact is refused");
  expect(strlen(ssd_last_error(c)) > 0, "with a reason");
  expect(ssd_checker_load(c, argv[2]) == -1, "an artifact compiled alone is refused");
  expect(strstr(ssd_last_error(c), "compiled alone") != NULL, "saying so");
  expect(ssd_checker_load(c, argv[1]) == 0, "the artifact loads");

  const char* bad = "{\"id\":\"c1\",\"standard\":\"edu-org\",\"as_of\":\"2022-01-24\","
                    "\"housing\":{\"sleeping_area_m2\":9,\"children_in_room\":3}}";
  expect(strcmp(ssd_check(c, bad, strlen(bad)), "non_compliant") == 0, "3 m² a child is non-compliant");
  int found = 0;
  for (size_t i = 0; i < ssd_finding_count(c); ++i)
    if (strcmp(ssd_finding_rule(c, i), "5.1") == 0) {
      found = 1;
      expect(strcmp(ssd_finding_status(c, i), "fail") == 0, "5.1 fails");
      expect(ssd_finding_severity(c, i) == NULL, "edu-org gives no severity");
      expect(strstr(ssd_finding_citation(c, i), "5-тармақтың 1) тармақшасы") != NULL, "the citation");
    }
  expect(found, "a finding for 5.1");
  /* Loading the same instrument again replaces it; the last result is still readable. */
  expect(ssd_checker_load(c, argv[1]) == 0, "the artifact loads again");
  expect(ssd_finding_count(c) > 0 && ssd_finding_rule(c, 0) != NULL, "the result outlives the reload");
  expect(strstr(ssd_result_json(c), "\"status\":\"non_compliant\"") != NULL, "the contract's line");

  expect(strcmp(ssd_check(c, "{", 1), "error") == 0, "broken JSON is an error record");
  expect(strlen(ssd_result_error(c)) > 0, "with a reason");
  expect(ssd_finding_count(c) == 0, "and no findings");
  ssd_checker_free(c);
  printf("%d passed, %d failed\n", failures ? 0 : 1, failures ? 1 : 0);
  return failures ? 1 : 0;
}
