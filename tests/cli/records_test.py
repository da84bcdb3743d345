#!/usr/bin/env python3
"""`ssd check` on a file of good and malformed records: exactly one output line per input record,
in input order; the malformed ones are `error` with a reason on one line, in valid UTF-8 whatever
the record held, the good ones are still checked; the exit status follows the contract (§6).
Attestations of no attested requirement are shown, and warned of."""
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
    # A value longer than a message quotes: cut between letters, not inside one.
    ("long-code", json.dumps(dict(GOOD, id="long-code", client={"categories": ["ab" + "жетім-бала-" * 8]}), ensure_ascii=False)),
    # Control characters in a value, a key, the standard: the reason stays on one line.
    ("control-code", json.dumps(dict(GOOD, id="control-code", client={"categories": ["a\nb\u0001\u007f"]}))),
    ("control-key", json.dumps({"id": "control-key", "standard": "risk-criteria", "as_of": "2023-05-10",
                                "complaints": {"8\n5": "two"}})),
    ("control-standard", '{"id": "control-standard", "standard": "edu\\norg\\r", "as_of": "2020-01-01"}'),
    # A row the risk criteria's closed table does not have (rows 1–90; complaints 85–90).
    ("row-91", json.dumps({"id": "row-91", "standard": "risk-criteria", "as_of": "2023-05-10", "violations": ["91"]})),
    ("row-0", json.dumps({"id": "row-0", "standard": "risk-criteria", "as_of": "2023-05-10", "violations": ["7", "0"]})),
    ("complaint-91", json.dumps({"id": "complaint-91", "standard": "risk-criteria", "as_of": "2023-05-10",
                                 "violations": [], "complaints": {"91": 3}})),
    # A byte-order mark at the start of a line (files joined by cat) is not part of the record.
    ("good-bom", "\ufeff" + json.dumps(dict(GOOD, id="good-bom"))),
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
    try:
        lines = proc.stdout.decode("utf-8").split("\n")
    except UnicodeDecodeError as e:
        expect(False, "the output is not UTF-8: %s" % e)
        return finish()
    expect(lines[-1] == "", "the output does not end with a line end")
    out = [json.loads(line) for line in lines[:-1]]
    expect(len(out) == len(LINES), "%d output lines for %d records" % (len(out), len(LINES)))
    for (want_id, _), got in zip(LINES, out):
        if want_id:
            expect(got.get("id") == want_id, "output %r where %r was expected" % (got.get("id"), want_id))
        if want_id and want_id.startswith("good"):
            expect(got["status"] == "compliant", "%s: %s" % (want_id, got))
        else:
            expect(got["status"] == "error" and got.get("error") and not got["findings"],
                   "not an error record: %s" % got)
            expect(not any(ord(c) < 0x20 or c == "\x7f" for c in got.get("error", "")),
                   "a control character in the error: %r" % got.get("error"))
    by_id = {r["id"]: r for r in out if r.get("id")}
    expect(by_id["long-code"]["error"] == 'client.categories: unknown code "ab' + "жетім-бала-" + 'жетім-бал…" of \'санат\'',
           "long value cut: %r" % by_id["long-code"]["error"])
    expect('"a\\nb\\u0001\\u007f"' in by_id["control-code"]["error"], "escaped: %r" % by_id["control-code"]["error"])
    expect("complaints.8\\n5: expected a number" in by_id["control-key"]["error"], "key: %r" % by_id["control-key"]["error"])
    expect(by_id["control-standard"]["error"] == 'unknown standard "edu\\norg\\r"', "standard: %r" % by_id["control-standard"]["error"])
    expect(by_id["row-91"]["error"] == "violations: \"91\" is not in the closed list 'бұзушылықтар' (1–90)",
           "row 91: %r" % by_id["row-91"]["error"])
    expect('"0"' in by_id["row-0"]["error"], "row 0: %r" % by_id["row-0"]["error"])
    expect(by_id["complaint-91"]["error"] ==
           "complaints: \"91\" is not in the closed list 'шағымдар' (85–90, the rows of group confirmed_complaints)",
           "complaint 91: %r" % by_id["complaint-91"]["error"])
    # A record judged on a day its instrument's first day in force is only the earliest possible.
    early = json.dumps({"id": "early", "standard": "risk-criteria", "as_of": "2022-10-20", "violations": ["12"], "complaints": {}})
    judged = json.loads(subprocess.run([args.ssd, "check", "--standards", args.standards], input=early.encode(),
                                       capture_output=True).stdout)
    window = judged.get("in_force_uncertain", {})
    expect(judged["status"] == "non_compliant" and window.get("from") == "2022-10-14" and window.get("to") == "2022-10-23"
           and "№ 401/№ 69" in window.get("why", ""), "in_force_uncertain: %s" % judged)
    for lang, label in (("kk", "күшінде болуы белгісіз"), ("en", "in force uncertain")):
        readable = subprocess.run([args.ssd, "check", "--format", "text", "--lang", lang, "--standards", args.standards],
                                  input=early.encode(), capture_output=True).stdout.decode("utf-8")
        expect("%s: 2022-10-14 – 2022-10-23" % label in readable, "text --lang %s: %s" % (lang, readable))
    listing = subprocess.run([args.ssd, "list", "--standards", args.standards], capture_output=True).stdout.decode("utf-8")
    expect("? 2022-10-14 – 2022-10-23" in listing and "? 2010-12-06 – 2010-12-26" in listing, "ssd list: %s" % listing)
    # A rule of `attestations` no attested requirement cites (a typo of "20"): shown in the
    # result and warned of on stderr, one line a record; the status stays the findings'.
    typo = json.dumps({"id": "typo", "standard": "pnd-day", "as_of": "2010-05-20", "attestations": {"20": True, "200": True}})
    run = subprocess.run([args.ssd, "check", "--standards", args.standards], input=typo.encode(), capture_output=True)
    result = json.loads(run.stdout)
    warnings = run.stderr.decode("utf-8").splitlines()
    expect(result.get("unknown_attestations") == ["200"] and result["status"] != "error", "unknown attestations: %s" % result)
    expect(warnings == ['ssd check: warning: record "typo": attestations "200" name no attested requirement of pnd-day; not read'],
           "the warning: %s" % warnings)
    quiet = subprocess.run([args.ssd, "check", "--quiet", "--standards", args.standards], input=typo.encode(), capture_output=True)
    expect(quiet.stderr == b"" and quiet.stdout == run.stdout, "--quiet: %r" % quiet.stderr)
    # The readable format: one heading line per record, and one line for each reason.
    text_out = subprocess.run([args.ssd, "check", "--format", "text", "--standards", args.standards],
                              input=text.encode(), capture_output=True).stdout.decode("utf-8")
    errors = sum(1 for want_id, _ in LINES if not (want_id or "").startswith("good"))
    headings = [line for line in text_out.splitlines() if line and not line.startswith(" ")]
    expect(sum(1 for line in text_out.splitlines() if line.startswith("    қате: ")) == errors,
           "error lines in the text format: %s" % text_out)
    expect(len(headings) >= len(LINES), "record lines in the text format: %d" % len(headings))
    expect(proc.returncode == 1, "exit status %d, the contract asks 1" % proc.returncode)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
