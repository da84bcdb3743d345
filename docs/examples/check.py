"""Checks JSON Lines records from standard input with the Python module; prints each result.
    PYTHONPATH=<prefix>/lib/python3.11/dist-packages python3 check.py standards.ssdb < cases.jsonl"""
import json
import sys

import ssd

checker = ssd.Checker(standards=sys.argv[1])
for result in checker.check_many(sys.stdin):
    print(json.dumps(result, ensure_ascii=False, separators=(",", ":")))
