#!/usr/bin/env python3
"""Results that cannot be written are an error: a full disk or a closed standard output makes
every command that writes say so on standard error and exit 2, never 0; a reader that goes away
(`ssd check | head`) ends ssd quietly."""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402

# A standard that compiles alone, in a folder of its own: each command here compiles it.
STANDARD = "edu-center"
COMPLIANT = {"id": "good", "standard": STANDARD, "as_of": "2021-03-15",
             "client": {"categories": ["neglected_homeless"]},
             "admission": {"basis": "lea_decision"},
             "housing": {"sleeping_area_m2": 15, "children_in_room": 3},
             "complaints_book": {"kept": True, "reviews": ["2021-03-08", "2021-03-15"]}}


def run(cmd, stdout, records=None, preexec=None):
    return subprocess.run(cmd, input=records, stdout=stdout, stderr=subprocess.PIPE, preexec_fn=preexec)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as standards:
        shutil.copy(os.path.join(args.standards, STANDARD + ".ssd"), standards)
        return run_all(args.ssd, standards)


def run_all(ssd, standards):
    records = (json.dumps(COMPLIANT) + "\n").encode()
    source = os.path.join(standards, STANDARD + ".ssd")

    ok = run([ssd, "check", "--standards", standards], subprocess.DEVNULL, records)
    expect(ok.returncode == 0, "a compliant record to a good output: exit %d" % ok.returncode)

    commands = {
        "check": ([ssd, "check", "--standards", standards], records),
        "check --format text": ([ssd, "check", "--format", "text", "--standards", standards], records),
        "checklist": ([ssd, "checklist", "--standards", standards, "--standard", STANDARD, "--as-of", "2021-03-15"], None),
        "compile --dump": ([ssd, "compile", "--standards", standards, "--dump", source], None),
        "list": ([ssd, "list", "--standards", standards], None),
        "--help": ([ssd, "--help"], None),
    }
    with open("/dev/full", "wb") as full:
        for name, (cmd, stdin) in commands.items():
            p = run(cmd, full, stdin)
            expect(p.returncode == 2, "%s > /dev/full: exit %d, 2 expected" % (name, p.returncode))
            expect(b"cannot write the output: No space left on device" in p.stderr,
                   "%s > /dev/full: stderr %r" % (name, p.stderr[-300:]))
    for name in ("check", "compile --dump"):
        cmd, stdin = commands[name]
        p = run(cmd, None, stdin, preexec=lambda: os.close(1))
        expect(p.returncode == 2, "%s with standard output closed: exit %d" % (name, p.returncode))
        expect(b"cannot write the output: Bad file descriptor" in p.stderr, "%s closed: stderr %r" % (name, p.stderr))

    p = run([ssd, "compile", "--standards", standards, source, "-o", "/dev/full"], subprocess.DEVNULL)
    expect(p.returncode == 2 and b"cannot write /dev/full: No space left on device" in p.stderr,
           "compile -o /dev/full: exit %d, %r" % (p.returncode, p.stderr))

    # Many results, read a little of: the reader goes away, ssd ends without a word.
    many = records * 5000
    with tempfile.TemporaryFile() as cases:
        cases.write(many)
        for ignored in (False, True):
            cases.seek(0)
            preexec = (lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN)) if ignored else None
            proc = subprocess.Popen([ssd, "check", "--standards", standards], stdin=cases, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, preexec_fn=preexec)
            proc.stdout.read(100)
            proc.stdout.close()
            err = proc.stderr.read()
            code = proc.wait()
            want = 2 if ignored else -signal.SIGPIPE
            expect(code == want, "reader gone (SIGPIPE %s): exit %d, %d expected" % (
                "ignored" if ignored else "default", code, want))
            expect(err == b"", "reader gone: stderr %r" % err)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
