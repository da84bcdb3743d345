#!/usr/bin/env python3
"""Golden tests of rendered diagnostics: for every NAME.ssd in a folder, `ssd compile --check`
must print exactly NAME.kk.expected (Kazakh) and, with --lang en, NAME.en.expected.

    run.py --ssd BIN DIR [--update]     (--update rewrites the expected files)
"""
import argparse
import os
import subprocess
import sys


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
            expected_path = source[:-4] + ".%s.expected" % lang
            got = render(args.ssd, source, lang)
            if args.update:
                with open(expected_path, "w", encoding="utf-8") as f:
                    f.write(got)
                continue
            with open(expected_path, encoding="utf-8") as f:
                want = f.read()
            if got == want:
                passed += 1
            else:
                failed += 1
                print("FAIL %s (%s)\n--- expected\n%s--- got\n%s" % (name, lang, want, got))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
