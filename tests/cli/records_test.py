#!/usr/bin/env python3
"""`ssd check` on a file of good and malformed records: exactly one output line per input record,
in input order; the malformed ones are `error` with a reason, the good ones are still checked;
the exit status follows the contract (§6)."""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402

GOOD = {"id": "good", "standard": "edu-org", "as_of": "2020-11-23",
        "client": {"categories": ["no_parental_care"]},
        "admission": {"basis": "guardianship_referral"},
        "housing": {"sleeping_area_m2": 15, "children_in_room": 3},
        "complaints_book": {"kept": True, "reviews": ["2020-11-16", "2020-11-23"]}}

LINES = [
    ("good-1", json.dumps(GOOD).replace('"good"', '"good-1"')),
    (None, '{"id": "broken", "standard": "edu-org",'),                  # truncated JSON
    (None, "[1, 2, 3]"),                                               # not an object
    (None, "not json at all"),
    ("no-standard", '{"id": "no-standard", "as_of": "2020-01-01"}'),
    ("unknown", '{"id": "unknown", "standard": "no-such", "as_of": "2020-01-01"}'),
    ("bad-date", '{"id": "bad-date", "standard": "edu-org", "as_of": "2020-13-01"}'),
    ("bad-type", json.dumps(dict(GOOD, id="bad-type", housing={"sleeping_area_m2": "many"}))),
    ("bad-code", json.dumps(dict(GOOD, id="bad-code", client={"categories": ["martian"]}))),
    ("good-2", json.dumps(dict(GOOD, id="good-2"))),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    args = ap.parse_args()
    # A blank line and CRLF endings: blank lines are not records.
    text = "\r\n".join(line for _, line in LINES[:3]) + "\n\n" + "\n".join(line for _, line in LINES[3:]) + "\n"
    proc = subprocess.run([args.ssd, "check", "--standards", args.standards], input=text.encode(),
                          capture_output=True)
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    expect(len(out) == len(LINES), "%d output lines for %d records" % (len(out), len(LINES)))
    for (want_id, _), got in zip(LINES, out):
        if want_id:
            expect(got.get("id") == want_id, "output %r where %r was expected" % (got.get("id"), want_id))
        if want_id and want_id.startswith("good"):
            expect(got["status"] == "compliant", "%s: %s" % (want_id, got))
        else:
            expect(got["status"] == "error" and got.get("error") and not got["findings"],
                   "not an error record: %s" % got)
    expect(proc.returncode == 1, "exit status %d, the contract asks 1" % proc.returncode)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
