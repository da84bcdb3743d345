#!/usr/bin/env python3
"""One language per output: with --lang en no Kazakh word is written outside what the drafter or
the record wrote, and by default no English word outside codes.

The commands: `ssd compile --check` on every fixture of the golden diagnostics (tests/golden/
diagnostics); `ssd check --format text` on the given cases and on records of every instrument
(bench/gen_mixed.py: failures, lacks of data and terms not yet due, each explained); the
`message` (Kazakh) and `message_en` of every finding of `ssd check --lang en` on the same
records; `ssd check --format html` on the given cases; `ssd diff` in each of its forms (OLD NEW as
text and page, ID --from --to, --order of every amending order of the standards as text, page
and comparative table); `ssd checklist`'s form (each checklist blank, a standard as a checklist,
the fixtures' form filled); and `ssd report --format html` on the cases and the report's cases.
The cases of languages_records.jsonl are the labels of a result: a record without an id, an
error, days of uncertain force, attestations of no attested requirement, and a violated row of
the risk criteria with its degree.

What a message may quote in the other language: the source line under a diagnostic and a fix-it's
lines, text in quotes ('…', «…», "…"), names of the drafter's code (a keyword of grammar/
keywords.tsv, a name with `_` or `.`, a unit), file names, codes and JSON names (words with `_`,
`.` or `/`; the contract's statuses and severities), a diagnostic's [name], a record's `error`
reason, which the contract gives in English in both languages, and the drafter's texts of the
days of force (the strings of `күшіне_енеді`, `күші_жойылады`, `жариялау_мерзімі`), which the days
of uncertain force cite as written, unquoted, before the reason in the output's language (the
`why` and `why_en` of JSON, printed as they are).

What the pages and ssd diff quote is the law's and the drafter's: every text literal of the
sources (wordings, instruments' and orders' names, reasons, descriptions), the law's strings of
the JSON output of the same commands (citations in the law's words, names, wordings; its codes of
kinds and ids are codes), the wordings a page or a word diff marks ({+…+}, [-…-], <del>, <ins>,
<b>, the cells of law text), and a page's parts marked as in another language than the page's
(the official form's own words, lang="kk" on an English page; an error's reason, lang="en"), all
taken out before the words are counted (only texts with Kazakh letters, and ids: none hides an
English label).

    languages_test.py --ssd BIN --standards DIR --diagnostics DIR --cases FILE.jsonl ... [--mixed N]
                      --diff-fixtures DIR --checklist-fixtures DIR --report-cases FILE.jsonl ...
"""
import argparse
import html.parser
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
CONTRACT_WORDS = {"pass", "fail", "compliant", "incomplete", "error", "gross", "significant", "minor",
                  "json", "id"}  # and the name of the output format, the record's key


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


def source_texts(folders):
    """Every text literal of the .ssd files under `folders`: the law's and the drafter's words."""
    texts = set()
    for folder in folders:
        for root, _, files in os.walk(folder):
            for name in files:
                if name.endswith(".ssd"):
                    with open(os.path.join(root, name), encoding="utf-8") as f:
                        source = f.read()
                    for t in re.findall(r'"""(.*?)"""', source, re.S) + re.findall(r'"((?:[^"\\\n]|\\.)*)"', source):
                        texts.update((t, " ".join(t.split())))  # as written, and on one line
    return texts


LAW_KEYS = {"citation", "previous", "new", "old_law", "new_law", "name", "title", "order", "justification",
            "requirement"}
CODE_KEYS = {"kind", "id", "instrument", "standard"}  # codes of a change's kind, ids of instruments


def json_words(text, law, codes):
    """Adds to `law` the law's words a command's JSON output gives (the strings under LAW_KEYS),
    to `codes` its codes (under CODE_KEYS); when `law` is `codes`, every string."""
    def walk(value, key=None):
        if isinstance(value, str):
            (law if key in LAW_KEYS or law is codes else codes if key in CODE_KEYS else set()).add(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
    try:
        walk(json.loads(text))
    except ValueError:
        pass


QUOTED_MARKUP = re.compile(r"\{\+.*?\+\}|\[-.*?-\]", re.S)  # the word diff's wordings
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class PageText(html.parser.HTMLParser):
    """A page's text, one element a line, without what it quotes: the wordings it marks (<del>,
    <ins>, <b>), the law's text (class "law"), parts in another language than the page's (the
    official form's words, lang="kk" on an English page), and its style and scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page_lang, self.stack, self.parts = None, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.page_lang = attrs.get("lang")
        if tag in VOID:
            self.parts.append("\n")
            return
        quoted = (tag in ("del", "ins", "b", "style", "script") or "law" in (attrs.get("class") or "").split()
                  or attrs.get("lang", self.page_lang) != self.page_lang)
        self.stack.append((tag, quoted or bool(self.stack and self.stack[-1][1])))
        self.parts.append("\n")

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break
        self.parts.append("\n")

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.parts.append(data)


def unquoted(text, quoted):
    """`text` without the wordings it marks and the texts of `quoted` (longest first); a page as
    its text, one element a line (PageText)."""
    if text.lstrip().startswith("<!DOCTYPE"):
        page = PageText()
        page.feed(text)
        text = "".join(page.parts)
    text = QUOTED_MARKUP.sub(" ", text)
    for q in quoted:
        for form in (q, q[:1].upper() + q[1:]):  # a description begins a table's cell capitalised
            text = text.replace(form, " ")
    return text


def longest_first(law, ids):
    """What an output quotes, to take out of it: the law's Kazakh words and the records' ids, the
    longest first so that a text goes before the texts it holds."""
    words = [q for q in law if len(q) > 3 and CYRILLIC_WORD.search(q)] + [i for i in ids if len(i) > 3]
    return sorted(words, key=len, reverse=True)


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


def diff_outputs(ssd, standards, fixtures, codes):
    """ssd diff's outputs in both languages, each with the law's words it quotes taken out; adds
    the codes they show to `codes`."""
    quoted = source_texts([standards, fixtures])
    v1, v2 = os.path.join(fixtures, "v1.ssd"), os.path.join(fixtures, "v2.ssd")
    runs = [(["diff", v1, v2], ["text", "html"]),
            (["diff", "--standards", standards, "domestic-violence", "--from", "2024-01-01", "--to", "2025-01-01"],
             ["text", "html"])]
    for name in sorted(os.listdir(os.path.join(standards, "amendments"))):
        if name.endswith(".ssd"):
            runs.append((["diff", "--standards", standards, "--order", name[:-4]], ["text", "html", "table"]))
    for command, _ in runs:
        json_words(run([ssd] + command + ["--format", "json"]), quoted, codes)
    # Only Kazakh texts hide words (none hides an English label), the longest first.
    quoted = sorted((q for q in quoted if len(q) > 3 and CYRILLIC_WORD.search(q)), key=len, reverse=True)
    outputs = []
    for command, formats in runs:
        for form in formats:
            for lang in ("kk", "en"):
                text = run([ssd] + command + ["--format", form, "--lang", lang])
                outputs.append(("%s --format %s --lang %s" % (" ".join(os.path.basename(a) for a in command), form, lang),
                                lang, unquoted(text, quoted)))
    return outputs


def report_outputs(ssd, standards, cases, codes):
    """ssd report's page on each file of cases in both languages, the law's words taken out, as of
    ssd diff; the organisations' names and ids the JSON gives are quoted."""
    quoted, ids = source_texts([standards]), set()
    command = ["report", "--no-cache", "--standards", standards]
    for c in cases:
        json_words(run([ssd] + command + ["--format", "json", c]), quoted, ids)
    codes |= ids
    quoted = longest_first(quoted, ids)
    return [("report --format html --lang %s %s" % (lang, os.path.basename(c)), lang,
             unquoted(run([ssd] + command + ["--format", "html", "--lang", lang, c]), quoted))
            for c in cases for lang in ("kk", "en")]


def check_pages(ssd, standards, cases, codes):
    """ssd check --format html on each file of cases in both languages; the law's words (the
    sources' texts, the citations of the JSON output) and the records' ids taken out."""
    quoted, ids = source_texts([standards]), set()
    command = ["check", "--no-cache", "-q", "--standards", standards]
    for c in cases:
        for line in run([ssd] + command + [c]).splitlines():
            json_words(line, quoted, ids)
    codes |= ids
    quoted = longest_first(quoted, ids)
    return [("check --format html --lang %s %s" % (lang, os.path.basename(c)), lang,
             unquoted(run([ssd] + command + ["--format", "html", "--lang", lang, c]), quoted))
            for c in cases for lang in ("kk", "en")]


def checklist_outputs(ssd, standards, fixtures, codes):
    """ssd checklist's form in both languages: every checklist of the standards blank, a standard
    as a checklist, and the fixtures' form filled from an inspection, cases and a risk record."""
    quoted, ids = source_texts([standards, fixtures]), set()
    runs = [["--standards", standards, os.path.basename(name)[:-4]]
            for name in sorted(os.listdir(standards)) if name.startswith("checklist-") and name.endswith(".ssd")]
    runs.append(["--standards", standards, "--standard", "edu-org"])
    runs.append(["--standards", fixtures, "fixture-checklist", "--inspection", os.path.join(fixtures, "inspection.json"),
                 "--cases", os.path.join(fixtures, "cases.jsonl"), "--risk", os.path.join(fixtures, "risk.json")])
    for command in runs:
        json_words(run([ssd, "checklist", "--no-cache"] + command + ["--format", "json"]), quoted, ids)
    with open(os.path.join(fixtures, "inspection.json"), encoding="utf-8") as f:
        json_words(f.read(), ids, ids)  # the inspection's words (the header's values, its id) are its own
    codes |= ids
    quoted = longest_first(quoted, ids)
    return [("checklist %s --lang %s" % (" ".join(os.path.basename(a) for a in command), lang), lang,
             unquoted(run([ssd, "checklist", "--no-cache"] + command + ["--lang", lang]), quoted))
            for command in runs for lang in ("kk", "en")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    ap.add_argument("--diagnostics", required=True)
    ap.add_argument("--cases", nargs="+", required=True)
    ap.add_argument("--mixed", type=int, default=0, help="records of every instrument to check as well")
    ap.add_argument("--diff-fixtures", help="the two versions of tests/diff (v1.ssd, v2.ssd)")
    ap.add_argument("--checklist-fixtures", help="tests/checklist: a checklist, its inspection, cases and risk record")
    ap.add_argument("--report-cases", nargs="*", default=[], help="more cases for ssd report (records of organisations)")
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
    outputs += check_pages(ssd, args.standards, [c for c in args.cases if os.path.exists(c)], codes)
    if args.diff_fixtures:
        outputs += diff_outputs(ssd, args.standards, args.diff_fixtures, codes)
    if args.checklist_fixtures:
        outputs += checklist_outputs(ssd, args.standards, args.checklist_fixtures, codes)
    outputs += report_outputs(ssd, args.standards, [c for c in args.cases + args.report_cases if os.path.exists(c)], codes)
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
