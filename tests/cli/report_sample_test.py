#!/usr/bin/env python3
"""`ssd report` on the generated sample set (samples/organisations.jsonl): the set is what its
script makes; the figures add up (records over groups and months, failures over months, the
counts behind each share); both rankings are in order; and the PDF printed by headless Chromium
has a page per organisation, each beginning with its heading, and the charts drawn on it."""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402
import screenshot  # noqa: E402

SAMPLE_ARGS = ["--records", "600", "--organisations", "6", "--months", "24", "--seed", "7"]  # samples/README.md
SHARE_BAR = (0x3b, 0x6f, 0xb6)


def check_figures(out):
    orgs = out["organizations"]
    expect(out["records"] == 600, "records %r" % out["records"])
    expect(sum(o["records"] for o in orgs) == out["records"], "every record in one group")
    expect(sum(m["records"] for m in out["months"]) == out["records"], "every record in one month")
    expect(len(orgs) == 7 and sum(o["id"] is None for o in orgs) == 1, "six organisations and the group without one")
    ids = [o["id"] for o in orgs]
    expect(out["ranking"]["by_non_compliant_share"] == ids, "organisations listed in the order of the ranking")
    shares = [o["non_compliant"]["share"] for o in orgs]
    expect(shares == sorted(shares, reverse=True), "ranked by share %r" % shares)
    by_id = {o["id"]: o for o in orgs}
    weights = [tuple(by_id[i]["violations"][k] for k in ("gross", "significant", "minor", "unclassified"))
               for i in out["ranking"]["by_severity"]]
    expect(weights == sorted(weights, reverse=True), "ranked by severity %r" % weights)
    expect([by_id[i]["rank_by_severity"] for i in out["ranking"]["by_severity"]] == list(range(1, 8)),
           "severity ranks 1..7")
    for o in orgs:
        name = o["id"]
        expect(sum(m["records"] for m in o["months"]) + o["records_without_month"] == o["records"],
               "%s: months add up" % name)
        st = o["by_status"]
        checked = st.get("compliant", 0) + st.get("non_compliant", 0) + st.get("incomplete", 0)
        expect(o["non_compliant"] == {"records": st.get("non_compliant", 0), "checked": checked,
                                      "share": round(st.get("non_compliant", 0) / checked, 4)},
               "%s: the counts behind the share %r" % (name, o["non_compliant"]))
        fails = sum(f["fail"] for s in o["standards"] for f in s["failing"])
        expect(o["violations"]["total"] == fails, "%s: violations %d = failures %d" % (name, o["violations"]["total"], fails))
        for f in o["top_requirements"]:
            expect(sum(m["fail"] for m in f["by_month"]) == f["fail"], "%s: %s § %s by month" % (name, f["standard"], f["rule"]))
        top = [f["fail"] for f in o["top_requirements"]]
        expect(top == sorted(top, reverse=True) and len(top) <= 5, "%s: top requirements %r" % (name, top))
        for s in o["standards"]:
            failing = [f["fail"] for f in s["failing"]]
            expect(failing == sorted(failing, reverse=True), "%s %s: most failed first" % (name, s["standard"]))
            c = s["compliant"]
            expect(c["records"] == s["by_status"].get("compliant", 0), "%s %s: compliant records" % (name, s["standard"]))
    # Every organisation answers some attested requirements of its standard, not all.
    unanswered = [s["without_data"]["attested_unanswered"] for o in orgs for s in o["standards"]
                  if s["standard"] == "edu-org"]
    expect(unanswered and all(n > 0 for n in unanswered), "edu-org: attested lines without an answer are folded")


def check_pdf(ssd, cases, out):
    if screenshot.chromium() is None or not shutil.which("pdftotext"):
        expect(False, "chromium and poppler-utils are needed (scripts/install-deps installs them)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        pdf = os.path.join(tmp, "report.pdf")
        run = subprocess.run([ssd, "report", "--pdf", pdf, cases], capture_output=True, text=True)
        expect(run.returncode == 1, "--pdf: exit %d (non-compliant records), stderr %s" % (run.returncode, run.stderr))
        expect(run.stdout == "", "--pdf without --format writes nothing to standard output")
        with open(pdf, "rb") as f:
            expect(f.read(5) == b"%PDF-", "a PDF")
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        expect("A4" in info and pages >= 2 + len(out["organizations"]), "A4, %d pages" % pages)
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout.split("\f")
        firsts = [p.strip().split("\n")[0] for p in text]
        for o in out["organizations"]:
            label = "Ұйымы көрсетілмеген" if o["id"] is None else "%s (%s)" % (o["name"], o["id"])
            expect(label in firsts, "a page begins with %s" % label)
        # The charts were drawn before the page was printed: the ranking's bars on page 1.
        subprocess.run(["pdftoppm", "-r", "96", "-png", "-f", "1", "-l", "1", pdf, os.path.join(tmp, "page")], check=True)
        png = [os.path.join(tmp, n) for n in os.listdir(tmp) if n.startswith("page") and n.endswith(".png")][0]
        bar = screenshot.colours(png).get(SHARE_BAR, 0)
        expect(bar > 3000, "page 1 shows the ranking's bars (%d px)" % bar)
        with_format = subprocess.run([ssd, "report", "--pdf", pdf, "--format", "json", cases], capture_output=True, text=True)
        expect(json.loads(with_format.stdout)["records"] == 600, "--pdf with --format also writes the format")
        broken = subprocess.run([ssd, "report", "--pdf", pdf, cases], capture_output=True, text=True,
                                env=dict(os.environ, SSD_CHROMIUM="/bin/false"))
        expect(broken.returncode == 2 and "wrote no PDF" in broken.stderr, "a browser that fails: exit 2, %r" % broken.stderr)
        nowhere = subprocess.run([ssd, "report", "--pdf", os.path.join(tmp, "no", "such", "x.pdf"), cases],
                                 capture_output=True, text=True)
        expect(nowhere.returncode == 2 and "x.pdf: cannot write it" in nowhere.stderr,
               "an unwritable PDF: exit 2, %r" % nowhere.stderr)
        with open(pdf, "rb") as f:
            expect(f.read(5) == b"%PDF-", "a failed print leaves the PDF printed before")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--samples", required=True)
    ap.add_argument("--generator", required=True)
    args = ap.parse_args()
    cases = os.path.join(args.samples, "organisations.jsonl")
    made = subprocess.run([sys.executable, args.generator] + SAMPLE_ARGS, capture_output=True, text=True, check=True)
    with open(cases, encoding="utf-8") as f:
        expect(made.stdout == f.read(), "samples/organisations.jsonl is what %s makes" % " ".join(SAMPLE_ARGS))
    run = subprocess.run([args.ssd, "report", cases], capture_output=True, text=True)
    expect(run.returncode == 1, "exit %d, want 1 (non-compliant records)" % run.returncode)
    out = json.loads(run.stdout)
    check_figures(out)
    # --sections: the page keeps the sections of the first organisations of the ranking.
    page = subprocess.run([args.ssd, "report", "--format", "html", "--sections", "2", cases], capture_output=True,
                          text=True).stdout
    expect(page.count('<section class="org"') == 2 and 'id="org-2"' in page and 'id="org-3"' not in page,
           "--sections 2: two organisation sections")
    expect('href="#org-3"' not in page and 'href="#org-2"' in page, "--sections 2: links only to sections shown")
    check_pdf(args.ssd, cases, out)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
