#!/usr/bin/env python3
"""`ssd fmt` as a drafter runs it: --check lists the files not formatted (exit 1) and changes
nothing; without it the files are rewritten in place and their names printed; a folder is walked;
a file with syntax errors gets its diagnostics and is left byte for byte."""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402

MESSY = ('стандарт   t-1 "Тест" {\n'
         '      тізбе санат { жетім = "orphan" "жетім" § 2.1 }   // түсінік  \n'
         '}\n')
CANONICAL = ('стандарт t-1 "Тест" {\n'
             '  тізбе санат { жетім = "orphan" "жетім" § 2.1 } // түсінік  \n'
             '}\n')
BROKEN = 'стандарт t-2 "Тест" {\n  тізбе санат { жетім = }\n}\n'


def run(ssd, *args):
    return subprocess.run([ssd, "fmt"] + list(args), capture_output=True, text=True)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sub = os.path.join(tmp, "sub")
        os.mkdir(sub)
        messy, tidy, broken = (os.path.join(sub, n) for n in ("messy.ssd", "tidy.ssd", "broken.ssd"))
        write(messy, MESSY)
        write(tidy, CANONICAL.replace("t-1", "t-3"))

        check = run(args.ssd, "--check", tmp)
        expect(check.returncode == 1, "--check on a messy file: exit %d, want 1" % check.returncode)
        expect(check.stdout == messy + "\n", "--check lists only the messy file: %r" % check.stdout)
        expect(read(messy) == MESSY, "--check changes nothing")

        rewrite = run(args.ssd, tmp)
        expect(rewrite.returncode == 0, "fmt: exit %d, want 0\n%s" % (rewrite.returncode, rewrite.stderr))
        expect(rewrite.stdout == messy + "\n", "fmt prints the file it rewrote: %r" % rewrite.stdout)
        expect(read(messy) == CANONICAL, "fmt writes the canonical layout:\n" + read(messy))
        again = run(args.ssd, "--check", messy, tidy)
        expect(again.returncode == 0 and again.stdout == "", "formatted files pass --check")

        write(broken, BROKEN)
        refused = run(args.ssd, "--lang", "en", broken)
        expect(refused.returncode == 2, "a file with syntax errors: exit %d, want 2" % refused.returncode)
        expect("broken.ssd:2:" in refused.stderr and "^" in refused.stderr,
               "its diagnostics have place and caret:\n" + refused.stderr)
        expect("not formatted" in refused.stderr, "says the file is not formatted")
        expect(read(broken) == BROKEN, "a file with syntax errors is left as it is")

        missing = run(args.ssd, "--lang", "en", os.path.join(tmp, "none.ssd"))
        expect(missing.returncode == 2 and "none.ssd: no such file" in missing.stderr, "a missing path: exit 2, named")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
