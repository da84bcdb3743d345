#!/usr/bin/env python3
"""ssd check -j N and --findings: any number of threads writes the same bytes as one, on the
contract's examples, the samples and a generated file of every instrument with malformed lines,
a byte-order mark, CRLF line ends and a line longer than a block; every input line gives one output
line in its place; brief and failing output say what the full output says. ssd report -j N
counts as ssd report -j 1."""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402


def mixed_file(generator, path):
    """3 000 generated records of every instrument, with damage a file of real records may have."""
    lines = subprocess.run([sys.executable, generator, "3000", "11"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    rnd = random.Random(4)
    out = []
    for line in lines:
        r = rnd.random()
        if r < 0.02:
            line = line[:rnd.randrange(1, len(line))]  # cut short
        elif r < 0.03:
            line = "[1,2]"
        elif r < 0.04:
            line = line.replace('"as_of":"', '"as_of":"x', 1)
        elif r < 0.05:
            line = "   "  # blank: no output line
        out.append(line)
    # A record longer than a block (256 KiB): a key no rule reads, holding a long text.
    big = json.loads(lines[0])
    big["note"] = "ұзын мәтін " * 40000
    out.insert(1500, json.dumps(big, ensure_ascii=False))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff" + "\r\n".join(out))  # a BOM, CRLF, and no line end after the last
    return [line for line in out if line.strip()]


def record_id(line):
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record.get("id") if isinstance(record, dict) else None


def run(ssd, standards, args):
    p = subprocess.run([ssd] + args[:1] + ["--no-cache", "--standards", standards] + args[1:], capture_output=True)
    return p.returncode, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    ap.add_argument("--generator", required=True, help="bench/gen_mixed.py")
    ap.add_argument("inputs", nargs="+", help="JSON Lines files")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        mixed = os.path.join(tmp, "mixed.jsonl")
        mixed_lines = mixed_file(a.generator, mixed)
        for path in a.inputs + [mixed]:
            name = os.path.basename(path)
            for args in (["--findings", "all"], ["--findings", "brief"], ["--findings", "failing"],
                         ["--format", "text"], ["--lang", "en"]):
                one = run(a.ssd, a.standards, ["check", "-j", "1"] + args + [path])
                for n in ("2", "4"):
                    many = run(a.ssd, a.standards, ["check", "-j", n] + args + [path])
                    expect(many == one, "%s %s: -j %s writes what -j 1 writes" % (name, " ".join(args), n))
            report_one = run(a.ssd, a.standards, ["report", "-j", "1", path])
            report_four = run(a.ssd, a.standards, ["report", "-j", "4", path])
            expect(report_one == report_four and report_one[1], "%s: ssd report -j 4 as -j 1" % name)

        # One output line per input line, in its place; brief and failing agree with all.
        code, out = run(a.ssd, a.standards, ["check", "-j", "4", mixed])
        full = [json.loads(line) for line in out.decode().splitlines()]
        expect(len(full) == len(mixed_lines), "one line per record: %d for %d" % (len(full), len(mixed_lines)))
        expect(all(r["id"] == record_id(line) for r, line in zip(full, mixed_lines)), "each in its place")
        expect(sum(r["status"] == "error" for r in full) > 50, "the damaged lines are error records")
        _, out = run(a.ssd, a.standards, ["check", "-j", "4", "--findings", "brief", mixed])
        brief = [json.loads(line) for line in out.decode().splitlines()]
        same = all(
            {k: v for k, v in b.items() if k != "findings"} == {k: v for k, v in f.items() if k != "findings"}
            and b["findings"] == [{"rule": x["rule"], "status": x["status"], "severity": x["severity"]} for x in f["findings"]]
            for b, f in zip(brief, full))
        expect(len(brief) == len(full) and same, "brief: the record as in full, each finding's rule, status and severity")
        _, out = run(a.ssd, a.standards, ["check", "-j", "4", "--findings", "failing", mixed])
        failing = [json.loads(line) for line in out.decode().splitlines()]
        same = all(
            {k: v for k, v in g.items() if k != "findings"} == {k: v for k, v in f.items() if k != "findings"}
            and g["findings"] == [x for x in f["findings"] if x["status"] != "pass"]
            for g, f in zip(failing, full))
        expect(len(failing) == len(full) and same, "failing: the findings of full output that are not pass, as they are")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
