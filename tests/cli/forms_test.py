#!/usr/bin/env python3
"""The six checklists of joint order № 401 / № 69 (standards/, App. 2–7) printed as their
appendices print them: the two approval stamps of the top corner, each naming its order and the
appendix as the seed does, with no detail the seed does not print, and the heading of the
requirements' column — «Талаптар тізбесі» on App. 2–4, «Талаптар тізімі» on App. 5–7."""
import argparse
import html
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402

STAMP_2022 = ("Қазақстан Республикасы Ұлттық экономика министрінің 2022 жылғы 30 қыркүйектегі № 69 мен "
              "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрі 2022 жылғы 30 қыркүйектегі "
              "№ 401 бұйрығына {n}-қосымша")
STAMP_2015 = ("Қазақстан Республикасының Денсаулық сақтау және әлеуметтік даму министрінің 2015 жылғы "
              "25 желтоқсандағы №1021 және Қазақстан Республикасы Ұлттық экономика министрінің 2015 жылғы "
              "28 желтоқсандағы №807 бірлескен бұйрығына {n}-қосымша")
COLUMN = {2: "тізбесі", 3: "тізбесі", 4: "тізбесі", 5: "тізімі", 6: "тізімі", 7: "тізімі"}


def text_of(fragment):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    args = ap.parse_args()
    for n, column in COLUMN.items():
        page = subprocess.run([args.ssd, "checklist", "checklist-%d" % n, "--as-of", "2023-01-01",
                               "--standards", args.standards], capture_output=True, text=True)
        expect(page.returncode == 0, "checklist-%d: exit %d %s" % (n, page.returncode, page.stderr))
        stamps = [text_of(s) for s in re.findall(r'<div class="stamp">(.*?)</div>', page.stdout)]
        expect(stamps == [STAMP_2022.format(n=n), STAMP_2015.format(n=n)],
               "checklist-%d: the corner's stamps as App. %d prints them: %r" % (n, n, stamps))
        corner = re.search(r'<div class="corner" lang="kk">(.*?)</div></div>', page.stdout)
        expect(corner and "тізілімінде" not in corner.group(1) and "бұйрығы " not in text_of(corner.group(1)),
               "checklist-%d: no registry number and no «бұйрығы …» in the corner" % n)
        heads = re.findall(r"<th>(.*?)</th>", page.stdout)
        expect(heads[:2] == ["№", "Талаптар " + column],
               "checklist-%d: the column «Талаптар %s», found %r" % (n, column, heads[:2]))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
