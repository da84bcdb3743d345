#!/usr/bin/env python3
"""One language per output: with --lang en no Kazakh word is written outside what the drafter or
the record wrote, and by default no English word outside codes.

The commands: `ssd compile --check` on every fixture of the golden diagnostics (tests/golden/
diagnostics); `ssd check --format text` on the given cases and on records of every instrument
(bench/gen_mixed.py: failures, lacks of data and terms not yet due, each explained); and the
`message` (Kazakh) and `message_en` of every finding of `ssd check --lang en` on the same
records. The cases of languages_records.jsonl are the labels of a result: a record without an
id, an error, days of uncertain force, attestations of no attested requirement, and a violated
row of the risk criteria with its degree. What a message may quote in the
other language: the source line under a diagnostic and a fix-it's lines, text in quotes ('…', «…»,
"…"), names of the drafter's code (a keyword of grammar/keywords.tsv, a name with `_` or `.`, a
unit), file names, codes and JSON names (words with `_`, `.` or `/`; the contract's statuses and
severities), a diagnostic's [name], a record's `error` reason, which the contract gives in
English in both languages, and the drafter's texts of the days of force (the strings of
`күшіне_енеді`, `күші_жойылады`, `жариялау_мерзімі`), which the days of uncertain force cite
as written, unquoted, before the reason in the output's language (the `why` and `why_en` of
JSON, printed as they are).

    languages_test.py --ssd BIN --standards DIR --diagnostics DIR --cases FILE.jsonl ... [--mixed N]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

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


def force_texts(source):
    """A pattern of the drafter's texts of the days of force, as the standards write them."""
    texts = set()
    for root, _, files in os.walk(os.path.join(source, "standards")):
        for name in files:
            if name.endswith(".ssd"):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    for line in f:
                        if re.match(r"\s*(күшіне_енеді|күші_жойылады|жариялау_мерзімі)\b", line):
                            texts.update(re.findall(r'"([^"]+)"', line))
    return re.compile("|".join(re.escape(t) for t in sorted(texts, key=len, reverse=True)) or r"(?!)")


def prose(line, drafted):
    """The words of a line that are the tool's own: quotes, code, sources and the drafter's texts
    taken out."""
    if SOURCE_LINE.match(line):
        return ""
    line = drafted.sub(" ", line)
    if re.match(r"^\s+(error|қате): ", line):  # a record's error: the contract's reason
        return ""
    if RECORD_HEAD.match(line):
        line = line[line.rindex("]") + 1:]
    line = ACT_NUMBER.sub(" ", QUOTED.sub(" ", line))
    return CODE.sub(" ", line)


def stray_words(text, lang, own_words, codes, drafted):
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        words = prose(line, drafted)
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


def messages(ssd, standards, cases):
    """Each finding's message of `ssd check --lang en`: (Kazakh, English) texts, one a line."""
    out = subprocess.run([ssd, "check", "--no-cache", "-q", "--standards", standards, "--lang", "en", cases],
                         capture_output=True, text=True).stdout
    kk, en = [], []
    for line in out.splitlines():
        for finding in json.loads(line)["findings"]:
            kk.append(finding["message"])
            en.append(finding["message_en"])
    return "\n".join(kk), "\n".join(en)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    ap.add_argument("--diagnostics", required=True)
    ap.add_argument("--cases", nargs="+", required=True)
    ap.add_argument("--mixed", type=int, default=0, help="records of every instrument to check as well")
    args = ap.parse_args()
    ssd = os.path.abspath(args.ssd)
    source = os.path.dirname(os.path.abspath(args.standards))
    own_words, codes, drafted = keywords(source), enumeration_codes(source), force_texts(source)
    outputs = []
    for name in sorted(os.listdir(args.diagnostics)):
        if name.endswith(".ssd"):
            for lang in ("kk", "en"):
                outputs.append(("compile --check --lang %s %s" % (lang, name), lang,
                                run([ssd, "compile", "--alone", "--check", "--lang", lang, name], cwd=args.diagnostics)))
    scratch = tempfile.TemporaryDirectory()
    all_cases = [cases for cases in args.cases if os.path.exists(cases)]
    if args.mixed:
        mixed = os.path.join(scratch.name, "mixed.jsonl")
        with open(mixed, "w", encoding="utf-8") as f:
            subprocess.run([sys.executable, os.path.join(source, "bench", "gen_mixed.py"), str(args.mixed), "1"],
                           stdout=f, check=True)
        all_cases.append(mixed)
    for cases in all_cases:
        for lang in ("kk", "en"):
            outputs.append(("check --format text --lang %s %s" % (lang, os.path.basename(cases)), lang,
                            run([ssd, "check", "--no-cache", "-q", "--standards", args.standards, "--format", "text",
                                 "--lang", lang, cases])))
        kk, en = messages(ssd, args.standards, cases)
        outputs.append(("check message %s" % os.path.basename(cases), "kk", kk))
        outputs.append(("check message_en %s" % os.path.basename(cases), "en", en))
    failed = 0
    for what, lang, text in outputs:
        if not text.strip():
            print("FAIL %s: no output" % what)
            failed += 1
            continue
        stray = stray_words(text, lang, own_words, codes, drafted)
        if stray:
            failed += 1
            print("FAIL %s: %s words outside quotes and code\n  %s" % (
                what, "Kazakh" if lang == "en" else "English", "\n  ".join(stray[:10])))
    print("%d outputs, %d failed" % (len(outputs), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
