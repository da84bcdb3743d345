"""The Python module `ssd`, run with Debian's python3 (`/usr/bin/python3 -m pytest`), from the build
folder: SSD_PYTHON_PATH (where the package is), SSD_TEST_STANDARDS, SSD_TEST_BUNDLE, SSD_TEST_CASES,
SSD_TEST_EXPECTED (what `ssd check` writes for the cases)."""
import json
import os
import sys

import pytest

sys.path.insert(0, os.environ["SSD_PYTHON_PATH"])
import ssd  # noqa: E402

STANDARDS = os.environ["SSD_TEST_STANDARDS"]
BUNDLE = os.environ["SSD_TEST_BUNDLE"]


def cases():
    with open(os.environ["SSD_TEST_CASES"], encoding="utf-8") as f:
        return [line for line in f if line.strip()]


def expected():
    with open(os.environ["SSD_TEST_EXPECTED"], encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module", params=["folder", "bundle"])
def checker(request):
    return ssd.Checker(standards=STANDARDS if request.param == "folder" else BUNDLE)


def test_check_many_gives_what_ssd_check_gives(checker):
    assert list(checker.check_many(cases())) == expected()


def test_check_takes_a_dict_or_a_string(checker):
    record = json.loads(cases()[0])
    assert checker.check(record) == checker.check(cases()[0]) == expected()[0]


def test_a_finding(checker):
    r = checker.check({"id": "c1", "standard": "edu-org", "as_of": "2022-01-24",
                       "housing": {"sleeping_area_m2": 9, "children_in_room": 3}})
    assert r["status"] == "non_compliant"
    [finding] = [f for f in r["findings"] if f["rule"] == "5.1"]
    assert finding["status"] == "fail" and "3 м²" in finding["message"]


def test_a_malformed_record_is_an_error_result(checker):
    r = checker.check("{not json")
    assert r["status"] == "error" and r["error"].startswith("not valid JSON")
    assert checker.check({"id": "x"})["error"] == '"standard" is missing or not a string'


def test_english_messages():
    r = ssd.Checker(BUNDLE, english=True).check(cases()[0])
    assert all("message_en" in f for f in r["findings"])


def test_standards_lists_the_instruments(checker):
    ids = {s["id"]: s for s in checker.standards}
    assert len(ids) == 18 and ids["edu-org"]["repealed_from"] == "2023-07-01"


def test_bad_standards_raise(tmp_path):
    with pytest.raises(FileNotFoundError):
        ssd.Checker(standards=str(tmp_path / "nothing"))
    bad = tmp_path / "bad.ssdb"
    bad.write_bytes(b"SSDB broken")
    with pytest.raises(ValueError, match="bundle"):
        ssd.Checker(standards=str(bad))
    (tmp_path / "x.ssd").write_text('стандарт x "X" {\n}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="empty_instrument"):
        ssd.Checker(standards=str(tmp_path))
