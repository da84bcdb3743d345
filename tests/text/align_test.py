#!/usr/bin/env python3
"""The law's text in the standards against the seeds it was taken from.

For every instrument, on dates where each of its wordings is in force, `ssd consolidate ID
--as-of DATE --format json` gives the provisions with their official texts. Each text must stand
in the instrument's seed word for word, and must not elide anything («...»). Only the artifacts
of the seeds' extraction from PDF are normalised away, and only these:

  1. white space: line breaks, page breaks, runs of spaces, and the spaces of letters spaced out
     in a narrow table column ("б о й ы н ш а") — texts and seed are compared with all white space
     removed (a hyphen at a line's end is kept: in these seeds it is a compound's own hyphen);
  2. displaced words: the extraction moves a word or two of a line to the end of a later line
     ("№ 611 \\n бекітілген … талаптарға бұйрықпен"). A text that differs from the seed only so —
     the characters missing at one place are exactly those the seed has extra at another, or
     the word missing is the seed's next (or previous) beyond the text's end, at most
     DISPLACED_CHARS of them — is read as the seed's; `-v` lists every such text;
  3. split cells: in a table the extraction splices the row's other cells into the text of one —
     its number and its degree of violation ("Стационар мен жартылай 9 стационар …",
     "… гигиеналық құралдарды өрескел пайдалануға …"). Those words of the seed, standing where the
     text has nothing, are passed over.

Any other difference fails, printed as the text and the seed side by side at the first place
they part, with the file and line of the text.

tests/text/known-differences.txt lists the provisions whose text is known to differ and is still
to be restored, one `instrument § rule` a line. They are printed, and do not fail the test; a
listed provision whose text has come to agree with its seed fails it, so that the list only
shrinks.
"""
import argparse
import collections
import difflib
import json
import pathlib
import re
import subprocess
import sys

# Instrument → (seed file prefix, dates: one in each period of its wordings).
INSTRUMENTS = {
    "edu-org": ("000", ["2021-03-15"]),
    "edu-center": ("000", ["2021-03-15"]),
    "edu-family": ("000", ["2021-03-15"]),
    "special-regime": ("001", ["2016-01-01", "2023-01-01"]),
    "risk-criteria": ("002", ["2023-01-01"]),
    "checklist-2": ("002", ["2023-01-01"]),
    "checklist-3": ("002", ["2023-01-01"]),
    "checklist-4": ("002", ["2023-01-01"]),
    "checklist-5": ("002", ["2023-01-01"]),
    "checklist-6": ("002", ["2023-01-01"]),
    "checklist-7": ("002", ["2023-01-01"]),
    "pnd-residential": ("003", ["2010-01-01"]),
    "pnd-home": ("003", ["2010-01-01"]),
    "pnd-day": ("003", ["2010-01-01"]),
    "temporary-stay-rules": ("004", ["2025-01-01"]),
    "temporary-stay": ("004", ["2025-01-01"]),
    "trafficking-victims": ("004", ["2025-01-01"]),
    "domestic-violence": ("004", ["2025-01-01"]),
}

DISPLACED_CHARS = 60
ELISIONS = ("...", "…")


def squash(s):
    return re.sub(r"\s+", "", s)


def provisions(ssd, standards, instrument, date):
    out = subprocess.run([ssd, "consolidate", instrument, "--as-of", date, "--format", "json",
                          "--standards", standards], capture_output=True, text=True, check=True).stdout
    return json.loads(out)["provisions"]


def seed_windows(text, seed):
    """The stretches of the seed the text may have been taken from, with DISPLACED_CHARS more on
    each side, likeliest first: where slices of the text are found (a text that shares phrases
    with another part of the seed has several), else around the longest common run."""
    starts = collections.Counter()
    for k in range(0, max(1, len(text) - 16), max(1, len(text) // 8)):
        at = seed.find(text[k:k + 16])
        while at >= 0:
            starts[at - k] += 1
            at = seed.find(text[k:k + 16], at + 1)
    if not starts:
        a, b, _ = difflib.SequenceMatcher(None, text, seed, autojunk=False).find_longest_match(0, len(text), 0, len(seed))
        starts[b - a] = 1
    return [seed[max(0, start - DISPLACED_CHARS):start + len(text) + DISPLACED_CHARS]
            for start, _ in starts.most_common(4)]


SPLICED_CELLS = ("өрескел", "елеулі", "болмашы")  # the degrees of violation of the risk criteria


def displaced_only(text, window, number=""):
    """True when `text` is `window` (trimmed at both ends) but for words moved within it and the
    cells of its table row (its number, a degree of violation) spliced into it."""
    ops = difflib.SequenceMatcher(None, text, window, autojunk=False).get_opcodes()
    # The window is longer than the text: what it has before the text's start and after its end
    # is not a difference — but a word moved out of the text may stand there.
    lead = window[:ops[0][3]] if ops and ops[0][0] == "insert" else ""
    trail = window[ops[-1][3]:] if ops and ops[-1][0] == "insert" else ""
    while ops and ops[0][0] == "insert":
        ops.pop(0)
    while ops and ops[-1][0] == "insert":
        ops.pop()
    missing, extra = collections.Counter(), collections.Counter()
    chunks = []  # what the text has that the seed has not there
    spliced = set(SPLICED_CELLS) | ({number} if number else set())
    for tag, i1, i2, j1, j2 in ops:
        if tag == "insert" and window[j1:j2] in spliced:
            continue
        if tag != "equal":
            missing.update(text[i1:i2])
            extra.update(window[j1:j2])
            chunks.append(text[i1:i2])
    moved = sum(missing.values())
    if missing == extra:
        return moved <= DISPLACED_CHARS
    # A word moved past the text's end (or before its start) is missing inside and found there.
    rest = missing - extra
    return (not extra - missing and moved <= DISPLACED_CHARS and
            any(collections.Counter(c) == rest and (trail.startswith(c) or lead.endswith(c)) for c in chunks))


def first_difference(text, window):
    m = difflib.SequenceMatcher(None, text, window, autojunk=False)
    blocks = m.get_matching_blocks()
    a, b, size = blocks[0]
    # Follow the text from its start along the seed as far as they agree.
    start = b - a if a <= b else 0
    i = 0
    while i < len(text) and start + i < len(window) and text[i] == window[start + i]:
        i += 1
    return (text[max(0, i - 50):i] + " ⟨" + text[i:i + 40] + "⟩",
            window[start + max(0, i - 50):start + i] + " ⟨" + window[start + i:start + i + 40] + "⟩")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    ap.add_argument("--seeds", required=True)
    ap.add_argument("--known", help="the list of provisions known to differ")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the texts read through displaced words")
    ap.add_argument("instruments", nargs="*", help="only these (default: all)")
    args = ap.parse_args()

    known = set()
    if args.known:
        for line in pathlib.Path(args.known).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                known.add(line.strip())
    failures, still_known, differing = 0, 0, set()
    for instrument, (prefix, dates) in INSTRUMENTS.items():
        if args.instruments and instrument not in args.instruments:
            continue
        seed_path = next(pathlib.Path(args.seeds).glob(prefix + "_*.txt"))
        seed = squash(seed_path.read_text(encoding="utf-8"))
        seen, problems, displaced = set(), [], []
        for date in dates:
            for p in provisions(args.ssd, args.standards, instrument, date):
                where = "%s:%d" % (pathlib.Path(p["file"]).name, p["line"])
                if not p["text"] or where in seen:
                    continue
                seen.add(where)
                label = "§ %s  %s" % (p["rule"] or "—", where)
                key = "%s § %s" % (instrument, p["rule"] or "—")
                if any(e in p["text"] for e in ELISIONS):
                    problems.append((key, "%s: elides the law's text: %s" % (label, p["text"][:160])))
                    continue
                text = squash(p["text"])
                if text in seed:
                    continue
                windows = seed_windows(text, seed)
                if any(displaced_only(text, w, p["number"]) for w in windows):
                    displaced.append(label)
                    continue
                ours, theirs = first_difference(text, windows[0])
                problems.append((key, "%s: differs from %s\n      text: %s\n      seed: %s" % (label, seed_path.name, ours, theirs)))
        new = [(k, line) for k, line in problems if k not in known]
        failures += len(new)
        still_known += len(problems) - len(new)
        differing.update(k for k, _ in problems)
        print("%-21s %3d texts, %2d read through displaced words, %2d differ (%d of them known)"
              % (instrument, len(seen), len(displaced), len(problems), len(problems) - len(new)))
        for key, line in problems:
            print("   " + ("known: " if key in known else "") + line)
        if args.verbose:
            for line in displaced:
                print("   displaced words: " + line)
    checked = {k for k in known if k.split(" § ")[0] in INSTRUMENTS and
               (not args.instruments or k.split(" § ")[0] in args.instruments)}
    for key in sorted(checked - differing):
        print("%s now agrees with its seed: remove it from %s" % (key, args.known))
        failures += 1
    print("%d texts differ from their seeds and are not listed as known; %d listed" % (failures, still_known))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
