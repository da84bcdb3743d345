#!/usr/bin/env python3
"""`ssd report` on the fixtures of tests/checklist (made-up instruments, not law): counts of
findings per requirement, the share of compliant records, the mapping of violations to risk rows
(through a checklist row, a paragraph a row names, or the requirement itself), and the page."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--fixtures", required=True)
    args = ap.parse_args()
    fx = args.fixtures
    cases, late = os.path.join(fx, "cases.jsonl"), os.path.join(fx, "late-plan.jsonl")

    def ssd(*extra):
        return subprocess.run([args.ssd, "report", "--standards", fx] + list(extra), capture_output=True, text=True)

    with tempfile.TemporaryDirectory() as tmp:
        # The inspection record on one line is a case record of the checklist too.
        inspection = os.path.join(tmp, "inspection.jsonl")
        with open(os.path.join(fx, "inspection.json"), encoding="utf-8") as f:
            record = json.load(f)
        with open(inspection, "w", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        run = ssd(cases, late, inspection)
        expect(run.returncode == 1, "exit %d, want 1 (non-compliant records)" % run.returncode)
        out = json.loads(run.stdout)

    expect(out["records"] == 7, "records %r" % out["records"])
    expect(out["by_status"] == {"compliant": 2, "non_compliant": 3, "incomplete": 1, "error": 1},
           "by_status %r" % out["by_status"])
    standards = {s["standard"]: s for s in out["standards"]}
    expect(sorted(standards) == ["fixture-checklist", "fixture-standard"], "standards %r" % sorted(standards))
    fs = standards["fixture-standard"]
    expect(fs["records"] == 5 and fs["by_status"] == {"compliant": 2, "non_compliant": 2, "incomplete": 1},
           "fixture-standard records %r" % fs["by_status"])
    reqs = {r["rule"]: r for r in fs["requirements"]}
    expect(list(reqs) == ["5.1", "18", "30", "40"], "requirements in file order %r" % list(reqs))

    def counts(rule):
        r = reqs[rule]
        return (r["pass"], r["fail"], r["not_applicable"], r["missing_data"])
    expect(counts("5.1") == (3, 1, 0, 1), "5.1 counts %r" % (counts("5.1"),))
    expect(counts("18") == (4, 1, 0, 0), "18 counts %r" % (counts("18"),))
    expect(counts("30") == (1, 0, 4, 0), "30 counts %r" % (counts("30"),))
    expect(counts("40") == (0, 0, 0, 0), "40 counts %r" % (counts("40"),))
    expect(reqs["5.1"]["compliant_share"] == 0.75, "5.1 share %r" % reqs["5.1"]["compliant_share"])
    expect(reqs["18"]["compliant_share"] == 0.8, "18 share")
    expect(reqs["30"]["compliant_share"] == 1, "30 share")
    expect(reqs["40"]["compliant_share"] is None, "40 share: null, nothing judged")
    expect(reqs["5.1"]["severity"] == "gross", "5.1 severity")

    # 5.1 → rows 1 (checklist row 1 names § 5.1) and 2 (row 5 names § 5, which 5.1 lies under);
    # 18 → row 3 (it names the row itself); 30 and 40 → none.
    expect(reqs["5.1"]["risk_rows"] == [{"row": "1", "severity": "gross"}, {"row": "2", "severity": "significant"}],
           "5.1 risk rows %r" % reqs["5.1"]["risk_rows"])
    expect(reqs["18"]["risk_rows"] == [{"row": "3", "severity": "minor"}], "18 risk rows")
    expect(reqs["30"]["risk_rows"] == [] and reqs["40"]["risk_rows"] == [], "no risk rows")
    # The checklist's own rows map to the risk rows they name.
    cl = {r["rule"]: r for r in standards["fixture-checklist"]["requirements"]}
    expect(cl["2"]["fail"] == 1 and cl["2"]["risk_rows"] == [{"row": "2", "severity": "significant"}],
           "checklist row 2: the inspector's false, mapped to risk row 2")

    risk = out["risk"]
    rows = {r["row"]: r for r in risk["rows"]}
    expect(list(rows) == ["1", "2", "3"], "risk rows violated %r" % list(rows))
    expect((rows["1"]["records"], rows["1"]["findings"]) == (1, 1), "row 1: c2")
    expect((rows["2"]["records"], rows["2"]["findings"]) == (2, 2), "row 2: c2 and the inspection")
    expect(rows["2"]["from"] == [{"standard": "fixture-checklist", "rule": "2"},
                                 {"standard": "fixture-standard", "rule": "5.1"}], "row 2 from %r" % rows["2"]["from"])
    expect((rows["3"]["records"], rows["3"]["severity"], rows["3"]["group"]) == (1, "minor", "inspections"),
           "row 3: c6, minor")
    expect(risk["rows_violated"] == 3 and risk["by_severity"] == {"gross": 1, "significant": 1, "minor": 1},
           "risk by severity %r" % risk["by_severity"])
    expect(risk["by_group"] == {"inspections": 3}, "risk by group")

    # Every record compliant: exit 0, no risk rows.
    with open(cases, encoding="utf-8") as f:
        first = f.readline()
    good = subprocess.run([args.ssd, "report", "--standards", fx, "-"], input=first, capture_output=True, text=True)
    expect(good.returncode == 0, "one compliant record: exit %d" % good.returncode)
    expect(json.loads(good.stdout)["risk"]["rows"] == [], "one compliant record: no risk rows")

    # The records name no organisation: one group, ranked first of one, by month of as_of.
    expect(len(out["organizations"]) == 1, "one group %r" % [o["id"] for o in out["organizations"]])
    group = out["organizations"][0]
    expect(group["id"] is None and group["records"] == 7, "the group without an organisation holds every record")
    expect(group["non_compliant"] == {"records": 3, "checked": 6, "share": 0.5}, "non-compliant %r" % group["non_compliant"])
    expect(out["ranking"] == {"by_non_compliant_share": [None], "by_severity": [None]}, "ranking %r" % out["ranking"])
    fs_group = {s["standard"]: s for s in group["standards"]}["fixture-standard"]
    expect([(f["rule"], f["fail"], f["severity"]) for f in fs_group["failing"]] == [("5.1", 1, "gross"), ("18", 1, "significant")],
           "fixture-standard: failed requirements, ranked %r" % fs_group["failing"])
    expect(fs_group["no_failure"] == {"met": 1, "not_judged": 0}, "§ 30 met %r" % fs_group["no_failure"])
    expect(fs_group["without_data"] == {"attested_unanswered": 1, "out_of_force": 0}, "§ 40 attested, unanswered")
    # The checklist's row 2 failed: no severity of its own, the significant risk row 2 it feeds.
    cl_group = {s["standard"]: s for s in group["standards"]}["fixture-checklist"]
    expect([(f["rule"], f["severity"]) for f in cl_group["failing"]] == [("2", "significant")],
           "a checklist row fails with the severity of its risk row %r" % cl_group["failing"])
    expect(group["violations"] == {"gross": 1, "significant": 2, "minor": 0, "unclassified": 0, "total": 3},
           "violations by severity %r" % group["violations"])
    months = [m["month"] for m in out["months"]]
    expect(months == sorted(months) and sum(m["records"] for m in out["months"]) == 7, "months %r" % months)

    page = ssd("--format", "html", cases, late).stdout
    for needle in ("<!DOCTYPE html>", '<html lang="kk">', "fixture-standard", "75.0&nbsp;%", ">өрескел</td>", "@page",
                   "куәландырылатын, жауабы жоқ", "break-before: page"):
        expect(needle in page, "html shows %s" % needle)
    page = ssd("--format", "html", "--lang", "en", cases, late).stdout
    for needle in ('<html lang="en">', ">gross</td>", "attested, not answered", "Report by organisation"):
        expect(needle in page, "html --lang en shows %s" % needle)
    expect(ssd(os.path.join(fx, "no-such-file.jsonl")).returncode == 2, "missing input: exit 2")

    # A risk-criteria record's violated rows count in the risk summary, each as its own row.
    with open(os.path.join(fx, "risk.json"), encoding="utf-8") as f:
        risk_line = json.dumps(json.load(f), ensure_ascii=False) + "\n"
    run = subprocess.run([args.ssd, "report", "--standards", fx, "-"], input=risk_line, capture_output=True, text=True)
    risk = json.loads(run.stdout)["risk"]
    expect([(r["row"], r["severity"], r["records"], r["from"]) for r in risk["rows"]] ==
           [("1", "gross", 1, [{"standard": "risk-criteria", "rule": "1"}]),
            ("3", "minor", 1, [{"standard": "risk-criteria", "rule": "3"}]),
            ("4", "significant", 1, [{"standard": "risk-criteria", "rule": "4"}])],
           "a risk record's rows 1 and 3 (violations) and 4 (two complaints): %r" % risk["rows"])
    expect(risk["by_severity"] == {"gross": 1, "minor": 1, "significant": 1}, "risk record by severity %r" % risk)

    # Shares to one decimal, a half rounded up: 13 of 16 compliant is 81.3 %, 3 of 16 is 18.8 %.
    with open(late, encoding="utf-8") as f:
        failing = f.readline()
    run = subprocess.run([args.ssd, "report", "--standards", fx, "--format", "html", "-"],
                         input=first * 13 + failing * 3, capture_output=True, text=True)
    expect("81.3&nbsp;%" in run.stdout and "18.8&nbsp;%" in run.stdout and "81.2&nbsp;%" not in run.stdout,
           "81.25 %% prints as 81.3 %%, 18.75 %% as 18.8 %%")

    return finish()


if __name__ == "__main__":
    sys.exit(main())
