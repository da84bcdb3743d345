#!/usr/bin/env python3
"""The HTML page of `ssd report` on the generated sample set (samples/organisations.jsonl) as
headless Chromium shows it: the charts are drawn by the inlined library, offline — the ranking's
bars, one per organisation, each as long as the share the JSON gives; the trend line; the
severities' colours — and the tables of their numbers stand beside the charts."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402
import screenshot  # noqa: E402

SHARE_BAR = (0x3b, 0x6f, 0xb6)    # report_charts.cpp: kShareColour
TREND_LINE = (0x2e, 0x7d, 0x32)   # kComplianceColour
CHART_WIDTH = 360                 # the charts' "width"


def dark(px):
    return px[0] + px[1] + px[2] < 300


def runs(row, colour):
    """(start, length) of the runs of `colour` in a row of pixels."""
    out, start = [], None
    for x, px in enumerate(row + [None]):
        if px == colour and start is None:
            start = x
        elif px != colour and start is not None:
            out.append((start, x - start))
            start = None
    return out


def bars(rows, colour):
    """The horizontal bars of one colour, top to bottom: (top y, left x, width)."""
    found, current = [], None
    for y, row in enumerate(rows):
        long_runs = [r for r in runs(row, colour) if r[1] >= 2]
        if long_runs:
            run = max(long_runs, key=lambda r: r[1])
            if current is None:
                current = [y, run[0], run[1]]
            else:
                current[2] = max(current[2], run[1])
        elif current is not None:
            found.append(tuple(current))
            current = None
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--samples", required=True)
    ap.add_argument("--generator", help="unused here (report_sample_test.py checks the set)")
    ap.add_argument("--keep", help="also copy the screenshot here, to look at it")
    args = ap.parse_args()
    if screenshot.chromium() is None:
        expect(False, "chromium is not installed (scripts/install-deps installs it)")
        return finish()
    cases = os.path.join(args.samples, "organisations.jsonl")
    report = json.loads(subprocess.run([args.ssd, "report", cases], capture_output=True, text=True).stdout)
    shares = [o["non_compliant"]["share"] for o in report["organizations"] if o["non_compliant"]["share"] is not None]

    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "report.html")
        html = subprocess.run([args.ssd, "report", "--format", "html", cases], capture_output=True, text=True).stdout
        with open(page, "w", encoding="utf-8") as f:
            f.write(html)
        expect("vegaLite.compile" in html and "<script src" not in html and "http" not in html.split("<script>", 1)[0],
               "the library is inlined and the page loads nothing")
        pixels = screenshot.shot(page, 1300, 2000, keep=args.keep, budget_ms=10000)
    expect(pixels is not None, "chromium wrote no screenshot")
    if pixels is None:
        return finish()
    width, height, rows = pixels

    # The ranking chart: one bar per organisation with records checked, in rank order, each
    # share × the chart's width long (the axis runs from 0 to 100 %).
    found = bars(rows, SHARE_BAR)
    expect(len(found) == len(shares), "%d ranking bars, want %d: %r" % (len(found), len(shares), found))
    if len(found) == len(shares):
        left = found[0][1]
        expect(all(abs(b[1] - left) <= 1 for b in found), "the bars start at one axis %r" % [b[1] for b in found])
        for (y, x, w), share in zip(found, shares):
            expect(abs(w - share * CHART_WIDTH) <= 2, "bar at y=%d: %d px for a share of %.4f" % (y, w, share))
        widths = [b[2] for b in found]
        expect(widths == sorted(widths, reverse=True), "bars in rank order %r" % widths)
        # The table of the same numbers stands to the right of the chart, level with it.
        top, bottom = found[0][0], found[-1][0]
        text_right = sum(dark(rows[y][x]) for y in range(top, bottom + 1) for x in range(left + CHART_WIDTH + 40, width))
        expect(text_right > 2000, "the ranking's table beside its chart (%d dark pixels)" % text_right)
    colours = {}
    for row in rows:
        for px in row:
            colours[px] = colours.get(px, 0) + 1
    expect(colours.get(TREND_LINE, 0) > 200, "the compliance trend line is drawn (%d px)" % colours.get(TREND_LINE, 0))
    for name, rgb in (("gross", (0xa5, 0x0f, 0x15)), ("significant", (0xe6, 0x55, 0x0d)), ("none", (0x9e, 0x9e, 0x9e))):
        expect(colours.get(rgb, 0) > 30, "the %s colour is drawn (%d px)" % (name, colours.get(rgb, 0)))
    expect(colours.get((255, 255, 255), 0) > width * height // 3, "a white sheet")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
