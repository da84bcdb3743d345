#!/usr/bin/env python3
"""Amending orders end to end on the fixtures of tests/amend (made up, not law): `ssd check`
judges by the wording in force on `as_of`; `ssd consolidate` prints source that compiles alone and
text; `ssd diff ID --from --to` names what the orders changed."""
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
    a = ap.parse_args()
    std = ["--standards", a.fixtures]

    def check(as_of, reviews):
        rec = {"id": as_of, "standard": "fixture-amended", "as_of": as_of,
               "complaints_book": {"kept": True, "reviews": reviews}}
        out = subprocess.run([a.ssd, "check", "--no-cache"] + std, input=json.dumps(rec),
                             capture_output=True, text=True).stdout
        r = json.loads(out)
        return r["status"], {f["rule"]: (f["status"], f.get("wording")) for f in r["findings"]}

    monthly = ["2024-08-15", "2024-09-14", "2024-10-11"]
    status, rules = check("2024-10-11", monthly)     # the day before order № 1: weekly
    expect(rules.get("7") == ("fail", None), "2024-10-11: § 7 weekly fails, got %r" % (rules,))
    expect("9" in rules and "9-1" not in rules, "2024-10-11: § 9 in force, § 9-1 not yet")
    status, rules = check("2024-10-12", monthly)     # order № 1 applies: monthly
    expect(rules.get("7") == ("pass", "№ 1 тест бұйрығы"), "2024-10-12: § 7 monthly passes, got %r" % (rules,))
    expect("9" not in rules and "9-1" in rules, "2024-10-12: § 9 deleted, § 9-1 added")
    status, _ = check("2026-01-01", monthly)
    expect(status == "not_in_force", "2026-01-01: repealed by order № 2")

    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "consolidated.ssd")
        out = subprocess.run([a.ssd, "consolidate"] + std + ["fixture-amended", "--as-of", "2025-01-01"],
                             capture_output=True, text=True)
        with open(src, "w", encoding="utf-8") as f:
            f.write(out.stdout)
        expect(out.returncode == 0, "consolidate exits 0")
        expect("ай сайын" in out.stdout and "апта сайын қарайды" not in out.stdout, "consolidated: the 2025 wording")
        compiled = subprocess.run([a.ssd, "compile", "--check", src], capture_output=True, text=True)
        expect(compiled.returncode == 0, "the consolidated source compiles alone:\n" + compiled.stderr)
    text = subprocess.run([a.ssd, "consolidate"] + std + ["fixture-amended", "--as-of", "2023-01-01", "--format", "text"],
                          capture_output=True, text=True).stdout
    expect("§ 9 " in text and "апта сайын" in text and "§ 9-1" not in text, "text at 2023")

    diff = subprocess.run([a.ssd, "diff"] + std + ["fixture-amended", "--from", "2023-01-01", "--to", "2025-01-01",
                          "--format", "json"], capture_output=True, text=True)
    d = json.loads(diff.stdout)
    kinds = {c["rule"]: c["kind"] for c in d["changes"]}
    expect(diff.returncode == 1 and kinds == {"7": "changed", "9": "removed", "9-1": "added"}, "dated diff: %r" % kinds)
    same = subprocess.run([a.ssd, "diff"] + std + ["fixture-amended", "--from", "2021-01-01", "--to", "2023-01-01"],
                          capture_output=True, text=True)
    expect(same.returncode == 0, "no order between 2021 and 2023: no change")

    # An order's test runs the examples of the instrument it amends too, each once.
    alone = subprocess.run([a.ssd, "test", "-v", os.path.join(a.fixtures, "order-2.ssd")], capture_output=True, text=True)
    expect("PASS fixture-amended: апта сайын" in alone.stdout and alone.stdout.endswith("2 passed, 0 failed\n"),
           "ssd test of order-2 runs base.ssd's example:\n" + alone.stdout)
    both = subprocess.run([a.ssd, "test", os.path.join(a.fixtures, "base.ssd"), os.path.join(a.fixtures, "order-1.ssd")],
                          capture_output=True, text=True)
    expect(both.stdout.endswith("2 passed, 0 failed\n"), "each example once:\n" + both.stdout)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
