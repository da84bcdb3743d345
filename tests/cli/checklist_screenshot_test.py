#!/usr/bin/env python3
"""The HTML form of `ssd checklist` as headless Chromium shows it, on the fixtures of
tests/checklist (made-up instruments, not law): the table's ruled borders — six columns, a header
and eight rows — a tick exactly in the cells the JSON says, the header's ruled lines, and text."""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402
import screenshot  # noqa: E402



def dark(px):
    return px[0] + px[1] + px[2] < 300


def longest_run(values):
    """(length, start) of the longest run of true values."""
    best, start, cur = (0, 0), 0, 0
    for i, v in enumerate(values):
        if v:
            if cur == 0:
                start = i
            cur += 1
            best = max(best, (cur, start))
        else:
            cur = 0
    return best


def table_grid(width, height, rows):
    """The x of the vertical borders and the y of the horizontal borders of the first table."""
    runs = [(x,) + longest_run(dark(rows[y][x]) for y in range(height)) for x in range(width)]
    tall = [r for r in runs if r[1] >= 150]
    if not tall:
        return [], []
    top = min(r[2] for r in tall)
    verticals = [x for x, length, start in tall if abs(start - top) <= 2]
    bottom = top + max(length for x, length, start in tall if x in verticals) - 1
    left, right = verticals[0], verticals[-1]
    horizontals = [y for y in range(top, bottom + 1)
                   if sum(dark(rows[y][x]) for x in range(left, right + 1)) >= 0.97 * (right - left + 1)]
    # A border drawn two pixels thick is one border.
    merged = [y for i, y in enumerate(horizontals) if i == 0 or y - horizontals[i - 1] > 1]
    return verticals, merged


def ink(rows, x0, x1, y0, y1):
    """Dark pixels inside a cell, its borders left out."""
    return sum(dark(rows[y][x]) for y in range(y0 + 3, y1 - 2) for x in range(x0 + 3, x1 - 2))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("--keep", help="also copy the screenshot here, to look at it")
    args = ap.parse_args()
    fx = args.fixtures
    if screenshot.chromium() is None:
        expect(False, "chromium is not installed (scripts/install-deps installs it)")
        return finish()

    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "form.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(subprocess.run([args.ssd, "checklist", "--standards", fx, "fixture-checklist",
                                    "--inspection", os.path.join(fx, "inspection.json"),
                                    "--cases", os.path.join(fx, "cases.jsonl"),
                                    "--risk", os.path.join(fx, "risk.json")],
                                   capture_output=True, text=True).stdout)
        pixels = screenshot.shot(page, 1000, 1800, keep=args.keep)
    expect(pixels is not None, "chromium wrote no screenshot")
    if pixels is None:
        return finish()
    width, height, rows = pixels

    verticals, horizontals = table_grid(width, height, rows)
    expect(len(verticals) == 7, "table: 7 vertical borders (6 columns), found %r" % verticals)
    expect(len(horizontals) == 10, "table: 10 horizontal borders (header + 8 rows), found %r" % horizontals)
    if len(verticals) == 7 and len(horizontals) == 10:
        # Columns: №, Талаптар тізбесі, then the four marks. The № and text columns hold ink in
        # every row; a mark cell holds ink exactly where the form ticks it.
        ticks = [[1, 0, 1, 0], [1, 0, 0, 1], [0, 1, 0, 0], [1, 0, 1, 0],
                 [1, 0, 0, 1], [0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
        mark_widths = [verticals[i + 1] - verticals[i] for i in range(2, 6)]
        expect(max(mark_widths) - min(mark_widths) <= 2, "mark columns of one width %r" % mark_widths)
        expect(verticals[2] - verticals[1] > 2 * mark_widths[0], "the requirements column is the widest")
        for r in range(8):
            y0, y1 = horizontals[r + 1], horizontals[r + 2]
            expect(ink(rows, verticals[0], verticals[1], y0, y1) > 10, "row %d: number shown" % (r + 1))
            expect(ink(rows, verticals[1], verticals[2], y0, y1) > 300, "row %d: requirement text shown" % (r + 1))
            for c in range(4):
                n = ink(rows, verticals[c + 2], verticals[c + 3], y0, y1)
                if ticks[r][c]:
                    expect(n >= 15, "row %d column %d: a tick (%d dark pixels)" % (r + 1, c + 1, n))
                else:
                    expect(n == 0, "row %d column %d: empty, found %d dark pixels" % (r + 1, c + 1, n))
        header_ink = ink(rows, verticals[0], verticals[-1], horizontals[0], horizontals[1])
        expect(header_ink > 500, "the column headings are shown (%d)" % header_ink)
        # The ruled lines of the header fields above the table and of the signatures below it.
        left, right = verticals[0], verticals[-1]
        ruled = [y for y in range(height) if not horizontals[0] <= y <= horizontals[-1]
                 and sum(dark(rows[y][x]) for x in range(left, left + 300)) >= 295]
        lines = [y for i, y in enumerate(ruled) if i == 0 or y - ruled[i - 1] > 1]
        above = [y for y in lines if y < horizontals[0]]
        below = [y for y in lines if y > horizontals[-1]]
        expect(len(above) == 5, "5 ruled header lines above the table, found %d" % len(above))
        expect(len(below) >= 4, "4 signature lines below the table, found %d" % len(below))
    counts = {}
    for row in rows:
        for px in row:
            counts[px] = counts.get(px, 0) + 1
    text = sum(n for px, n in counts.items() if dark(px))
    expect(text > 20000, "enough dark text on the page (%d)" % text)
    expect(counts.get((255, 255, 255), 0) > width * height // 3, "a white sheet")
    return report()


def report():
    return finish()


if __name__ == "__main__":
    sys.exit(main())
