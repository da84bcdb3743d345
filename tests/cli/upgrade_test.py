#!/usr/bin/env python3
"""The previous release's files in the current language (tests/upgrade, made up, not law):
`tools/upgrade-ssd` rewrites each folder of tests/upgrade/previous into the expected files, which
compile and whose examples pass; a second run changes nothing; and `ssd compile --check --fix`
writes the new spelling of every old keyword and form of tests/golden/diagnostics/old-spellings.ssd,
after which the file compiles without a warning."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--source", required=True, help="the repository's root")
    a = ap.parse_args()
    tool = os.path.join(a.source, "tools", "upgrade-ssd")
    fixtures = os.path.join(a.source, "tests", "upgrade")
    # Each folder of the previous release, the folder it must become, and its examples.
    cases = [("demo", os.path.join(fixtures, "current"), 4),
             ("amend", os.path.join(a.source, "tests", "amend"), 2)]

    with tempfile.TemporaryDirectory() as tmp:
        for name, expected, examples in cases:
            work = os.path.join(tmp, name)
            shutil.copytree(os.path.join(fixtures, "previous", name), work)
            files = sorted(os.path.join(work, f) for f in os.listdir(work))
            run = subprocess.run([sys.executable, tool, "--ssd", a.ssd] + files, capture_output=True, text=True)
            expect(run.returncode == 0, "%s: upgrade-ssd exits 0:\n%s" % (name, run.stderr))
            for f in files:
                want = os.path.join(expected, os.path.basename(f))
                expect(read(f) == read(want), "%s: %s is not %s" % (name, os.path.basename(f), want))
            again = subprocess.run([sys.executable, tool, "--ssd", a.ssd] + files, capture_output=True, text=True)
            expect(again.returncode == 0 and "upgraded" not in again.stdout + again.stderr,
                   "%s: a second run leaves the files as they are:\n%s%s" % (name, again.stdout, again.stderr))
            test = subprocess.run([a.ssd, "test", "--standards", work] + files, capture_output=True, text=True)
            expect(test.returncode == 0 and test.stderr == "", "%s: ssd test:\n%s%s" % (name, test.stdout, test.stderr))
            expect(test.stdout.strip().endswith("%d passed, 0 failed" % examples),
                   "%s: %d examples pass, got %r" % (name, examples, test.stdout))

        # ssd compile --fix: the warnings' fix-its, written until none is left.
        old = os.path.join(tmp, "fix", "old-spellings.ssd")
        os.makedirs(os.path.dirname(old))
        shutil.copy(os.path.join(a.source, "tests", "golden", "diagnostics", "old-spellings.ssd"), old)
        fix = subprocess.run([a.ssd, "compile", "--check", "--fix", "--lang", "en", old], capture_output=True, text=True)
        expect(fix.returncode == 0, "compile --fix exits 0:\n" + fix.stderr)
        expect(re.search(r"fix-its written: \d+", fix.stderr) is not None, "compile --fix says how many: %r" % fix.stderr)
        expect("old_spelling" not in fix.stderr, "no old spelling is left after --fix:\n" + fix.stderr)
        expect(read(old) == read(os.path.join(fixtures, "old-spellings.fixed.ssd")),
               "compile --fix writes tests/upgrade/old-spellings.fixed.ssd")
        check = subprocess.run([a.ssd, "compile", "--check", old], capture_output=True, text=True)
        expect(check.returncode == 0 and check.stderr == "", "the fixed file compiles without a word:\n" + check.stderr)
    sys.exit(finish())


if __name__ == "__main__":
    main()
