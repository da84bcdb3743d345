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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden  # noqa: E402


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
        if golden.matches(os.path.join(args.dir, stem + ".dump"), dump(ssd, ssd_args, cwd), args.update):
            passed += 1
        else:
            failed += 1
    if args.update:
        print("%d dumps written" % len(cases))
        return 0
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
