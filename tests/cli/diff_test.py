#!/usr/bin/env python3
"""`ssd diff` on the fixtures of tests/diff (made-up versions, not law): what it names, its exit
status, its JSON, and its HTML page as headless Chromium shows it."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402
import screenshot  # noqa: E402



def run(ssd, *args):
    return subprocess.run([ssd, "diff"] + list(args), capture_output=True, text=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--fixtures", required=True)
    args = ap.parse_args()
    v1, v1f, v2 = (os.path.join(args.fixtures, n) for n in ("v1.ssd", "v1-format.ssd", "v2.ssd"))

    same = run(args.ssd, v1, v1f)
    expect(same.returncode == 0, "formatting only: exit %d, want 0\n%s" % (same.returncode, same.stdout))
    expect("Мағынасы өзгермеді." in same.stdout, "formatting only: says so")
    expect("No change in meaning." in run(args.ssd, "--lang", "en", v1, v1f).stdout, "formatting only: says so in English")

    # Each language on its own: Kazakh by default, English with --lang en.
    for lang, needles in (
            ("kk", ("14 күнтізбелік күн → 10 күнтізбелік күн", "7 күнтізбелік күн → 1 ай", "қосылды: deviant_behaviour",
                    "ауырлық: significant → gross", "orphan: {guardianship_referral,lea_decision} → {lea_decision}")),
            ("en", ("14 calendar days → 10 calendar days", "7 calendar days → 1 month", "added: deviant_behaviour",
                    "severity: significant → gross", "orphan: {guardianship_referral,lea_decision} → {lea_decision}"))):
        text = run(args.ssd, "--lang", lang, v1, v2)
        expect(text.returncode == 1, "changed: exit %d, want 1" % text.returncode)
        for needle in needles:
            expect(needle in text.stdout, "text --lang %s names: %s" % (lang, needle))

    out = json.loads(run(args.ssd, "--format", "json", v1, v2).stdout)
    kinds = {c["rule"]: c["kind"] for c in out["changes"]}
    expect(out["meaning_changed"] is True, "json: meaning_changed")
    # JSON keeps the labels it has always carried, both languages in one string.
    what = [w for c in out["changes"] for w in c["what"]]
    for needle in ("14 күнтізбелік күн / calendar days → 10 күнтізбелік күн / calendar days",
                   "қосылды / added: deviant_behaviour", "ауырлық / severity: significant → gross"):
        expect(needle in what, "json what: " + needle)
    expect(kinds == {"2": "changed", "4": "changed", "5.1": "reworded", "6.4": "removed", "12": "added",
                     "18": "changed", "22": "changed"}, "json: kinds %r" % kinds)

    # The same versions compiled to artifacts compare the same.
    with tempfile.TemporaryDirectory() as tmp:
        a, b = os.path.join(tmp, "a.ssdc"), os.path.join(tmp, "b.ssdc")
        subprocess.run([args.ssd, "compile", "--alone", v1, "-o", a], capture_output=True)
        subprocess.run([args.ssd, "compile", "--alone", v2, "-o", b], capture_output=True)
        art = json.loads(run(args.ssd, "--format", "json", a, b).stdout)
        expect({c["rule"]: c["kind"] for c in art["changes"]} == kinds, "artifacts: same changes")

        page = os.path.join(tmp, "diff.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(run(args.ssd, "--format", "html", v1, v2).stdout)
        if screenshot.chromium() is None:
            expect(False, "chromium is not installed (scripts/install-deps installs it)")
        else:
            png = os.path.join(tmp, "diff.png")
            expect(screenshot.screenshot(page, png), "chromium wrote no screenshot")
            if os.path.exists(png):
                seen = screenshot.colours(png)
                # The row colours of changed, added, removed and re-worded provisions, and text.
                for name, rgb in (("changed", (255, 243, 205)), ("added", (227, 244, 227)),
                                  ("removed", (248, 224, 224)), ("reworded", (238, 238, 255))):
                    expect(seen.get(rgb, 0) > 500, "screenshot shows no %s row" % name)
                dark = sum(n for (r, g, b), n in seen.items() if r + g + b < 200)
                expect(dark > 2000, "screenshot shows little text (%d dark pixels)" % dark)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
