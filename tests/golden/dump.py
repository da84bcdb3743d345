#!/usr/bin/env python3
"""Golden tests of `ssd compile --dump`, the disassembled program. In DIR, a NAME.ssd is dumped
alone (`--alone`) and a NAME.dump without a NAME.ssd beside it is the standard NAME of the
standards folder, dumped with its folder; each must print exactly NAME.dump.

    dump.py --ssd BIN --standards DIR DIR [--update]     (--update rewrites the .dump files)
"""
import argparse
import os
import subprocess
import sys


def dump(ssd, args, cwd):
    proc = subprocess.run([ssd, "compile", "--dump"] + args, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        return "exit %d\n%s%s" % (proc.returncode, proc.stdout, proc.stderr)
    return proc.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("dir")
    args = ap.parse_args()
    ssd, standards = os.path.abspath(args.ssd), os.path.abspath(args.standards)
    cases = {}
    for name in sorted(os.listdir(args.dir)):
        stem, ext = os.path.splitext(name)
        if ext == ".ssd":
            cases[stem] = (["--alone", name], args.dir)
        elif ext == ".dump" and not os.path.exists(os.path.join(args.dir, stem + ".ssd")):
            cases[stem] = (["--standards", standards, os.path.join(standards, stem + ".ssd")], standards)
    failed = passed = 0
    for stem, (ssd_args, cwd) in cases.items():
        expected_path = os.path.join(args.dir, stem + ".dump")
        got = dump(ssd, ssd_args, cwd)
        if args.update:
            with open(expected_path, "w", encoding="utf-8") as f:
                f.write(got)
            continue
        with open(expected_path, encoding="utf-8") as f:
            want = f.read()
        if got == want:
            passed += 1
            continue
        failed += 1
        want_lines, got_lines = want.splitlines(), got.splitlines()
        first = next((i for i, (a, b) in enumerate(zip(want_lines, got_lines)) if a != b),
                     min(len(want_lines), len(got_lines)))
        print("FAIL %s: line %d differs (a changed program or standard: rerun with --update and read "
              "the diff)\n--- expected\n%s\n--- got\n%s" % (
                  stem, first + 1, "\n".join(want_lines[first:first + 5]), "\n".join(got_lines[first:first + 5])))
    if args.update:
        print("%d dumps written" % len(cases))
        return 0
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
