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
     DISPLACED_CHARS of them, or the seed's stretch as long as the text, from its start, is the
     text's characters in another order, moved in pieces of at most DISPLACED_CHARS — is read as
     the seed's; `-v` lists every such text;
  3. split cells: in a table the extraction splices the row's other cells into the text of one —
     its number and its degree of violation ("Стационар мен жартылай 9 стационар …",
     "… гигиеналық құралдарды өрескел пайдалануға …"). Those words of the seed, standing where the
     text has nothing, are passed over.

Any other difference fails, printed as the text and the seed side by side at the first place
they part, with the file and line of the text.

In the other direction, every paragraph of the seed must stand in the standards: each abzats of
an instrument's lines in its seed (SPANS: the act's body and each appendix; an abzats is a line
indented as the law's paragraphs are, with the unindented lines after it up to a blank line) must
be covered by the texts of the instrument's provisions, found there exactly or through displaced
words, but for at most MISSING_CHARS characters. A paragraph not covered fails the test — unless
`ssd coverage` lists it (its paragraph, sub-paragraph or appendix) as not encoded, with its
reason. The register's own notes ("Ескерту. …", "РҚАО-ның ескертпесі") are not the law's text
and are passed over. The rows of tables, which the seeds print without the paragraphs'
indentation, are no abzats here: those of the risk criteria and the checklists are checked by
`ssd coverage --strict` (every row number in the file), the staffing tables of temporary-stay-rules
App. 8 only in the first direction.

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

# Instrument → its lines in its seed (first, last, counted from 1): the act's body ("") and each
# appendix ("app1", …), beginning at the appendix's stamp. Seed 002 (the risk criteria and the
# checklists) is tables only; seed 004's order quotes the paragraphs it words anew amid its own
# instructions, so only the appendices it words whole are spans.
SPANS = {
    "edu-org": [("", 86, 528)],
    "edu-center": [("", 531, 976)],
    "edu-family": [("", 977, 1266)],
    "special-regime": [("", 33, 278)],
    "pnd-residential": [("", 70, 595), ("app1", 596, 641), ("app2", 642, 692), ("app3", 693, 752)],
    "pnd-home": [("", 753, 1117), ("app1", 1118, 1197), ("app2", 1198, 1237), ("app3", 1238, 1269),
                 ("app4", 1270, 1300), ("app5", 1301, 1336), ("app6", 1337, 1396)],
    "pnd-day": [("", 1397, 1820), ("app1", 1821, 1861), ("app2", 1862, 1920)],
    "temporary-stay": [("app2", 777, 855)],
    "trafficking-victims": [("app4", 856, 921)],
    "domestic-violence": [("app1", 922, 969), ("app3", 970, 1029)],
}
REGISTER_NOTES = ("Ескерту.", "РҚАО-ның ескертпесі")  # the law's own note is "Ескерту:"
MISSING_CHARS = 8

DISPLACED_CHARS = 60
ELISIONS = ("...", "…")


def squash(s):
    return re.sub(r"\s+", "", s)


def provisions(ssd, standards, instrument, date):
    out = subprocess.run([ssd, "consolidate", instrument, "--as-of", date, "--format", "json",
                          "--standards", standards], capture_output=True, text=True, check=True).stdout
    return json.loads(out)["provisions"]


def seed_windows(text, seed, spans=()):
    """The stretches of the seed the text may have been taken from, with DISPLACED_CHARS more on
    each side, likeliest first: where slices of the text are found (a text that shares phrases
    with another part of the seed has several; those within the instrument's own spans first),
    else around the longest common run."""
    starts = collections.Counter()
    for k in range(0, max(1, len(text) - 16), max(1, len(text) // 8)):
        at = seed.find(text[k:k + 16])
        while at >= 0:
            starts[at - k] += 1
            at = seed.find(text[k:k + 16], at + 1)
    if not starts:
        a, b, _ = difflib.SequenceMatcher(None, text, seed, autojunk=False).find_longest_match(0, len(text), 0, len(seed))
        starts[b - a] = 1
    def own(start):
        return any(first <= start < last for first, last in spans)
    likeliest = [start for start, _ in starts.most_common(4)]
    likeliest += [start for start in sorted(starts, key=starts.get, reverse=True) if own(start) and start not in likeliest][:4]
    return [(max(0, start - DISPLACED_CHARS), seed[max(0, start - DISPLACED_CHARS):start + len(text) + DISPLACED_CHARS])
            for start in likeliest]


def aligned_stretch(text, window):
    """Where in `window` the text stands: from its first character that agrees to its last, and
    on over as many characters as the text has that do not agree there (its words displaced
    past its end)."""
    blocks = [b for b in difflib.SequenceMatcher(None, text, window, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return (0, 0)
    moved = len(text) - sum(b.size for b in blocks)
    return (blocks[0].b, min(len(window), blocks[-1].b + blocks[-1].size + moved))


def seed_paragraphs(lines, first, last):
    """(line number, text) of each abzats of the seed's lines first..last: a line indented as the
    law's paragraphs are, with the unindented lines after it up to the next such line or a blank
    line; the register's notes left out."""
    paragraphs, current = [], None
    for n in range(first, last + 1):
        line = lines[n - 1]
        if re.match(r" {4,}\S", line):
            current = [n, line]
            paragraphs.append(current)
        elif not line.strip():
            current = None
        elif current:
            current[1] += "\n" + line
    return [(n, text) for n, text in paragraphs if not text.strip().startswith(REGISTER_NOTES)]


def cited_rules(paragraphs, appendix):
    """The citation of each abzats of a span, as `ssd coverage` writes it: the appendix's
    ("app1"), or in the act's body the paragraph's number ("5"), a sub-paragraph's ("5.1"), and
    for an abzats without a number that of the paragraph it follows."""
    number, rules = "", []
    for _, text in paragraphs:
        paragraph = re.match(r"\s*(\d+(?:-\d+)?) ?\.\s", text)
        sub = re.match(r"\s*(\d+(?:-\d+)?) ?\)", text)
        if paragraph:
            number = paragraph.group(1)
        rules.append(appendix or ("%s.%s" % (number, sub.group(1)) if sub and number else number))
    return rules


def not_encoded(ssd, standards, instrument):
    """The provisions `ssd coverage` lists as not encoded, with their reasons."""
    out = subprocess.run([ssd, "coverage", instrument, "--standards", standards],
                         capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^\s+§ (\S+)\s+not encoded\s+(.+)$", out, re.M))


SPLICED_CELLS = ("өрескел", "елеулі", "болмашы")  # the degrees of violation of the risk criteria


def permuted_stretch(text, window, ops):
    """True when the seed's stretch as long as the text, from where the text begins in `window`
    (or up to where it ends), has the text's characters in another order, moved in pieces of at
    most DISPLACED_CHARS: words moved within the text, one or a few a line ("журналы ;(4-қосымша)")."""
    blocks = [op for op in ops if op[0] == "equal"]
    if not blocks:
        return False
    for start in (blocks[0][3] - blocks[0][1], blocks[-1][4] + (len(text) - blocks[-1][2]) - len(text)):
        stretch = window[start:start + len(text)] if start >= 0 else ""
        if len(stretch) == len(text) and collections.Counter(stretch) == collections.Counter(text):
            moved = difflib.SequenceMatcher(None, text, stretch, autojunk=False).get_opcodes()
            if all(max(i2 - i1, j2 - j1) <= DISPLACED_CHARS for tag, i1, i2, j1, j2 in moved if tag != "equal"):
                return True
    return False


def displaced_only(text, window, number=""):
    """True when `text` is `window` (trimmed at both ends) but for words moved within it and the
    cells of its table row (its number, a degree of violation) spliced into it."""
    ops = difflib.SequenceMatcher(None, text, window, autojunk=False).get_opcodes()
    if permuted_stretch(text, window, ops):
        return True
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
        lines = seed_path.read_text(encoding="utf-8").split("\n")
        seed = squash("\n".join(lines))
        # Where each line begins in the squashed seed, and the squashed stretches of the spans.
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(squash(line)))
        spans = [(rule, first, last, offsets[first - 1], offsets[last]) for rule, first, last in SPANS.get(instrument, [])]
        covered = bytearray(len(seed))

        def cover(start, end):
            covered[start:end] = b"\x01" * (end - start)

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
                own = False  # found as it is in the instrument's own lines
                for _, _, _, start, end in spans:
                    at = seed.find(text, start, end)
                    while at >= 0:
                        own = True
                        cover(at, at + len(text))
                        at = seed.find(text, at + 1, end)
                exact = text in seed
                if exact and (own or not spans):
                    continue
                # Not there as it is: read through displaced words, in the instrument's own lines
                # first (a text the seed prints as it is elsewhere is still to be found in them).
                windows = seed_windows(text, seed, [(start, end) for _, _, _, start, end in spans])
                accepted = [(at, w) for at, w in windows if displaced_only(text, w, p["number"])]
                # It covers, in the instrument's own lines, where it is likeliest to stand there.
                in_own = sorted(((at, w) for at, w in windows if any(start <= at < end for _, _, _, start, end in spans)),
                                key=lambda aw: aw not in accepted)
                if in_own and (accepted or not exact):
                    at, window = in_own[0]
                    start, end = aligned_stretch(text, window)
                    cover(at + start, at + end)
                if exact:
                    continue
                window = (accepted or windows)[0][1]
                if accepted:
                    displaced.append(label)
                    continue
                ours, theirs = first_difference(text, window)
                problems.append((key, "%s: differs from %s\n      text: %s\n      seed: %s" % (label, seed_path.name, ours, theirs)))
        # Every abzats of the instrument's lines in the seed is covered by its texts.
        explained = not_encoded(args.ssd, args.standards, instrument) if spans else {}
        missing = []
        for appendix, first, last, _, _ in spans:
            paragraphs = seed_paragraphs(lines, first, last)
            for (n, paragraph), rule in zip(paragraphs, cited_rules(paragraphs, appendix)):
                start = offsets[n - 1]
                end = start + len(squash(paragraph))
                if end - start - sum(covered[start:end]) > MISSING_CHARS and rule not in explained:
                    missing.append("%s line %d%s: not in the standards: %s" % (
                        seed_path.name, n, " (§ %s)" % rule if rule else "", " ".join(paragraph.split())[:160]))
        new = [(k, line) for k, line in problems if k not in known]
        failures += len(new) + len(missing)
        still_known += len(problems) - len(new)
        differing.update(k for k, _ in problems)
        print("%-21s %3d texts, %2d read through displaced words, %2d differ (%d of them known), %d seed paragraphs missing"
              % (instrument, len(seen), len(displaced), len(problems), len(problems) - len(new), len(missing)))
        for key, line in problems:
            print("   " + ("known: " if key in known else "") + line)
        for line in missing:
            print("   " + line)
        if args.verbose:
            for line in displaced:
                print("   displaced words: " + line)
    checked = {k for k in known if k.split(" § ")[0] in INSTRUMENTS and
               (not args.instruments or k.split(" § ")[0] in args.instruments)}
    for key in sorted(checked - differing):
        print("%s now agrees with its seed: remove it from %s" % (key, args.known))
        failures += 1
    print("%d texts differ from their seeds or are missing and are not listed as known; %d listed" % (failures, still_known))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
