#!/usr/bin/env python3
"""The compile cache is trusted only whole: an entry with a flipped bit (its count of programs
too), trailing bytes or a cut end gives the same results as a fresh compilation, and is replaced
by a good one; a write that fails leaves nothing behind."""
import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402

HEADER = 24  # "SSDK", version, body length, body checksum
# Two standards that compile alone, in a folder of their own: each run here may compile them.
STANDARDS = ("edu-center", "pnd-day")
CASES = [{"id": "c1", "standard": "edu-center", "as_of": "2021-03-15", "client": {"categories": ["neglected_homeless"]},
          "admission": {"basis": "lea_decision"}, "housing": {"sleeping_area_m2": 15, "children_in_room": 3}},
         {"id": "c2", "standard": "edu-center", "as_of": "2021-03-15", "housing": {"sleeping_area_m2": 5,
                                                                                   "children_in_room": 3}},
         {"id": "p1", "standard": "pnd-day", "as_of": "2009-12-01"}]
COUNT = HEADER + 8 + 8  # after the size and hash of what the entry was compiled from


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for name in STANDARDS:
            shutil.copy(os.path.join(args.standards, name + ".ssd"), folder)
        cases = os.path.join(folder, "cases.jsonl")
        with open(cases, "w") as f:
            f.write("".join(json.dumps(c) + "\n" for c in CASES))
        return run_all(args.ssd, folder, cases)


def run_all(ssd, standards, cases):
    def check(cache, preexec=None):
        env = dict(os.environ, SSD_CACHE_DIR=cache)
        return subprocess.run([ssd, "check", "--standards", standards, cases], env=env,
                              capture_output=True, preexec_fn=preexec)

    with tempfile.TemporaryDirectory() as cache:
        fresh = check(cache)
        expect(fresh.returncode in (0, 1) and fresh.stdout, "a first run: exit %d, %r" % (fresh.returncode, fresh.stderr))
        entries = os.listdir(cache)
        expect(len(entries) == 1 and entries[0].endswith(".ssdk"), "one entry: %s" % entries)
        entry = os.path.join(cache, entries[0])
        with open(entry, "rb") as f:
            good = f.read()
        written = os.stat(entry).st_mtime_ns
        hit = check(cache)
        expect(hit.stdout == fresh.stdout and os.stat(entry).st_mtime_ns == written, "a hit: the same results, unwritten")

        def flip(at):
            return lambda b: b[:at] + bytes([b[at] ^ 0x01]) + b[at + 1:]
        spoilers = {
            "the count of programs": flip(COUNT),
            "the count, made 0": lambda b: b[:COUNT] + b"\0\0\0\0" + b[COUNT + 4:],
            "the count, made 1": lambda b: b[:COUNT] + b"\1\0\0\0" + b[COUNT + 4:],
            "a bit inside an artifact": flip(len(good) // 2),
            "the header": flip(8),
            "trailing bytes": lambda b: b + b"\0" * 16,
            "a cut end": lambda b: b[:-100],
            "nothing": lambda b: b"",
        }
        for name, spoil in spoilers.items():
            with open(entry, "wb") as f:
                f.write(spoil(good))
            r = check(cache)
            expect(r.stdout == fresh.stdout and r.returncode == fresh.returncode,
                   "%s: results differ from a fresh compilation" % name)
            with open(entry, "rb") as f:
                expect(f.read() == good, "%s: the entry is not replaced by a good one" % name)
        expect(sorted(os.listdir(cache)) == entries, "no leftovers: %s" % os.listdir(cache))

    # A write that fails (files may not grow past 4 KiB here): results still come, nothing is left.
    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    with tempfile.TemporaryDirectory() as cache:
        r = check(cache, small_files)
        expect(r.stdout == fresh.stdout, "a failed cache write changes the results")
        expect(os.listdir(cache) == [], "a failed cache write leaves %s" % os.listdir(cache))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
