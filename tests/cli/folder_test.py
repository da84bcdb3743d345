#!/usr/bin/env python3
"""The standards folder is read whole or not at all: what cannot be read or followed (a link loop,
a dangling link, a folder without permission) and an empty folder are each reported, the walk
goes on to report the rest, and the command exits with 2 — never a crash, never a silent gap."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402

RECORD = json.dumps({"id": "r", "standard": "edu-center", "as_of": "2020-11-23"}) + "\n"


def demoted():
    """Runs the child as nobody when the tests run as root, for whom no permission is denied."""
    if os.getuid() == 0:
        os.setgid(65534)
        os.setuid(65534)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    args = ap.parse_args()
    standard = os.path.join(args.standards, "edu-center.ssd")  # a standard that compiles alone

    def ssd(command, folder, preexec=None, binary=args.ssd):
        cmd = [binary, command, "--standards", folder] + (["--no-cache", "-"] if command == "check" else [])
        return subprocess.run(cmd, input=RECORD, capture_output=True, text=True, preexec_fn=preexec)

    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)
        # The demoted child runs a copy in this open folder: the build's may sit in one only its
        # owner may enter (a clone in a mktemp -d folder).
        open_copy = os.path.join(tmp, "ssd")
        shutil.copy(args.ssd, open_copy)
        good = os.path.join(tmp, "good")
        os.makedirs(good)
        shutil.copy(standard, good)
        os.symlink(".", os.path.join(good, "self"))  # a link to a folder is not followed
        for command in ("list", "check"):
            r = ssd(command, good)
            expect(r.returncode in (0, 1) and r.stderr == "", "%s, a folder linking to itself: exit %d, %r"
                   % (command, r.returncode, r.stderr))

        loops = os.path.join(tmp, "loops")
        os.makedirs(loops)
        shutil.copy(standard, loops)
        os.symlink("b.ssd", os.path.join(loops, "a.ssd"))
        os.symlink("a.ssd", os.path.join(loops, "b.ssd"))
        os.symlink("missing.ssd", os.path.join(loops, "dangling.ssd"))
        for command in ("list", "check"):
            r = ssd(command, loops)
            expect(r.returncode == 2 and r.stdout == "", "%s, link loops: exit %d, %r" % (command, r.returncode, r.stdout))
            for name, why in (("a.ssd", "Too many levels of symbolic links"),
                              ("b.ssd", "Too many levels of symbolic links"),
                              ("dangling.ssd", "No such file or directory")):
                expect("ssd: %s: cannot follow: %s" % (os.path.join(loops, name), why) in r.stderr,
                       "%s names %s: %r" % (command, name, r.stderr))

        locked = os.path.join(tmp, "locked")
        os.makedirs(os.path.join(locked, "closed"))
        shutil.copy(standard, locked)
        shutil.copy(standard, os.path.join(locked, "closed", "copy.ssd"))
        unreadable = os.path.join(locked, "unreadable.ssd")
        shutil.copy(standard, unreadable)
        os.chmod(os.path.join(locked, "closed"), 0)
        os.chmod(unreadable, 0)
        r = ssd("check", locked, demoted, open_copy)
        expect(r.returncode == 2 and r.stdout == "", "a folder it cannot read: exit %d" % r.returncode)
        expect("ssd: %s: cannot list: Permission denied" % os.path.join(locked, "closed") in r.stderr,
               "names the folder: %r" % r.stderr)
        os.chmod(os.path.join(locked, "closed"), 0o755)
        r = ssd("check", locked, demoted, open_copy)
        expect(r.returncode == 2 and "%s: cannot open: Permission denied" % unreadable in r.stderr,
               "names the file: exit %d, %r" % (r.returncode, r.stderr))

        empty = os.path.join(tmp, "empty")
        os.makedirs(os.path.join(empty, "sub"))
        for command in ("list", "check"):
            r = ssd(command, empty)
            expect(r.returncode == 2 and "ssd: стандарттар папкасында .ssd файлы жоқ: " + empty in r.stderr,
                   "%s, an empty folder: exit %d, %r" % (command, r.returncode, r.stderr))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
