#!/usr/bin/env python3
"""`ssd check --from … --query …` gives what `ssd check` gives on the same records as JSON Lines:
from SQLite, and from a throwaway PostgreSQL 15 cluster made here (initdb in a temporary folder,
a free port, a Unix socket in that folder; run as an unprivileged user when this runs as root),
stopped and removed at the end."""
import argparse
import json
import os
import pwd
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402

PG_BIN = "/usr/lib/postgresql/15/bin"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sql_text(s):
    return "'" + s.replace("'", "''") + "'"


class Cluster:
    """A PostgreSQL cluster in `folder`, listening only on a Unix socket there."""

    def __init__(self, folder):
        self.folder, self.port = folder, free_port()
        self.data = os.path.join(folder, "data")
        self.as_user = []
        if os.geteuid() == 0:  # initdb refuses root
            user = "postgres" if self._exists("postgres") else "nobody"
            shutil.chown(folder, user)
            self.as_user = ["runuser", "-u", user, "--"]
            self.user = user
        else:
            self.user = pwd.getpwuid(os.geteuid()).pw_name

    @staticmethod
    def _exists(user):
        try:
            pwd.getpwnam(user)
            return True
        except KeyError:
            return False

    def run(self, *argv):
        return subprocess.run(self.as_user + list(argv), capture_output=True, text=True)

    def start(self):
        r = self.run(PG_BIN + "/initdb", "-D", self.data, "-U", self.user, "--auth=trust", "-E", "UTF8", "--no-locale")
        if r.returncode != 0:
            raise SystemExit("initdb failed:\n" + r.stdout + r.stderr)
        r = self.run(PG_BIN + "/pg_ctl", "-D", self.data, "-l", os.path.join(self.folder, "log"), "-w", "start",
                     "-o", "-p %d -k %s -c listen_addresses=''" % (self.port, self.folder))
        if r.returncode != 0:
            raise SystemExit("pg_ctl start failed:\n" + r.stdout + r.stderr)

    def psql(self, sql):
        return subprocess.run(self.as_user + [PG_BIN + "/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.folder,
                                              "-p", str(self.port), "-U", self.user, "-d", "postgres"],
                              input=sql, capture_output=True, text=True)

    def uri(self):
        return "postgresql:///postgres?host=%s&port=%d&user=%s" % (self.folder, self.port, self.user)

    def stop(self):
        self.run(PG_BIN + "/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")


def parses(text):
    try:
        json.loads(text)
        return True
    except ValueError:
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    ap.add_argument("--cases", required=True)
    a = ap.parse_args()
    with open(a.cases, encoding="utf-8") as f:
        records = [line.rstrip("\n") for line in f if line.strip()]
    records.append('{"id": "broken", ')  # a malformed record: an error line, the others checked
    with tempfile.TemporaryDirectory() as tmp:
        cases = os.path.join(tmp, "cases.jsonl")
        with open(cases, "w", encoding="utf-8") as f:
            f.write("\n".join(records) + "\n")
        check = [a.ssd, "check", "--no-cache", "--standards", a.standards]
        want = subprocess.run(check + [cases], capture_output=True, text=True)
        expect(len(want.stdout.splitlines()) == len(records), "ssd check: a line per record")

        db = os.path.join(tmp, "cases.db")
        with sqlite3.connect(db) as con:
            con.execute("CREATE TABLE cases (n INTEGER PRIMARY KEY, record TEXT)")
            con.executemany("INSERT INTO cases (record) VALUES (?)", [(r,) for r in records])
        got = subprocess.run(check + ["--from", "sqlite:" + db, "--query", "SELECT record FROM cases ORDER BY n"],
                             capture_output=True, text=True)
        expect(got.stdout == want.stdout and got.returncode == want.returncode,
               "sqlite: the same results and exit status:\n" + got.stderr)
        bad = subprocess.run(check + ["--from", "sqlite:" + db, "--query", "SELECT nothing FROM nowhere"],
                             capture_output=True, text=True)
        expect(bad.returncode == 2 and "query failed" in bad.stderr, "sqlite: a bad query exits 2: " + bad.stderr)

        # Its own folder, not under `tmp`: the server's user must be able to reach it.
        folder = tempfile.mkdtemp(prefix="ssd-pg-")
        cluster = Cluster(folder)
        try:
            cluster.start()
            inserts = "".join("INSERT INTO cases (record) VALUES (%s);\n" % sql_text(r) for r in records)
            r = cluster.psql("CREATE TABLE cases (n serial PRIMARY KEY, record text);\n" + inserts)
            expect(r.returncode == 0, "the records load into PostgreSQL: " + r.stderr)
            got = subprocess.run(check + ["--from", cluster.uri(), "--query", "SELECT record FROM cases ORDER BY n"],
                                 capture_output=True, text=True)
            expect(got.stdout == want.stdout and got.returncode == want.returncode,
                   "postgresql: the same results and exit status:\n" + got.stderr)
            # jsonb values (keys reordered by PostgreSQL) judge the same; only JSON casts to jsonb.
            valid = [n for n, r in enumerate(records, 1) if parses(r)]
            got = subprocess.run(check + ["--from", cluster.uri(), "--query",
                                          "SELECT record::jsonb FROM cases WHERE n IN (%s) ORDER BY n"
                                          % ",".join(map(str, valid))],
                                 capture_output=True, text=True)
            lines = want.stdout.splitlines()
            expect(got.stdout.splitlines() == [lines[n - 1] for n in valid], "postgresql jsonb: the same results")
            bad = subprocess.run(check + ["--from", cluster.uri(), "--query", "SELECT * FROM nowhere"],
                                 capture_output=True, text=True)
            expect(bad.returncode == 2 and "nowhere" in bad.stderr, "postgresql: a bad query exits 2: " + bad.stderr)
        finally:
            cluster.stop()
            shutil.rmtree(folder, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
