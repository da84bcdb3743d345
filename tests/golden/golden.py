"""One golden file compared with what a command printed, or rewritten by --update."""


def matches(expected_path, got, update):
    """With `update`, writes `got` as the golden file and returns True; otherwise True when the
    file holds exactly `got`, and when it does not, prints where they first differ."""
    if update:
        with open(expected_path, "w", encoding="utf-8") as f:
            f.write(got)
        return True
    with open(expected_path, encoding="utf-8") as f:
        want = f.read()
    if got == want:
        return True
    want_lines, got_lines = want.splitlines(), got.splitlines()
    first = next((i for i, (a, b) in enumerate(zip(want_lines, got_lines)) if a != b),
                 min(len(want_lines), len(got_lines)))
    print("FAIL %s: line %d differs (rerun with --update and read the diff)\n--- expected\n%s\n--- got\n%s" % (
        expected_path, first + 1, "\n".join(want_lines[first:first + 5]), "\n".join(got_lines[first:first + 5])))
    return False
