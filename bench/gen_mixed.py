#!/usr/bin/env python3
"""Case records of every instrument of standards/, in the contract's record format, shuffled.

    python3 bench/gen_mixed.py N [SEED] > mixed.jsonl

Deterministic for a given seed (default 1). Each record names one instrument, chosen at random;
its `as_of` falls in the instrument's period of force (one record in twenty outside it), and
its fields are the contract's (§3) with the codes of that instrument. About one record in four
breaks something (a late date, a small room, a missing document, a missing field), so the
checker explains failures and lacks of data as well as passes.
"""
import datetime as dt
import json
import random
import sys

D = dt.date

# Periods of force as `ssd list` prints them: first day, first day no longer in force.
PERIODS = {
    "edu-org": (D(2019, 7, 8), D(2023, 7, 1)),
    "edu-center": (D(2019, 7, 8), D(2023, 7, 1)),
    "edu-family": (D(2019, 7, 8), D(2023, 7, 1)),
    "special-regime": (D(2015, 1, 1), D(2023, 7, 22)),
    "pnd-residential": (D(2009, 9, 8), D(2010, 12, 6)),
    "pnd-home": (D(2009, 9, 8), D(2010, 12, 6)),
    "pnd-day": (D(2009, 9, 8), D(2010, 12, 6)),
    "risk-criteria": (D(2022, 10, 14), D(2026, 12, 31)),
    "temporary-stay-rules": (D(2024, 10, 11), D(2026, 12, 31)),
    "temporary-stay": (D(2024, 10, 11), D(2026, 12, 31)),
    "trafficking-victims": (D(2024, 10, 11), D(2026, 12, 31)),
    "domestic-violence": (D(2024, 10, 11), D(2026, 12, 31)),
}
# The rows of each checklist (App. 2 … 7 of the joint order № 401 / № 69).
CHECKLISTS = {"checklist-%d" % n: rows for n, rows in [(2, 3), (3, 20), (4, 20), (5, 18), (6, 8), (7, 16)]}
for name in CHECKLISTS:
    PERIODS[name] = (D(2022, 10, 14), D(2026, 12, 31))

CATEGORIES = {
    "edu-org": ["orphan", "no_parental_care", "deviant_behaviour", "special_org_referral",
                "special_educational_needs", "crime_suspect", "youth_home"],
    "edu-center": ["orphan", "no_parental_care", "neglected_homeless", "deviant_behaviour",
                   "special_org_referral", "cruelty_victim", "life_disrupted"],
    "edu-family": ["orphan", "no_parental_care", "crime_suspect"],
}
BASES = ["lea_decision", "guardianship_referral", "court_act", "criminal_process_resolution",
         "delivering_person_application", "placement_contract", "permission", "decision"]
DOCUMENTS = {
    "special-regime": ["birth_or_id", "parents_info", "medical_records", "school_certificate",
                       "character_reference", "property_documents"],
    "pnd-residential": ["lea_decision", "parent_application_or_medical_petition", "authority_referral",
                        "birth_or_id", "taxpayer_number", "social_code", "disability_extract",
                        "medical_card", "pmpk_conclusion", "outpatient_extract", "rehab_program_extract"],
    "temporary-stay-rules": ["written_application", "identity_copy", "rehab_contract",
                             "registration_order_copy"],
}
DISCHARGE = ["birth_or_id", "stay_certificate", "medical_records", "school_certificate", "character_reference"]
DIAGNOSES = ["schizophrenia_productive", "epilepsy", "psychopathy_like", "dangerous_mental_illness",
             "tuberculosis_active", "quarantine_infection", "contagious_skin_hair", "venereal", "aids"]
KINDS = ["crisis_center", "center", "shelter"]
PLACEMENTS = ["guardianship", "patronage", "foster_family", "family_type_home"]


def day(d):
    return d.isoformat()


def some(rnd, items, least=1):
    return rnd.sample(items, rnd.randint(least, len(items)))


def case_record(rnd, standard, as_of, broken):
    """The fields of a case of special social services (contract §3)."""
    adm = as_of - dt.timedelta(days=rnd.randrange(20, 400))
    adult = standard in ("temporary-stay", "trafficking-victims", "domestic-violence")
    birth = adm - dt.timedelta(days=rnd.randrange(20 * 365, 70 * 365) if adult else rnd.randrange(2 * 365, 17 * 365))
    client = {"birth_date": day(birth), "sex": rnd.choice(["female", "male"]),
              "has_identity_document": not broken or rnd.random() < 0.5,
              "has_contraindicated_disease": broken and rnd.random() < 0.3}
    if standard in CATEGORIES:
        client["categories"] = [rnd.choice(CATEGORIES[standard])]
    if standard.startswith("pnd-"):
        client["diagnoses"] = [rnd.choice(DIAGNOSES)] if broken and rnd.random() < 0.5 else []
        if "epilepsy" in client["diagnoses"]:
            client["seizures_per_month"] = rnd.randrange(0, 10)
    basis_date = adm - dt.timedelta(days=rnd.randrange(0, 9))
    admission = {"date": day(adm), "basis": rnd.choice(BASES), "basis_date": day(basis_date),
                 "funding": rnd.choice(["budget", "budget", "paid"])}
    docs = DOCUMENTS.get(standard)
    if docs:
        admission["documents"] = some(rnd, docs) if broken else list(docs)
        admission["requests_sent"] = some(rnd, docs, 0)
    record = {"client": client,
              "organization": {"ownership": rnd.choice(["state", "private"]), "kind": rnd.choice(KINDS)},
              "admission": admission,
              "contract": {"date": day(adm + dt.timedelta(days=rnd.randrange(0, 5 if not broken else 20)))}}
    developed = adm + dt.timedelta(days=rnd.randrange(1, 10 if not broken else 40))
    record["plan"] = {"developed": day(developed), "completed": day(developed + dt.timedelta(days=rnd.randrange(0, 5))),
                      "approved": day(developed + dt.timedelta(days=rnd.randrange(0, 5))),
                      "approved_by": rnd.choice(["head", "head", "social_work_specialist"])}
    step = rnd.choice([30, 60, 90, 180])
    record["monitoring"] = [day(adm + dt.timedelta(days=step * k)) for k in range(1, (as_of - adm).days // step + 1)]
    if standard == "edu-family":
        record["placement"] = rnd.choice(PLACEMENTS)
        size = rnd.randrange(2, 7)
        record["housing"] = {"dwelling_area_m2": size * rnd.choice([10, 15, 18] if not broken else [5, 8]),
                             "household_size": size}
    else:
        children = rnd.randrange(1, 6)
        record["housing"] = {"sleeping_area_m2": children * (rnd.choice([4, 4.5, 5, 6]) if not broken else 3.5),
                             "children_in_room": children}
    gap = 7 if not broken else rnd.choice([7, 14, 30])
    record["complaints_book"] = {"kept": not broken or rnd.random() < 0.7,
                                 "reviews": [day(as_of - dt.timedelta(days=gap * k)) for k in range(rnd.randrange(1, 10))][::-1]}
    if standard == "temporary-stay":
        record["supplies"] = [{"item": "diapers", "date": day(as_of - dt.timedelta(days=k)), "quantity": rnd.randrange(1, 4),
                               "doctor_conclusion": not broken or rnd.random() < 0.5} for k in range(rnd.randrange(0, 4))]
    if rnd.random() < 0.3:
        discharge = as_of - dt.timedelta(days=rnd.randrange(0, 10))
        record["discharge"] = {"date": day(max(discharge, adm))}
        if standard == "special-regime":  # the only instrument with a list of discharge documents
            record["discharge"]["documents"] = some(rnd, DISCHARGE)
    if broken and rnd.random() < 0.5:  # a field the record lacks
        section = rnd.choice(["admission", "plan", "housing", "contract"])
        record[section].pop(rnd.choice(sorted(record[section])))
    return record


def risk_record(rnd, broken):
    rows = [str(r) for r in range(1, 85)]
    record = {"violations": rnd.sample(rows, rnd.randrange(1, 5)) if broken else []}
    record["complaints"] = {str(r): rnd.randrange(0, 4) for r in rnd.sample(range(85, 91), rnd.randrange(0, 4))}
    return record


def checklist_record(rnd, rows, broken):
    answers = {}
    for row in range(1, rows + 1):
        r = rnd.random()
        answers[str(row)] = "not_applicable" if r < 0.1 else (False if broken and r < 0.25 else True)
    return {"attestations": answers}


def record(i, rnd):
    standard = rnd.choice(sorted(PERIODS))
    start, end = PERIODS[standard]
    if rnd.random() < 0.05:
        as_of = start - dt.timedelta(days=rnd.randrange(1, 365))
    else:
        as_of = start + dt.timedelta(days=rnd.randrange((end - start).days))
    broken = rnd.random() < 0.25
    head = {"id": "m-%07d" % i, "standard": standard, "as_of": day(as_of)}
    if standard == "risk-criteria":
        body = risk_record(rnd, broken)
    elif standard in CHECKLISTS:
        body = checklist_record(rnd, CHECKLISTS[standard], broken)
    else:
        body = case_record(rnd, standard, as_of, broken)
    return {**head, **body}


def main():
    n = int(sys.argv[1])
    rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    out = sys.stdout
    for i in range(n):
        out.write(json.dumps(record(i, rnd), separators=(",", ":"), ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
