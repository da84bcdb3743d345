#!/usr/bin/env python3
"""Generates made-up case records (contract §3) of many organisations over many months, for
`ssd report`: deterministic for a given seed, nothing real in them.

    python3 bench/gen_org_records.py [--records N] [--organisations K] [--months M] [--seed S]

Each organisation (`organization.id`, `name`) keeps children under one of four standards —
edu-org, edu-center, edu-family, special-regime — and is inspected: from the risk criteria's
first day (2022-10-14) some of its records are risk-criteria records (violated rows, with their
severities) and checklist-2 inspection records. Each organisation has its own rate of breaking
a provision and a trend, better or worse, over the months; records name the provisions broken
through their data (a wrong admission basis, a small room, a missing document) and the
inspector's answers to attested requirements. Months start in 2021-07 (24 months end in
2023-06, when the education standards are still in force). A few records name no organisation.
"""
import argparse
import datetime as dt
import json
import random
import sys

KINDS = {
    "edu-org": "білім беру ұйымы",
    "edu-center": "балаларды қолдау орталығы",
    "edu-family": "отбасына орналастыру қызметі",
    "special-regime": "ерекше режимдегі білім беру ұйымы",
}
NAMES = ["Шаңырақ", "Үміт", "Болашақ", "Аққу", "Жұлдыз", "Мейірім", "Бәйтерек", "Нұр", "Самғау", "Құлагер",
         "Ақбота", "Арман", "Таңшолпан", "Балапан", "Қызғалдақ", "Сұңқар", "Жас қыран", "Ақниет", "Ырыс", "Береке"]
CITIES = ["Астана", "Алматы", "Шымкент", "Қарағанды", "Ақтөбе", "Тараз", "Павлодар", "Өскемен", "Семей", "Атырау",
          "Қостанай", "Қызылорда", "Орал", "Петропавл", "Ақтау", "Түркістан", "Көкшетау", "Талдықорған", "Екібастұз", "Жезқазған"]

BASIS = {"orphan": "lea_decision", "no_parental_care": "guardianship_referral", "youth_home": "lea_decision",
         "deviant_behaviour": "court_act", "special_org_referral": "court_act",
         "special_educational_needs": "court_act", "crime_suspect": "criminal_process_resolution"}
CENTER_CATEGORIES = ["orphan", "no_parental_care", "neglected_homeless", "deviant_behaviour", "cruelty_victim",
                     "life_disrupted"]
FAMILY_PLACEMENT = {"guardianship": "lea_decision", "patronage": "placement_contract",
                    "foster_family": "placement_contract", "family_type_home": "placement_contract"}
DISCHARGE_DOCS = ["birth_or_id", "stay_certificate", "medical_records", "school_certificate", "character_reference"]
# Attested requirements the inspector answers in the records (the rules of each standard).
ATTESTED = {
    "edu-org": ["5.2", "5.3", "5.4", "5.5", "6.1", "6.4", "7.1", "7.2", "8.1", "9.1", "10.1", "11.1"],
    "edu-center": ["5.2", "5.3", "5.4", "5.5", "6.1", "6.4", "7.1", "7.2", "8.1", "9.1", "10.1", "11.1"],
    "edu-family": ["6.2", "6.3", "6.5", "7.1", "7.2", "8.1", "9.1", "10.1", "12.1", "13.1"],
    "special-regime": ["4", "8.1", "8.2", "8.5", "9.1", "9.4", "10.1", "11.1", "12.1"],
}
RISK_START = dt.date(2022, 10, 14)  # the first day of risk-criteria and the checklists


def month_start(first, k):
    y, m = divmod(first[1] - 1 + k, 12)
    return dt.date(first[0] + y, m + 1, 1)


def day_in_month(start, rnd):
    nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start + dt.timedelta(days=rnd.randrange((nxt - start).days))


def breaks(p, rnd):
    return rnd.random() < p


def attestations(standard, p, rnd):
    answered = rnd.sample(ATTESTED[standard], rnd.randrange(2, 6))
    # Some answers fail more often than others: the first rules of each list are the weak points.
    return {rule: not breaks(p * (2.0 if i < 2 else 0.6), rnd) for i, rule in enumerate(answered)}


def child(as_of, rnd, low=5, high=17):
    admission = as_of - dt.timedelta(days=rnd.randrange(20, 400))
    birth = admission - dt.timedelta(days=rnd.randrange(low * 365 + 5, high * 365 - 5))
    return admission, birth


def edu_record(standard, as_of, p, rnd):
    admission, birth = child(as_of, rnd)
    if standard == "edu-org":
        category = rnd.choice(list(BASIS))
        basis = BASIS[category]
    else:
        category = rnd.choice(CENTER_CATEGORIES)
        basis = "lea_decision"
    if breaks(p, rnd):
        basis = rnd.choice([b for b in sorted(set(BASIS.values())) if b != basis])
    children = rnd.randrange(1, 6)
    area = children * (3.5 if breaks(p * 0.8, rnd) else rnd.choice([4, 4.5, 5, 6]))
    reviews = [as_of - dt.timedelta(days=7 * k) for k in range(rnd.randrange(4, 10))][::-1]
    if breaks(p * 0.6, rnd):
        reviews = reviews[:1]
    return {"client": {"birth_date": birth.isoformat(), "sex": rnd.choice(["female", "male"]), "categories": [category]},
            "admission": {"date": admission.isoformat(), "basis": basis,
                          "basis_date": (admission - dt.timedelta(days=rnd.randrange(1, 9))).isoformat()},
            "housing": {"sleeping_area_m2": area, "children_in_room": children},
            "complaints_book": {"kept": True, "reviews": [d.isoformat() for d in reviews]}}


def family_record(as_of, p, rnd):
    admission, birth = child(as_of, rnd)
    placement = rnd.choice(list(FAMILY_PLACEMENT))
    basis = FAMILY_PLACEMENT[placement]
    if breaks(p, rnd):
        basis = "guardianship_referral"
    household = rnd.randrange(3, 7)
    area = household * (12 if breaks(p, rnd) else rnd.choice([15, 16, 18, 20]))
    return {"client": {"birth_date": birth.isoformat(), "categories": [rnd.choice(["orphan", "no_parental_care"])]},
            "placement": placement, "admission": {"date": admission.isoformat(), "basis": basis},
            "housing": {"dwelling_area_m2": area, "household_size": household}}


def special_regime_record(as_of, p, rnd):
    admission, birth = child(as_of, rnd, 12, 17)
    record = {"client": {"birth_date": birth.isoformat(), "sex": "male"},
              "admission": {"date": admission.isoformat(), "funding": "paid" if breaks(p * 0.5, rnd) else "budget"}}
    if rnd.random() < 0.4:
        docs = list(DISCHARGE_DOCS)
        if breaks(p * 1.5, rnd):
            docs.remove(rnd.choice(docs))
        record["discharge"] = {"date": (as_of - dt.timedelta(days=rnd.randrange(1, 20))).isoformat(), "documents": docs}
    return record


def risk_record(p, rnd):
    rows = [str(r) for r in range(1, 85) if rnd.random() < p / 12]
    return {"violations": rows, "complaints": {str(r): rnd.randrange(0, 3) for r in (85, 88) if rnd.random() < p}}


def organisation(i, rnd):
    standard = list(KINDS)[i % len(KINDS)]
    name = "«%s» %s (%s)" % (NAMES[i % len(NAMES)], KINDS[standard], CITIES[(i // len(NAMES)) % len(CITIES)])
    return {"id": "org-%03d" % (i + 1), "name": name, "standard": standard,
            "ownership": rnd.choice(["state", "private"]),
            "rate": rnd.uniform(0.02, 0.25), "trend": rnd.uniform(-0.8, 0.8)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=1000)
    ap.add_argument("--organisations", type=int, default=10)
    ap.add_argument("--months", type=int, default=24)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    orgs = [organisation(i, rnd) for i in range(args.organisations)]
    out = sys.stdout
    for n in range(args.records):
        k = rnd.randrange(args.months)
        as_of = day_in_month(month_start((2021, 7), k), rnd)
        org = orgs[rnd.randrange(len(orgs))]
        # The organisation's rate of breaking a provision moves with its trend over the months.
        p = min(0.9, max(0.0, org["rate"] * (1 + org["trend"] * (2 * k / max(1, args.months - 1) - 1))))
        roll = rnd.random()
        if as_of >= RISK_START and roll < 0.06:
            record = {"standard": "risk-criteria", **risk_record(p, rnd)}
        elif as_of >= RISK_START and roll < 0.12:
            record = {"standard": "checklist-2",
                      "attestations": {str(r): not breaks(p * w, rnd) for r, w in ((1, 0.7), (2, 1.2), (3, 0.5))}}
        elif org["standard"] == "edu-family":
            record = {"standard": "edu-family", **family_record(as_of, p, rnd),
                      "attestations": attestations("edu-family", p, rnd)}
        elif org["standard"] == "special-regime":
            record = {"standard": "special-regime", **special_regime_record(as_of, p, rnd),
                      "attestations": attestations("special-regime", p, rnd)}
        else:
            record = {"standard": org["standard"], **edu_record(org["standard"], as_of, p, rnd),
                      "attestations": attestations(org["standard"], p, rnd)}
        record = {"id": "%s-%07d" % (org["id"], n), "as_of": as_of.isoformat(), **record}
        if rnd.random() < 0.01:
            record["id"] = "unnamed-%07d" % n  # a record that names no organisation
        else:
            record["organization"] = {"id": org["id"], "name": org["name"], "ownership": org["ownership"]}
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
