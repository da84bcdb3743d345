"""Check case records against the standards of special social services.

    import ssd
    checker = ssd.Checker(standards="/usr/local/share/ssd/standards")   # or a .ssdb bundle
    result = checker.check({"id": "c1", "standard": "edu-org", "as_of": "2022-01-24", ...})
    result["status"]          # "compliant", "non_compliant", "incomplete", "not_in_force", "error"
    for result in checker.check_many(open("cases.jsonl")): ...

A result is the JSON object `ssd check` writes for the record (the contract's §5), as a dict.
A Checker is not shared between threads: make one per thread.
"""
import json as _json
import os as _os

from ._ssd import Checker as _Checker, version as __version__

__all__ = ["Checker", "__version__"]


class Checker:
    """Compiled standards and a checker of records against them.

    standards: a standards folder (every .ssd file below it is compiled), a bundle (.ssdb) from
    `ssd compile --standards DIR -o FILE`, or one artifact (.ssdc). Default: $SSD_STANDARDS.
    english: add the English "message_en" beside each finding's "message".
    Raises FileNotFoundError for a path that does not exist, ValueError for standards that do
    not compile or a file that is not a sound bundle or artifact.
    """

    def __init__(self, standards=None, english=False):
        standards = standards if standards is not None else _os.environ.get("SSD_STANDARDS")
        if not standards:
            raise ValueError("no standards: give standards=DIR or a bundle, or set SSD_STANDARDS")
        standards = _os.fspath(standards)
        if not _os.path.exists(standards):
            raise FileNotFoundError(standards)
        self._checker = _Checker(standards, bool(english))

    @property
    def standards(self):
        """The instruments: a list of {"id", "title", "in_force_from", "repealed_from", "requirements"}."""
        return self._checker.standards()

    def check(self, record):
        """One record, a dict or a JSON text, checked: the result as a dict. A record that cannot
        be checked gives a result with status "error" and the reason in "error"."""
        text = record if isinstance(record, str) else _json.dumps(record, ensure_ascii=False)
        return _json.loads(self._checker.check_json(text))

    def check_many(self, records):
        """Results of records, in order, one by one: each record a dict or a JSON text (a line of
        JSON Lines; blank lines are skipped)."""
        for record in records:
            if isinstance(record, str) and not record.strip():
                continue
            yield self.check(record)
