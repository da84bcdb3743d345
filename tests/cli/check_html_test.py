#!/usr/bin/env python3
"""`ssd check --format html`: one section per record in input order, its findings grouped by
status (fail, missing_data, pass, not_applicable), each with its rule, citation and the law's
text, the counts at the end; what a record holds is escaped, so no payload becomes markup; the
exit status is check's; a record judged on a day whose wording in force is uncertain says so, its
reason escaped too. Rendered in headless Chromium: the page shows text and its status marks."""
import argparse
import html.parser
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402
import screenshot  # noqa: E402

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;'
GOOD = {"id": "good", "standard": "edu-org", "as_of": "2020-11-23",
        "client": {"categories": ["no_parental_care"]},
        "admission": {"basis": "guardianship_referral"},
        "housing": {"sleeping_area_m2": 15, "children_in_room": 3},
        "complaints_book": {"kept": True, "reviews": ["2020-11-16", "2020-11-23"]}}
RECORDS = [
    GOOD,
    dict(GOOD, id="small-room", housing={"sleeping_area_m2": 5, "children_in_room": 3}),
    {"id": "sparse", "standard": "edu-org", "as_of": "2020-11-23"},
    {"id": "old", "standard": "edu-org", "as_of": "1999-01-01"},
    {"id": PAYLOAD, "standard": "edu-org", "as_of": "2020-11-23", "client": {"categories": [PAYLOAD]}},
    {"id": "nowhere", "standard": PAYLOAD, "as_of": "2020-11-23"},
    # The first days of joint order № 401/№ 69: in force from its earliest possible day, uncertain.
    {"id": "uncertain", "standard": "risk-criteria", "as_of": "2022-10-15", "violations": []},
]

# An instrument whose reason for the uncertain days carries markup.
FIXTURE = """стандарт t-uncertain "Тест" {
  күшіне_енеді жарияланғаннан_кейін 10 күнтізбелік күн тіркелген 2022-10-03 "%s"
  жариялау_мерзімі 10 күнтізбелік күн "жариялауға жіберу мерзімі"
  тармақ 1 { талап а { талап_етіледі ақиқат } }
}
""" % PAYLOAD.replace('"', "'")


class Page(html.parser.HTMLParser):
    """The elements and text of the page, as a browser would read them."""

    def __init__(self):
        super().__init__()
        self.tags, self.sections, self.stack = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        self.stack.append((tag, attrs.get("class", "")))
        if tag == "section":
            self.sections.append({"text": "", "groups": [], "rows": 0})
        if self.sections and tag == "span" and "st" in attrs.get("class", "").split() and self.in_tag("h3"):
            self.sections[-1]["groups"].append(attrs["class"].split()[1])
        if self.sections and tag == "tr" and self.in_tag("tbody") and self.in_tag("section"):
            self.sections[-1]["rows"] += 1

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def in_tag(self, tag):
        return any(t == tag for t, _ in self.stack)

    def handle_data(self, data):
        if self.sections and self.in_tag("section"):
            self.sections[-1]["text"] += data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    args = ap.parse_args()
    records = "".join(json.dumps(r) + "\n" for r in RECORDS).encode()

    def check(fmt):
        return subprocess.run([args.ssd, "check", "--standards", args.standards, "--format", fmt], input=records,
                              capture_output=True)

    jsonl, page_run = check("jsonl"), check("html")
    results = [json.loads(line) for line in jsonl.stdout.decode().splitlines()]
    expect(page_run.returncode == jsonl.returncode == 1, "exit %d, jsonl %d" % (page_run.returncode, jsonl.returncode))
    text = page_run.stdout.decode("utf-8")
    page = Page()
    page.feed(text)
    expect(text.startswith("<!DOCTYPE html>") and text.endswith("</html>\n"), "a whole page")
    expect("script" not in page.tags and "img" not in page.tags, "the payload became markup: %s" % sorted(set(page.tags)))
    expect(text.count("&lt;script&gt;") >= 2, "the payload is shown, escaped")
    expect("@page" in text and "A4" in text, "a print layout")
    expect(len(page.sections) == len(RECORDS), "%d sections for %d records" % (len(page.sections), len(RECORDS)))
    order = ["fail", "missing_data", "pass", "not_applicable"]
    for result, section in zip(results, page.sections):
        expect(result["status"] in section["text"], "%s: its status %s" % (result["id"], result["status"]))
        present = [s for s in order if any(f["status"] == s for f in result["findings"])]
        expect(section["groups"] == present, "%s: groups %s, want %s" % (result["id"], section["groups"], present))
        expect(section["rows"] == len(result["findings"]), "%s: %d rows for %d findings"
               % (result["id"], section["rows"], len(result["findings"])))
        for f in result["findings"]:
            expect(f["citation"] in section["text"], "%s: citation of § %s" % (result["id"], f["rule"]))
            expect(f["message"] in section["text"], "%s: message of § %s" % (result["id"], f["rule"]))
        if result["status"] == "error":
            expect(result["error"] in section["text"], "%s: the reason %r" % (result["id"], result["error"]))
    # The law's text of a failed requirement: paragraph 5.1 of edu-org, the room's area.
    expect("§\xa05.1" in page.sections[1]["text"] and "төрт шаршы метр" in page.sections[1]["text"],
           "the law's text of § 5.1")
    summary = text[text.rindex("Қорытынды"):]
    expect("<td>%d</td>" % len(RECORDS) in summary, "the count of all records")

    # The uncertain days: on the record judged in them, and only there.
    for result, section in zip(results, page.sections):
        window = result.get("in_force_uncertain")
        shown = "Күшінде болуы белгісіз: %s – %s: " % (window["from"], window["to"]) if window else "Күшінде болуы белгісіз"
        expect((shown in section["text"]) == bool(window), "%s: the uncertain days %s" % (result["id"], window))
        if window:
            expect(window["why"] in section["text"], "%s: why the days are uncertain" % result["id"])
    expect(results[-1].get("in_force_uncertain", {}).get("from") == "2022-10-14", "risk-criteria's uncertain days")
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "t.ssd"), "w", encoding="utf-8") as f:
            f.write(FIXTURE)
        record = json.dumps({"id": "r", "standard": "t-uncertain", "as_of": "2022-10-14"}).encode()
        run = subprocess.run([args.ssd, "check", "--standards", folder, "--format", "html"], input=record,
                             capture_output=True)
        fixture = Page()
        fixture.feed(run.stdout.decode("utf-8"))
        expect(run.returncode == 0, "the fixture checks: %s" % run.stderr.decode())
        expect("script" not in fixture.tags and "img" not in fixture.tags,
               "the reason became markup: %s" % sorted(set(fixture.tags)))
        expect(PAYLOAD.replace('"', "'") in fixture.sections[0]["text"] if fixture.sections else False,
               "the reason is shown, escaped")

    if screenshot.chromium():
        with tempfile.TemporaryDirectory() as tmp:
            path, png = os.path.join(tmp, "page.html"), os.path.join(tmp, "page.png")
            with open(path, "wb") as f:
                f.write(page_run.stdout)
            rendered = screenshot.screenshot(path, png)
            expect(rendered, "Chromium renders the page")
            if rendered:
                width, height, rows = screenshot.pixels(png)
                dark = sum(1 for row in rows for px in row if sum(px[:3]) < 200)
                red = sum(1 for row in rows for px in row if px[0] > 230 and 200 < px[1] < 225 and 200 < px[2] < 225)
                expect(dark > 2000, "text on the page: %d dark pixels" % dark)
                expect(red > 100, "a non-compliant mark: %d pink pixels" % red)
    else:
        print("chromium not found: the page is not rendered")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
