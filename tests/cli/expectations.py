"""What the command-line tests share: counting what was expected, and the closing line
("N passed, M failed") that a test run is read by."""

passed = 0
failed = []


def expect(ok, what):
    """Counts one expectation; `what` says it, for the report when it does not hold."""
    global passed
    if ok:
        passed += 1
    else:
        failed.append(what)


def finish():
    """Prints the failures and the closing line; the exit status."""
    for what in failed:
        print("FAIL " + what)
    print("%d passed, %d failed" % (passed, len(failed)))
    return 1 if failed else 0
