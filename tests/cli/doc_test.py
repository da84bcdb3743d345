#!/usr/bin/env python3
"""ssd doc on the standards folder: edu-org as in force today and domestic-violence as on
2025-01-01. The page's structure (a table of contents whose links all land, each provision's text,
one block per requirement in force, the terms in words and never in .ssd syntax, the examples as
tables with their expected outcomes, the history), the PDF, and the first screen of the page as
headless Chromium shows it."""
import argparse
import html
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402
import screenshot  # noqa: E402

# What the .ssd language writes and a lawyer's page never shows.
SYNTAX = re.compile(r"талап_етіледі|тізімінде|<=|>=|&lt;=|&gt;=|\bболса\b.*\bәйтпесе\b.*\{|[{}]|_")


def doc(ssd, standards, *args):
    proc = subprocess.run([ssd, "doc", "--standards", standards] + list(args), capture_output=True, text=True)
    expect(proc.returncode == 0, "ssd doc %s: exit %d %s" % (" ".join(args), proc.returncode, proc.stderr[-500:]))
    return proc.stdout


def structure(page, name):
    ids = set(re.findall(r'id="([^"]+)"', page))
    links = re.findall(r'<a href="#([^"]+)"', page)
    expect(len(links) >= 5, "%s: a table of contents (%d links)" % (name, len(links)))
    expect(all(link in ids for link in links), "%s: every link of the contents lands on a section" % name)
    for terms in re.findall(r'<p class="terms">([^<]*)</p>', page):
        expect(not SYNTAX.search(terms), "%s: terms in words, not .ssd syntax: %s" % (name, terms[:120]))
    expect(page.count("<table class=\"example\">") >= 1, "%s: examples as tables" % name)
    expect("Күтілетін нәтиже" in page, "%s: the examples' expected outcomes" % name)


def count_requirements(ssd, standards, instrument):
    out = subprocess.run([ssd, "coverage", "--standards", standards, instrument], capture_output=True, text=True).stdout
    m = re.search(r"computed (\d+), attested (\d+)", out)
    return int(m.group(1)) + int(m.group(2)) if m else -1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    ap.add_argument("--keep", help="also copy the screenshot here, to look at it")
    args = ap.parse_args()

    edu = doc(args.ssd, args.standards, "edu-org")
    structure(edu, "edu-org")
    # Every requirement of edu-org has one wording (order 282's): each is on the page once.
    expect(edu.count('<div class="req">') == count_requirements(args.ssd, args.standards, "edu-org"),
           "edu-org: one block per requirement (%d)" % edu.count('<div class="req">'))
    expect("Білім беру және балалардың құқықтарын қорғау саласындағы білім беру ұйымдары" in edu,
           "edu-org: § 1's official text")
    expect("№ 282 бұйрығы, 2019-07-08 бастап" in edu, "edu-org: the history names order 282 and its day")
    expect("күшінде емес" in edu, "edu-org: repealed in 2023, the page says so")
    expect("4 м²" in edu, "edu-org: the area per child in words (4 м²)")
    expect("«жетім-балалар»" in edu, "edu-org: the categories by the law's labels")

    dv = doc(args.ssd, args.standards, "domestic-violence", "--as-of", "2025-01-01")
    structure(dv, "domestic-violence")
    expect("1 жұмыс күні ішінде" in dv, "domestic-violence: the term in words (1 жұмыс күні ішінде)")
    expect("№ 391" in dv, "domestic-violence: the history names order 391")
    expect("күні шамамен" in dv, "domestic-violence: the uncertain day of entry into force is marked")
    before = doc(args.ssd, args.standards, "domestic-violence", "--as-of", "2024-01-01")
    expect(before.count('<div class="req">') < dv.count('<div class="req">'),
           "domestic-violence: before order 391, fewer requirements are in force")

    if screenshot.chromium() is None:
        expect(False, "chromium is not installed (scripts/install-deps installs it)")
        return finish()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = os.path.join(tmp, "dv.pdf")
        doc(args.ssd, args.standards, "domestic-violence", "--as-of", "2025-01-01", "--format", "pdf", "-o", pdf)
        data = b""
        if os.path.exists(pdf):
            with open(pdf, "rb") as f:
                data = f.read()
        expect(data.startswith(b"%PDF"), "the PDF is written")
        expect(len(re.findall(rb"/Type\s*/Page\b", data)) >= 2, "the PDF has the contents and the text on pages of their own")

        page = os.path.join(tmp, "dv.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(dv)
        pixels = screenshot.shot(page, 900, 1300, keep=args.keep)
    expect(pixels is not None, "chromium wrote no screenshot")
    if pixels is None:
        return finish()
    width, height, rows = pixels
    counts = {}
    for row in rows:
        for px in row:
            counts[px] = counts.get(px, 0) + 1
    dark = sum(n for px, n in counts.items() if sum(px) < 300)
    expect(dark > 20000, "text on the page (%d dark pixels)" % dark)
    # The contents' links are blue; each requirement has its rule drawn in #246 at its left.
    blue = sum(n for (r, g, b), n in counts.items() if b > 150 and r < 80 and g < 80)
    expect(blue > 1000, "the contents' links are drawn (%d blue pixels)" % blue)
    rules = [x for x in range(width) if sum(1 for y in range(height) if rows[y][x] == (34, 68, 102)) > 60]
    expect(len(rules) >= 1, "the requirements' rules are drawn at their left")
    # The first example's table: ruled rows below the requirements.
    grey = [y for y in range(height) if sum(1 for x in range(width) if sum(rows[y][x]) < 500 and
                                              abs(rows[y][x][0] - rows[y][x][2]) < 10) > width // 3]
    lines = [y for i, y in enumerate(grey) if i == 0 or y - grey[i - 1] > 1]
    expect(len(lines) >= 4, "an example's table with its ruled rows (%d lines)" % len(lines))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
