#!/usr/bin/env python3
"""`ssd checklist` on the fixtures of tests/checklist (made-up instruments, not law): the four
columns of every row decided from the inspector's answers, from case records, or left blank; the
JSON shape; the risk summary; blank forms of a checklist and of a standard; errors."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--fixtures", required=True)
    args = ap.parse_args()
    fx = args.fixtures

    def ssd(*extra):
        return subprocess.run([args.ssd, "checklist", "--standards", fx] + list(extra), capture_output=True,
                              text=True)

    filled = ssd("fixture-checklist", "--inspection", os.path.join(fx, "inspection.json"),
                 "--cases", os.path.join(fx, "cases.jsonl"), "--risk", os.path.join(fx, "risk.json"),
                 "--format", "json")
    expect(filled.returncode == 1, "filled: exit %d, want 1 (rows 2 and 5 non-compliant)\n%s"
           % (filled.returncode, filled.stderr))
    form = json.loads(filled.stdout)

    # The JSON's shape.
    for key in ("instrument", "title", "from_standard", "as_of", "inspection", "header", "rows", "counts", "risk"):
        expect(key in form, "json: key %s" % key)
    expect(form["instrument"] == "fixture-checklist", "json: instrument")
    expect(form["inspection"] == "insp-2025-017", "json: inspection id")
    expect(form["as_of"] == "2025-06-10", "json: as_of from the record")
    expect(form["header"].get("bin") == "000000000017" and form["header"].get("head_position") == "директор",
           "json: header fields %r" % form["header"])
    row_keys = {"row", "text", "severity", "required", "not_required", "compliant", "non_compliant", "source",
                "computed", "checkable", "inspects", "evidence", "behind"}
    expect(all(set(r) == row_keys for r in form["rows"]), "json: row keys %r" % set(form["rows"][0]))

    # The four columns: (required, not required, compliant, non-compliant), and where they came from.
    want = {
        "1": ((True, False, True, False), "attestation"),   # true, though a case fails § 5.1
        "2": ((True, False, False, True), "attestation"),   # false
        "3": ((False, True, False, False), "attestation"),  # "not_applicable"
        "4": ((True, False, True, False), "cases"),         # every case passes § 18
        "5": ((True, False, False, True), "cases"),         # § 5 covers 5.1: one case fails
        "6": ((False, True, False, False), "cases"),        # § 30 not applicable to every case
        "7": ((False, False, False, False), "none"),        # § 40: no case answers it
        "8": ((False, False, False, False), "none"),        # inspects nothing
    }
    rows = {r["row"]: r for r in form["rows"]}
    expect(list(rows) == [str(n) for n in range(1, 9)], "rows in order: %r" % list(rows))
    for number, (columns, source) in want.items():
        r = rows.get(number, {})
        got = tuple(r.get(k) for k in ("required", "not_required", "compliant", "non_compliant"))
        expect(got == columns, "row %s: columns %r, want %r" % (number, got, columns))
        expect(r.get("source") == source, "row %s: source %r, want %r" % (number, r.get("source"), source))
    expect(rows["5"]["evidence"] == {"pass": 2, "fail": 1, "not_applicable": 0, "missing_data": 1},
           "row 5 evidence %r" % rows["5"]["evidence"])
    expect(rows["1"]["evidence"]["fail"] == 1, "row 1: evidence shown beside the inspector's answer")
    expect(rows["6"]["evidence"]["not_applicable"] == 4, "row 6 evidence")
    expect(rows["1"]["inspects"] == [{"standard": "fixture-standard", "rule": "5.1"},
                                     {"standard": "risk-criteria", "rule": "1"}], "row 1 inspects")
    expect(rows["8"]["checkable"] is False and rows["7"]["checkable"] is True, "checkable")
    expect(form["counts"] == {"rows": 8, "compliant": 2, "non_compliant": 2, "not_required": 2, "not_assessed": 2},
           "counts %r" % form["counts"])

    # The risk record's violations by severity and group.
    risk = form["risk"]
    expect(risk["id"] == "subj-017" and risk["violations"] == 3, "risk: id and count %r" % risk)
    expect(risk["by_severity"] == {"gross": 1, "significant": 1, "minor": 1}, "risk by severity")
    expect(risk["by_group"] == {"inspections": 2, "complaints": 1}, "risk by group")
    expect([r["row"] for r in risk["rows"]] == ["1", "3", "4"], "risk rows")

    # Only answers, no cases: rows 4–8 blank; only cases, no answers: rows 1–3 from the cases.
    answers = json.loads(ssd("fixture-checklist", "--inspection", os.path.join(fx, "inspection.json"),
                             "--format", "json").stdout)
    expect([r["source"] for r in answers["rows"]] == ["attestation"] * 3 + ["none"] * 5, "answers only")
    cases = json.loads(ssd("fixture-checklist", "--cases", os.path.join(fx, "cases.jsonl"), "--format", "json").stdout)
    expect(cases["inspection"] is None and cases["header"] == {}, "cases only: no inspection")
    expect(cases["rows"][0]["non_compliant"] is True and cases["rows"][0]["source"] == "cases",
           "cases only: row 1 from § 5.1")
    # Row 2 inspects risk row 2, which fixture-standard § 5 feeds (row 5 names both): the records
    # failing § 5.1 evidence it, and are named.
    row2 = cases["rows"][1]
    expect(row2["source"] == "cases" and row2["non_compliant"] is True,
           "cases only: row 2 (risk § 2) from the records of § 5, linked to it by row 5: %r" % row2)
    expect(row2["behind"] == [{"record": "c2", "standard": "fixture-standard", "rule": "5.1",
                               "requirement": "жатын_бөлме", "status": "fail"}],
           "cases only: row 2 names the record and requirement behind its tick: %r" % row2["behind"])
    row4 = cases["rows"][3]
    expect([b["record"] for b in row4["behind"]] == ["c1", "c2", "c3", "c4"] and
           all(b["status"] == "pass" and b["rule"] == "18" for b in row4["behind"]),
           "cases only: row 4 compliant, the four passing records named: %r" % row4["behind"])

    # The blank checklist.
    blank = ssd("fixture-checklist", "--format", "json")
    expect(blank.returncode == 0, "blank: exit %d" % blank.returncode)
    b = json.loads(blank.stdout)
    expect(all(not (r["required"] or r["not_required"] or r["compliant"] or r["non_compliant"]) and
               r["source"] == "none" for r in b["rows"]), "blank: nothing ticked")
    expect(b["counts"]["not_assessed"] == 8, "blank: 8 not assessed")

    # The blank form of a standard.
    std = ssd("--standard", "fixture-standard", "--format", "json", "--as-of", "2025-01-01")
    expect(std.returncode == 0, "standard form: exit %d %s" % (std.returncode, std.stderr))
    s = json.loads(std.stdout)
    expect(s["from_standard"] is True and s["as_of"] == "2025-01-01", "standard form: from_standard, as_of")
    expect([(r["row"], r["computed"]) for r in s["rows"]] ==
           [("5.1", True), ("18", True), ("30", True), ("40", False)], "standard form rows %r" % s["rows"])
    expect(s["rows"][0]["text"] == "Бір балаға жатын бөлме ауданы кемінде 4 м²", "standard form: capitalised text")
    expect(s["rows"][0]["severity"] == "gross", "standard form: severity")
    html = ssd("--standard", "fixture-standard").stdout
    expect("іс жазбаларынан тексеріледі" in html and "тексеруші белгілейді" in html, "standard form: marks")
    # A standard's own findings fill its form.
    sf = json.loads(ssd("--standard", "fixture-standard", "--cases", os.path.join(fx, "cases.jsonl"),
                        "--format", "json").stdout)
    expect([r["source"] for r in sf["rows"]] == ["cases", "cases", "cases", "none"], "standard form filled")

    # The HTML form: header, columns, ticks, signatures.
    page = ssd("fixture-checklist", "--inspection", os.path.join(fx, "inspection.json"),
               "--cases", os.path.join(fx, "cases.jsonl"), "--risk", os.path.join(fx, "risk.json")).stdout
    for needle in ("Тексеруді тағайындаған мемлекеттік орган", "(№, күні)", "Талаптар тізбесі", "Талап етіледі",
                   "Талап етілмейді", "Талапқа сәйкес келеді", "Талапқа сәйкес келмейді", "Лауазымды адам (дар)",
                   "Бақылау субъектісінің басшысы", "тегі, аты, әкесінің аты (бар болса)", "000000000017",
                   "Тестов Тест Тестұлы", "@page", "size: A4", "Тәуекел дәрежесін бағалау"):
        expect(needle in page, "html shows %s" % needle)
    expect(page.count("✓") == 10, "html: 10 ticks, found %d" % page.count("✓"))
    # In English the form keeps the appendix's own words, marked Kazakh; the tool's words change.
    en = ssd("fixture-checklist", "--lang", "en", "--inspection", os.path.join(fx, "inspection.json"),
             "--cases", os.path.join(fx, "cases.jsonl"), "--risk", os.path.join(fx, "risk.json")).stdout
    for needle in ('<html lang="en">', '<thead lang="kk">', "Талапқа сәйкес келеді", "by the case records:",
                   "Violations of the risk assessment criteria", "not required — 2"):
        expect(needle in en, "html --lang en shows %s" % needle)
    expect("іс жазбалары бойынша" not in en, "html --lang en: no Kazakh basis line")

    # Errors: exit 2 with the reason.
    with tempfile.TemporaryDirectory() as tmp:
        def record(name, obj):
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8") as f:
                json.dump(obj, f)
            return path
        bad = record("bad.json", {"id": "x", "standard": "fixture-checklist", "as_of": "2025-06-10",
                                  "attestations": {"1": "yes"}})
        r = ssd("fixture-checklist", "--inspection", bad)
        expect(r.returncode == 2 and "attestations.1" in r.stderr, "bad answer: exit 2, %r" % r.stderr)
        other = record("other.json", {"id": "x", "standard": "fixture-standard", "as_of": "2025-06-10"})
        r = ssd("fixture-checklist", "--inspection", other)
        expect(r.returncode == 2 and "not \"fixture-checklist\"" in r.stderr, "record of another instrument")
        early = record("early.json", {"id": "x", "standard": "fixture-checklist", "as_of": "2019-01-01"})
        r = ssd("fixture-checklist", "--inspection", early)
        expect(r.returncode == 2 and "not in force" in r.stderr, "not in force: %r" % r.stderr)
        header = record("header.json", {"id": "x", "standard": "fixture-checklist", "as_of": "2025-06-10",
                                        "inspection": {"bin": 17}})
        r = ssd("fixture-checklist", "--inspection", header)
        expect(r.returncode == 2 and "inspection.bin" in r.stderr, "header not a string: %r" % r.stderr)
        # "inspection": null reads as absent: the form with empty header lines.
        nothing = record("null.json", {"id": "x", "standard": "fixture-checklist", "as_of": "2025-06-10",
                                       "inspection": None, "attestations": {"1": True}})
        r = ssd("fixture-checklist", "--inspection", nothing, "--format", "json")
        expect(r.returncode == 0 and json.loads(r.stdout)["header"] == {},
               "inspection null: exit %d, %r" % (r.returncode, r.stderr))
        # A risk record the criteria did not judge has no count of violated rows.
        for name, risk, says in (
                ("early-risk.json", {"id": "r-early", "standard": "risk-criteria", "as_of": "2019-06-10",
                                     "violations": ["1"]}, "күшінде емес"),
                ("no-violations.json", {"id": "r-none", "standard": "risk-criteria", "as_of": "2025-06-10"},
                 "violations жоқ")):
            r = ssd("fixture-checklist", "--inspection", nothing, "--risk", record(name, risk))
            expect(r.returncode == 0 and says in r.stdout and "бұзылған жолдар — 0" not in r.stdout,
                   "risk record %s: says %r, not 0 violated rows" % (risk["id"], says))
        clean = record("clean-risk.json", {"id": "r-clean", "standard": "risk-criteria", "as_of": "2025-06-10",
                                           "violations": [], "complaints": {}})
        r = ssd("fixture-checklist", "--inspection", nothing, "--risk", clean)
        expect("бұзылған жолдар — 0." in r.stdout, "a risk record judged with no violation: 0 violated rows")
        # A byte-order mark opens the file, not the record.
        bom = os.path.join(tmp, "bom.json")
        with open(os.path.join(fx, "inspection.json"), "rb") as f, open(bom, "wb") as out:
            out.write(b"\xef\xbb\xbf" + f.read())
        r = ssd("fixture-checklist", "--inspection", bom, "--format", "json")
        expect(r.returncode == 1 and json.loads(r.stdout)["inspection"] == "insp-2025-017",
               "inspection with a BOM: exit %d, %r" % (r.returncode, r.stderr))
    r = ssd("no-such-checklist")
    expect(r.returncode == 2, "unknown instrument: exit 2")
    r = ssd("fixture-checklist", "--standard", "fixture-standard")
    expect(r.returncode == 2, "both an id and --standard: exit 2")

    return finish()


if __name__ == "__main__":
    sys.exit(main())
