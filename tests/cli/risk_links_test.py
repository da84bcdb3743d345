#!/usr/bin/env python3
"""Case records of one organisation (tests/risk/org-1.jsonl, made up) reach the risk rows and the
checklists through the standards' links by subject matter (standards/, `тексереді risk-criteria
§ N`). What each command must say was worked out by hand:

  e1  edu-org 2023-03-15  5.1 fails (3 m² a child)       → risk row 8 (gross); 5.8 answered true → row 9 met
  e2  edu-org 2023-03-15  5.4 answered false (nutrition) → risk row 7 (gross); 5.1 passes → row 8 met
  e3  edu-org 2021-03-15  5.1 fails, but the risk criteria are in force only from 2022-10-14: no row
  t1  temporary-stay 2025-05-20  two diapers on 7 May     → risk row 39 (gross)

so `ssd report` lists rows 7, 8 and 39, each violated by one record, three gross violations and
e3's fail unclassified; `ssd checklist checklist-3` (stationary conditions) ticks row 5 (risk 7)
and row 6 (risk 8) non-compliant and row 7 (risk 9) compliant, naming e2, e1 and e1;
`ssd checklist checklist-5` (temporary stay) ticks row 5 (risk 39) non-compliant, naming t1."""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    ap.add_argument("--cases", required=True)
    args = ap.parse_args()

    run = subprocess.run([args.ssd, "report", "--standards", args.standards, args.cases], capture_output=True, text=True)
    expect(run.returncode == 1, "report: exit %d, want 1 %s" % (run.returncode, run.stderr))
    report = json.loads(run.stdout)
    rows = [(r["row"], r["severity"], r["records"], r["from"]) for r in report["risk"]["rows"]]
    expect(rows == [("7", "gross", 1, [{"standard": "edu-org", "rule": "5.4"}]),
                    ("8", "gross", 1, [{"standard": "edu-org", "rule": "5.1"}]),
                    ("39", "gross", 1, [{"standard": "temporary-stay", "rule": "app3:18"}])],
           "report: risk rows 7, 8, 39 from edu-org 5.4, 5.1 and temporary-stay app3:18: %r" % rows)
    expect(report["risk"]["by_severity"] == {"gross": 3}, "report: three gross rows %r" % report["risk"]["by_severity"])
    org = report["organizations"][0]
    expect(org["id"] == "org-1" and org["violations"] == {"gross": 3, "significant": 0, "minor": 0,
                                                          "unclassified": 1, "total": 4},
           "report: org-1's violations by severity (e3 before the criteria: unclassified) %r" % org["violations"])
    lines = {(s["standard"], q["rule"]): q["risk_rows"] for s in report["standards"] for q in s["requirements"]}
    expect(lines[("edu-org", "5.1")] == [{"row": "8", "severity": "gross"}] and
           lines[("edu-org", "5.8")] == [{"row": "9", "severity": "significant"}],
           "report: the requirement lines name their risk rows")

    def form(checklist, as_of):
        run = subprocess.run([args.ssd, "checklist", checklist, "--as-of", as_of, "--standards", args.standards,
                              "--cases", args.cases, "--format", "json"], capture_output=True, text=True)
        expect(run.returncode == 1, "%s: exit %d, want 1 %s" % (checklist, run.returncode, run.stderr))
        return {r["row"]: r for r in json.loads(run.stdout)["rows"]}

    def ticks(row):
        return (row["compliant"], row["non_compliant"], row["source"],
                [(b["record"], b["standard"], b["rule"], b["status"]) for b in row["behind"]])

    stationary = form("checklist-3", "2023-03-15")
    expect(ticks(stationary["5"]) == (False, True, "cases", [("e2", "edu-org", "5.4", "fail")]),
           "checklist-3 row 5 (risk 7): %r" % (ticks(stationary["5"]),))
    expect(ticks(stationary["6"]) == (False, True, "cases", [("e1", "edu-org", "5.1", "fail")]),
           "checklist-3 row 6 (risk 8), e3 of 2021 not counted: %r" % (ticks(stationary["6"]),))
    expect(stationary["6"]["evidence"] == {"pass": 1, "fail": 1, "not_applicable": 0, "missing_data": 0},
           "checklist-3 row 6: e1 fails, e2 passes %r" % stationary["6"]["evidence"])
    expect(ticks(stationary["7"]) == (True, False, "cases", [("e1", "edu-org", "5.8", "pass")]),
           "checklist-3 row 7 (risk 9): %r" % (ticks(stationary["7"]),))
    others = [n for n, r in stationary.items() if n not in ("5", "6", "7") and r["source"] != "none"]
    expect(others == [], "checklist-3: no other row is evidenced %r" % others)
    temporary = form("checklist-5", "2025-05-20")
    expect(ticks(temporary["5"]) == (False, True, "cases", [("t1", "temporary-stay", "app3:18", "fail")]),
           "checklist-5 row 5 (risk 39): %r" % (ticks(temporary["5"]),))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
