#!/usr/bin/env python3
"""Golden tests of rendered diagnostics: for every NAME.ssd in a folder, `ssd compile --check`
must print exactly NAME.kk.expected (Kazakh) and, with --lang en, NAME.en.expected.

    run.py --ssd BIN DIR [--update]     (--update rewrites the expected files)
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden  # noqa: E402


def render(ssd, path, lang):
    proc = subprocess.run([ssd, "compile", "--alone", "--check", "--lang", lang, os.path.basename(path)],
                          cwd=os.path.dirname(path), capture_output=True, text=True)
    return "exit %d\n%s" % (proc.returncode, proc.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("dir")
    args = ap.parse_args()
    args.ssd = os.path.abspath(args.ssd)
    failed = passed = 0
    for name in sorted(os.listdir(args.dir)):
        if not name.endswith(".ssd"):
            continue
        source = os.path.join(args.dir, name)
        for lang in ("kk", "en"):
            got = render(args.ssd, source, lang)
            if golden.matches(source[:-4] + ".%s.expected" % lang, got, args.update):
                passed += 1
            else:
                failed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
