#!/usr/bin/env python3
"""No silent empty checker: `ssd compile` always compiles an instrument with the amending orders of
its folder; an instrument left with no requirement is an error, not an artifact; `--alone` says
which orders it leaves out; and no command takes its standards from the working directory."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402

RECORD = ('{"id":"c1","standard":"edu-org","as_of":"2022-01-24",'
          '"housing":{"sleeping_area_m2":9,"children_in_room":3}}\n')


def run(*argv, **kw):
    return subprocess.run(list(argv), capture_output=True, text=True, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    a = ap.parse_args()
    ssd, standards = os.path.abspath(a.ssd), os.path.abspath(a.standards)
    edu_org = os.path.join(standards, "edu-org.ssd")
    with tempfile.TemporaryDirectory() as tmp:
        # edu-org's rules are all in № 282: copied out of its folder, it has none.
        lone = os.path.join(tmp, "edu-org.ssd")
        shutil.copy(edu_org, lone)
        out = os.path.join(tmp, "lone.ssdc")
        r = run(ssd, "compile", lone, "-o", out)
        expect(r.returncode == 2, "an instrument with no requirement does not compile (exit %d)" % r.returncode)
        expect("[empty_instrument]" in r.stderr and "edu-org" in r.stderr, "empty_instrument names it:\n" + r.stderr)
        expect(not os.path.exists(out), "and no artifact is written")

        # Given its folder, it has its wording of № 282, wherever it is compiled from.
        full = os.path.join(tmp, "full.ssdc")
        r = run(ssd, "compile", "--standards", standards, edu_org, "-o", full, cwd=tmp)
        expect(r.returncode == 0 and os.path.exists(full), "compiled with --standards:\n" + r.stderr)
        expect("(0 requirements" not in r.stderr and "requirements)" in r.stderr, "with its requirements: " + r.stderr)
        # The file's own folder is its folder when --standards is not given.
        r = run(ssd, "compile", "--check", edu_org, cwd=tmp)
        expect(r.returncode == 0, "compiled with its own folder:\n" + r.stderr)

        # --alone: on request only, saying which orders of the folder are left out.
        alone = os.path.join(tmp, "alone.ssdc")
        r = run(ssd, "compile", "--alone", "--standards", standards, os.path.join(standards, "special-regime.ssd"),
                "-o", alone)
        expect(r.returncode == 0, "special-regime compiles alone:\n" + r.stderr)
        expect("757" in r.stderr and "not for checking" in r.stderr, "the orders left out are named:\n" + r.stderr)
        r = run(ssd, "compile", "--alone", edu_org, "--lang", "en")
        expect(r.returncode == 2 and "282" in r.stderr and "[empty_instrument]" in r.stderr,
               "edu-org alone: № 282 left out, and no requirement:\n" + r.stderr)

        # The working directory is not a standards folder: a ./standards there is not read.
        os.mkdir(os.path.join(tmp, "standards"))
        shutil.copy(lone, os.path.join(tmp, "standards", "edu-org.ssd"))
        env = {k: v for k, v in os.environ.items() if k != "SSD_STANDARDS"}
        here = run(ssd, "check", "--no-cache", "-", input=RECORD, cwd=tmp, env=env)
        given = run(ssd, "check", "--no-cache", "--standards", standards, "-", input=RECORD, cwd=tmp, env=env)
        expect(here.returncode == 1 and '"status":"non_compliant"' in here.stdout,
               "ssd check in a folder with ./standards uses the default standards:\n" + here.stdout + here.stderr)
        expect(here.stdout == given.stdout, "the same results as --standards")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
