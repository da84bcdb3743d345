#!/usr/bin/env python3
"""`ssd diff --order`: what the amending orders of standards/amendments change, pinned by golden
files (text and JSON of № 391 and № 757; `--update` writes them again), the contract's JSON, and
the comparative table of a draft order, rendered in headless Chromium and printed to PDF."""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402
import screenshot  # noqa: E402

KINDS = {"new_wording", "supplement", "deletion", "repeal"}
FIELDS = {"instruction", "instrument", "target", "kind", "previous", "previous_in_corpus", "new",
          "meaning_changed", "applies_from", "applies_from_earliest"}

# A draft order as a drafter writes it: no date yet; it re-words the diapers row of temporary-stay
# App. 3 (which № 391 worded): 3 a day instead of 1, in the text and in the requirement; it gives
# the justification of the whole order and of its instruction.
DRAFT = '''өзгеріс draft-diapers "Уақытша болу стандартына өзгеріс енгізу туралы (жоба)" {
  негіздемесі "Уақытша болу ұйымдарының өтініштері"
  temporary-stay {
    қосымша 3 {
      жол 18 мынадай_редакцияда """18 Жөргектер дана уақытша болу ұйымы дәрігерінің қорытындысы бойынша, бірақ күніне
        ресоциализация туралы шарт жасаған бір қызметтерді алушыға 3 данадан артық емес""" {
        нұсқау 1.1 негіздемесі "Күніне бір дана жөргек қызмет алушының қажеттілігін өтемейді"
        талап жөргектер_күніне_үш_данадан_артық_емес {
          сипаттама "жөргектер дәрігердің қорытындысы бойынша беріледі, бір қызмет алушыға күніне 3 данадан артық емес"
          талап_етіледі егер жабдықтау тізімінде кемінде_біреуі s: s.заты = жаялық
            болса жабдықтау тізімінде әрбір s:
              s.заты != жаялық
              немесе (s.дәрігер_қорытындысы
                      және қосынды(жабдықтау тізімінде t қайда t.заты = жаялық және t.күні = s.күні: t.саны) <= 3)
        }
      }
    }
  }
}
'''


def diff(ssd, standards, *args):
    return subprocess.run([ssd, "diff", "--standards", standards] + list(args), capture_output=True, text=True)


def golden(path, text, update):
    if update:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return
    with open(path, encoding="utf-8") as f:
        want = f.read()
    expect(text == want, "%s differs (run with --update and read the difference)" % os.path.basename(path))


def check_json(out, order, instructions):
    expect(out["order"]["id"] == order, "%s: order id" % order)
    numbers = {c["instruction"] for c in out["changes"]}
    expect(len(numbers) == instructions, "%s: %d instructions, want %d" % (order, len(numbers), instructions))
    for c in out["changes"]:
        expect(FIELDS <= set(c), "%s %s: fields %r" % (order, c["instruction"], sorted(set(c))))
        expect(c["kind"] in KINDS, "%s %s: kind %r" % (order, c["instruction"], c["kind"]))
        expect(c["applies_from"] == out["order"]["applies_from"], "%s %s: applies_from" % (order, c["instruction"]))
        expect(isinstance(c["previous_in_corpus"], bool), "%s %s: previous_in_corpus" % (order, c["instruction"]))
        if not c["previous_in_corpus"]:
            expect(c["previous"] is None and c["meaning_changed"] is None,
                   "%s %s: no previous wording, no verdict on meaning" % (order, c["instruction"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    ap.add_argument("--golden", required=True)
    ap.add_argument("--update", action="store_true")
    args = ap.parse_args()

    for order, instructions in (("391-2024", 27), ("757-2022", 8)):
        text = diff(args.ssd, args.standards, "--order", order)
        expect(text.returncode == 0, "%s: exit %d\n%s" % (order, text.returncode, text.stderr))
        golden(os.path.join(args.golden, order + ".txt"), text.stdout, args.update)
        js = diff(args.ssd, args.standards, "--order", order, "--format", "json")
        golden(os.path.join(args.golden, order + ".json"), js.stdout, args.update)
        check_json(json.loads(js.stdout), order, instructions)

    out = json.loads(diff(args.ssd, args.standards, "--order", "391-2024", "--format", "json").stdout)
    expect(out["order"]["applies_from"] == "2024-10-11" and out["order"]["applies_from_earliest"] is True,
           "391: applies from 2024-10-11 at the earliest")
    russian = [c for c in out["changes"] if c.get("kazakh_text_unchanged")]
    expect([c["instruction"] for c in russian] == ["1.1"], "391: 1.1 changes only the Russian text")
    by = {(c["instrument"], c["target"]): c for c in out["changes"]}
    expect(by[("temporary-stay", "app3:18")]["instruction"] == "2.5", "391: the diapers row is instruction 2.5")
    expect(by[("trafficking-victims", "app2:6-1")]["kind"] == "supplement", "391: rows 6-1 supplement")
    expect(out["order"]["justification"] is None and all(c["justification"] is None for c in out["changes"]),
           "391: the order's text gives no justification")
    paragraph = by[("domestic-violence", "16")]
    expect(paragraph["instruction"] == "2.17" and paragraph["citation"] == "16-тармақтың екінші абзацы",
           "391: 2.17 changes the second abzats of § 16, cited as the law does")

    sr = json.loads(diff(args.ssd, args.standards, "--order", "757-2022", "--format", "json").stdout)
    paragraphs = [c for c in sr["changes"] if c["target"] in ("1", "5", "7", "13")]
    expect(len(paragraphs) == 4 and all(c["kind"] == "new_wording" for c in paragraphs),
           "757: § 1, 5, 7, 13 are new wordings")
    text = diff(args.ssd, args.standards, "--order", "391-2024").stdout
    for needle in ("3-қосымшаның 18-жолы", "бұрынғы редакциясы корпуста жоқ", "қазақ тіліндегі мәтін өзгермейді"):
        expect(needle in text, "391 text: " + needle)
    expect("app3:18" not in text, "391 text cites as the law does")

    bad = diff(args.ssd, args.standards, "--order", "999-2099")
    expect(bad.returncode == 2 and "999-2099" in bad.stderr, "an unknown order: exit 2, named")

    with tempfile.TemporaryDirectory() as tmp:
        draft = os.path.join(tmp, "draft.ssd")
        with open(draft, "w", encoding="utf-8") as f:
            f.write(DRAFT)
        table = diff(args.ssd, args.standards, "--order", draft, "--format", "table", "--as-of", "2025-01-01")
        expect(table.returncode == 0, "draft table: exit %d\n%s" % (table.returncode, table.stderr))
        page = table.stdout
        for needle in ("Салыстырма кесте", "Қолданыстағы редакция", "Ұсынылып отырған редакция", "Негіздеме",
                       "3-қосымшаның 18-жолы", "<b>1</b>", "<b>3</b>", "2025-01-01",
                       "<td>Күніне бір дана жөргек қызмет алушының қажеттілігін өтемейді</td>"):
            expect(needle in page, "draft table shows " + needle)
        page_html = diff(args.ssd, args.standards, "--order", draft, "--format", "html", "--as-of", "2025-01-01").stdout
        expect("<del>1</del>" in page_html and "<ins>3</ins>" in page_html, "draft html: deleted and inserted words")
        marked = diff(args.ssd, args.standards, "--order", draft, "--as-of", "2025-01-01").stdout
        expect("[-1-] {+3+}" in marked and "1 → 3" in marked, "draft text: the words and the term changed:\n" + marked)
        js = json.loads(diff(args.ssd, args.standards, "--order", draft, "--format", "json", "--as-of", "2025-01-01").stdout)
        (row,) = js["changes"]
        expect(row["previous_in_corpus"] and "1 данадан" in row["previous"] and "3 данадан" in row["new"],
               "draft: current wording (№ 391's) and proposed")
        expect(js["order"]["draft"] is True, "draft: marked as a draft")
        expect(js["order"]["justification"] == "Уақытша болу ұйымдарының өтініштері"
               and row["justification"] == "Күніне бір дана жөргек қызмет алушының қажеттілігін өтемейді",
               "draft: the order's and the instruction's justification")
        order_table = diff(args.ssd, args.standards, "--order", "391-2024", "--format", "table").stdout
        expect("Мемлекеттік тіркелген күні: 2024-09-30" in order_table and "№ 391 бұйрығы" in order_table,
               "391 table: the heading names the order, its date and registration")

        html = os.path.join(tmp, "table.html")
        with open(html, "w", encoding="utf-8") as f:
            f.write(page)
        if screenshot.chromium() is None:
            expect(False, "chromium is not installed (scripts/install-deps installs it)")
            return finish()
        png = os.path.join(tmp, "table.png")
        expect(screenshot.screenshot(html, png, width=1200, height=700), "chromium wrote no screenshot")
        if os.path.exists(png):
            dark = sum(n for (r, g, b), n in screenshot.colours(png).items() if r + g + b < 200)
            expect(dark > 3000, "the table's screenshot shows little text (%d dark pixels)" % dark)
        pdf = os.path.join(tmp, "table.pdf")
        printed = diff(args.ssd, args.standards, "--order", draft, "--as-of", "2025-01-01", "--pdf", pdf)
        expect(printed.returncode == 0 and os.path.exists(pdf), "draft --pdf: %s" % printed.stderr)
        if os.path.exists(pdf):
            info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
            expect("A4" in info or "841.89 x 595.28" in info, "the PDF is A4 landscape:\n" + info)
            words = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout.split())
            expect("Салыстырма кесте" in words and "3 данадан" in words, "the PDF holds the table")
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", pdf, os.path.join(tmp, "page")], check=True)
            (first,) = glob.glob(os.path.join(tmp, "page*.png"))
            dark = sum(n for (r, g, b), n in screenshot.colours(first).items() if r + g + b < 200)
            expect(dark > 2000, "the PDF's first page shows little text (%d dark pixels)" % dark)
            if os.environ.get("SSD_KEEP_PICTURES"):
                for p in (png, first):
                    subprocess.run(["cp", p, os.environ["SSD_KEEP_PICTURES"]])

    return finish()


if __name__ == "__main__":
    sys.exit(main())
