#!/usr/bin/env python3
"""Runs the contract's public example cases (shared/contract/examples/check.py) and requires every
case of an instrument that is encoded in standards/ to pass. Cases of instruments not encoded yet
are listed, not failed; the suite itself must run (one output line per input line)."""
import argparse
import os
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--examples", required=True)
    ap.add_argument("--standards")
    args = ap.parse_args()
    cmd = [sys.executable, os.path.join(args.examples, "check.py"), "--ssd", args.ssd]
    if args.standards:
        cmd += ["--standards", args.standards]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    print(proc.stdout)
    if proc.returncode == 2 or "every case fails" in proc.stdout:
        print(proc.stderr)
        return 1
    listing = subprocess.run([args.ssd, "list"] + (["--standards", args.standards] if args.standards else []),
                             capture_output=True, text=True).stdout
    encoded = {line.split()[0] for line in listing.splitlines() if line.strip()}
    failed = passed = 0
    for status, case, standard in re.findall(r"^(PASS|FAIL) (\S+) \[(\S+)\]", proc.stdout, re.M):
        if standard not in encoded:
            print("not encoded yet: %s [%s]" % (case, standard))
        elif status == "PASS":
            passed += 1
        else:
            failed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
