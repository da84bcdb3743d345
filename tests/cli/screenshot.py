"""Renders an HTML file in headless Chromium and reads the screenshot back: the pixels, so a test
can say what the page shows. Debian's chromium; no other package."""
import os
import shutil
import struct
import subprocess
import tempfile
import zlib

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def screenshot(html_path, png_path, width=1400, height=1000, budget_ms=None):
    """`budget_ms`: virtual time the page's scripts get to draw (charts) before the shot."""
    budget = ["--virtual-time-budget=%d" % budget_ms] if budget_ms else []
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium()] + FLAGS + budget + ["--user-data-dir=" + profile,
                        "--window-size=%d,%d" % (width, height), "--screenshot=" + png_path,
                        "file://" + os.path.abspath(html_path)],
                       capture_output=True, timeout=120, check=False)
    return os.path.exists(png_path)


def shot(html_path, width, height, keep=None, budget_ms=None):
    """The pixels (as `pixels` gives them) of the page's screenshot, or None when Chromium wrote
    none; `keep`: a path to copy the PNG to, to look at it."""
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, "page.png")
        if not screenshot(html_path, png, width, height, budget_ms):
            return None
        if keep:
            shutil.copyfile(png, keep)
        return pixels(png)


def pixels(png_path):
    """(width, height, rows of (r, g, b)) of an 8-bit RGB or RGBA PNG."""
    with open(png_path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6), "unexpected PNG format"
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        filt = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if filt == 1:
                line[x] = (line[x] + a) & 255
            elif filt == 2:
                line[x] = (line[x] + b) & 255
            elif filt == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, channels)])
        prev = line
    return width, height, rows


def colours(png_path):
    """How many pixels of each colour the screenshot has."""
    _, _, rows = pixels(png_path)
    counts = {}
    for row in rows:
        for px in row:
            counts[px] = counts.get(px, 0) + 1
    return counts
