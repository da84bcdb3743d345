#!/usr/bin/env python3
"""One language per output: with --lang en no Kazakh word is written outside what the drafter or
the record wrote, and by default no English word outside codes.

The commands: `ssd compile --check` on every fixture of the golden diagnostics (tests/golden/
diagnostics), and `ssd check --format text` on the given cases. What a message may quote in the
other language: the source line under a diagnostic and a fix-it's lines, text in quotes ('…', «…»,
"…"), names of the drafter's code (a keyword of grammar/keywords.tsv, a name with `_` or `.`, a
unit), file names, codes and JSON names (words with `_`, `.` or `/`; the contract's statuses and
severities), a diagnostic's [name], and a record's `error` reason, which the contract gives in
English in both languages.

    languages_test.py --ssd BIN --standards DIR --diagnostics DIR --cases FILE.jsonl ...
"""
import argparse
import os
import re
import subprocess
import sys

CYRILLIC_WORD = re.compile(r"[\w²]*[\u0400-\u04FF][\w²\-]*")
LATIN_WORD = re.compile(r"(?<![\w.])[A-Za-z][A-Za-z'\-]+(?![\w.])")
QUOTED = re.compile(r"(?<!\w)'[^'\n]*'(?!\w)|«[^»\n]*»|\"[^\"\n]*\"|\[[a-z_]+\]")
ACT_NUMBER = re.compile(r"№\s*(ҚР\s+)?[^\s,;:]+")  # an act's number, as the law writes it: № ҚР ДСМ-17
RECORD_HEAD = re.compile(r"^\S.*  \[[^\]]*\]  \w+$")  # <id>  [<standard>]  <status>: the record's own
SOURCE_LINE = re.compile(r"^\s*\d*\s*\||^\s+[+-] ")
CODE = re.compile(r"\S*[_./:]\S*")  # names of code, JSON paths, file names, place prefixes
CONTRACT_WORDS = {"pass", "fail", "compliant", "incomplete", "error", "gross", "significant", "minor"}


def keywords(source):
    words = set()
    with open(os.path.join(source, "grammar", "keywords.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            words.update(line.split("\t")[0].replace("_", " ").split())
            words.add(line.split("\t")[0])
    return words


def enumeration_codes(source):
    """The contract's codes of enumeration members (`name = "code"`), which explanations show."""
    codes = set()
    for folder in ("standards", "stdlib"):
        for root, _, files in os.walk(os.path.join(source, folder)):
            for name in files:
                if name.endswith(".ssd"):
                    with open(os.path.join(root, name), encoding="utf-8") as f:
                        codes.update(re.findall(r'=\s*"([a-z][a-z0-9_\-]*)"', f.read()))
    return codes


def prose(line):
    """The words of a line that are the tool's own: quotes, code and sources taken out."""
    if SOURCE_LINE.match(line):
        return ""
    if re.match(r"^\s+(error|қате / error): ", line):  # a record's error: the contract's reason
        return ""
    if RECORD_HEAD.match(line):
        line = line[line.rindex("]") + 1:]
    line = ACT_NUMBER.sub(" ", QUOTED.sub(" ", line))
    return CODE.sub(" ", line)


def stray_words(text, lang, own_words, codes):
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        words = prose(line)
        if lang == "en":
            stray = [w for w in CYRILLIC_WORD.findall(words) if w not in own_words]
        else:
            stray = [w for w in LATIN_WORD.findall(words) if w.lower() not in CONTRACT_WORDS and w not in codes]
        if stray:
            found.append("line %d: %s\n    %s" % (number, ", ".join(stray), line))
    return found


def run(args, cwd=None):
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    return proc.stdout + proc.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    ap.add_argument("--diagnostics", required=True)
    ap.add_argument("--cases", nargs="+", required=True)
    args = ap.parse_args()
    ssd = os.path.abspath(args.ssd)
    source = os.path.dirname(os.path.abspath(args.standards))
    own_words, codes = keywords(source), enumeration_codes(source)
    outputs = []
    for name in sorted(os.listdir(args.diagnostics)):
        if name.endswith(".ssd"):
            for lang in ("kk", "en"):
                outputs.append(("compile --check --lang %s %s" % (lang, name), lang,
                                run([ssd, "compile", "--alone", "--check", "--lang", lang, name], cwd=args.diagnostics)))
    for cases in args.cases:
        if not os.path.exists(cases):
            continue
        for lang in ("kk", "en"):
            outputs.append(("check --format text --lang %s %s" % (lang, os.path.basename(cases)), lang,
                            run([ssd, "check", "--no-cache", "-q", "--standards", args.standards, "--format", "text",
                                 "--lang", lang, cases])))
    failed = 0
    for what, lang, text in outputs:
        if not text.strip():
            print("FAIL %s: no output" % what)
            failed += 1
            continue
        stray = stray_words(text, lang, own_words, codes)
        if stray:
            failed += 1
            print("FAIL %s: %s words outside quotes and code\n  %s" % (
                what, "Kazakh" if lang == "en" else "English", "\n  ".join(stray[:10])))
    print("%d outputs, %d failed" % (len(outputs), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
