#!/usr/bin/env python3
"""ssd import on each official text of the seeds folder: the skeleton compiles as it is, every
paragraph number the text gives (a line indented as the law's paragraphs are, `1.` after the blanks)
is a `тармақ` of the skeleton, every sub-paragraph number (`1)`) a `тармақша` or quoted in an
`абзац`, every provision is marked `әлі_кодталмаған`, and `ssd coverage` lists them as to do."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402

PARAGRAPH = re.compile(r"^ {4,}(\d+(?:-\d+)?) ?\.\s+\S", re.M)
SUBPARAGRAPH = re.compile(r"^ {4,}(\d+(?:-\d+)?) ?\)", re.M)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--seeds", required=True)
    args = ap.parse_args()
    seeds = sorted(f for f in os.listdir(args.seeds) if f.endswith(".txt"))
    expect(len(seeds) == 5, "five seeds (%d)" % len(seeds))
    for seed in seeds:
        with open(os.path.join(args.seeds, seed), encoding="utf-8") as f:
            text = f.read()
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "skeleton.ssd")
            run = subprocess.run([args.ssd, "import", os.path.join(args.seeds, seed), "-o", out, "--id", "imported"],
                                 capture_output=True, text=True)
            expect(run.returncode == 0, "%s: ssd import exits 0 (%d): %s" % (seed, run.returncode, run.stderr[-300:]))
            if run.returncode:
                continue
            with open(out, encoding="utf-8") as f:
                skeleton = f.read()
            compiled = subprocess.run([args.ssd, "compile", "--alone", "--check", out], capture_output=True, text=True)
            expect(compiled.returncode == 0, "%s: the skeleton compiles: %s" % (seed, compiled.stderr[-800:]))
            coverage = subprocess.run([args.ssd, "coverage", out], capture_output=True, text=True).stdout
        paragraphs = set(PARAGRAPH.findall(text))
        blocks = set(re.findall(r"^\s*тармақ (\S+) \"", skeleton, re.M))
        missing = sorted(paragraphs - blocks, key=lambda n: [int(p) for p in n.split("-")])
        expect(paragraphs and not missing, "%s: every paragraph number of the text is a тармақ (%d numbers; missing %s)"
               % (seed, len(paragraphs), missing))
        # Every sub-paragraph of the text is quoted where it stands: as a тармақша or an абзац.
        quoted = len(re.findall(r"^\s*(?:тармақша \S+|абзац) \"\d+(?:-\d+)? ?\)", skeleton, re.M))
        expect(quoted == len(SUBPARAGRAPH.findall(text)),
               "%s: every sub-paragraph quoted (%d of %d)" % (seed, quoted, len(SUBPARAGRAPH.findall(text))))
        provisions = len(re.findall(r"^\s*(?:тармақ|тармақша|абзац|жол) ", skeleton, re.M))
        marks = skeleton.count("әлі_кодталмаған") - 2  # the heading comment names it twice
        expect(marks == provisions, "%s: every provision marked (%d marks, %d provisions)" % (seed, marks, provisions))
        expect(coverage.count(" to do ") >= len(paragraphs), "%s: ssd coverage lists the work to do" % seed)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
