/* Checks JSON Lines records from standard input with the C API; prints each result's JSON line.
 *   cc check.c $(pkg-config --cflags --libs ssd) -o check && ./check standards.ssdb < cases.jsonl */
#include <stdio.h>
#include <string.h>

#include <ssd/ssd.h>

int main(int argc, char** argv) {
  char line[1 << 16];
  ssd_library* library;
  ssd_checker* checker;
  if (argc != 2) {
    fprintf(stderr, "usage: check STANDARDS.ssdb < cases.jsonl\n");
    return 2;
  }
  library = ssd_library_open(argv[1]);
  if (!library) {
    fprintf(stderr, "check: %s\n", ssd_errmsg());
    return 2;
  }
  checker = ssd_checker_new(library);
  ssd_library_free(library); /* the checker keeps it */
  if (!checker) {
    fprintf(stderr, "check: %s\n", ssd_errmsg());
    return 2;
  }
  while (fgets(line, sizeof line, stdin)) {
    size_t n = strcspn(line, "\r\n");
    if (n == 0) continue;
    if (ssd_check(checker, line, n) < 0) {
      fprintf(stderr, "check: %s\n", ssd_errmsg());
      break;
    }
    puts(ssd_result_json(checker, SSD_KK));
  }
  ssd_checker_free(checker);
  return 0;
}
