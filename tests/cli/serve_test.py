#!/usr/bin/env python3
"""`ssd serve` on a free local port: its answers are what `ssd check` writes, also with many
clients at once and across a reload; bad requests get clear 4xx answers; SIGTERM answers the
request in flight and stops. The server is started and stopped here; nothing is left running."""
import argparse
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402

MAX_BODY = 256 * 1024


class Server:
    def __init__(self, ssd, standards):
        self.proc = subprocess.Popen([ssd, "serve", "--standards", standards, "--port", "0", "--threads", "4",
                                      "--max-body", str(MAX_BODY), "--no-cache"],
                                     stderr=subprocess.PIPE, text=True)
        line = self.proc.stderr.readline()
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if not m:
            self.proc.kill()
            raise SystemExit("ssd serve did not start: " + line + self.proc.stderr.read())
        self.port = int(m.group(1))
        threading.Thread(target=self.proc.stderr.read, daemon=True).start()  # keep the pipe drained

    def request(self, method, path, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body.encode() if isinstance(body, str) else body)
            r = conn.getresponse()
            return r.status, r.getheader("Content-Type"), r.read().decode()
        finally:
            conn.close()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--standards", required=True)
    ap.add_argument("--cases", required=True, help="JSON Lines records to compare with ssd check")
    a = ap.parse_args()
    with open(a.cases, encoding="utf-8") as f:
        cases = f.read()
    lines = [line for line in cases.splitlines() if line.strip()]
    expected = subprocess.run([a.ssd, "check", "--no-cache", "--standards", a.standards, a.cases],
                              capture_output=True, text=True).stdout
    expected_lines = expected.splitlines()
    expect(len(expected_lines) == len(lines), "ssd check: one line per record")

    server = Server(a.ssd, a.standards)
    try:
        status, ctype, body = server.request("GET", "/health")
        expect(status == 200 and json.loads(body) == {}, "GET /health: 200 {}")
        status, _, body = server.request("GET", "/v1/standards")
        result = json.loads(body)["result"]
        ids = {s["id"] for s in result}
        expect(status == 200 and len(result) == 18 and "edu-org" in ids, "GET /v1/standards: the 18 instruments")
        edu = [s for s in result if s["id"] == "edu-org"][0]
        expect(edu["repealed_from"] == "2023-07-01" and edu["requirements"] > 0, "with their periods: %r" % edu)

        status, ctype, body = server.request("POST", "/v1/check", cases)
        expect(status == 200 and ctype == "application/x-ndjson", "POST /v1/check, JSON Lines: %d %s" % (status, ctype))
        expect(body == expected, "the same lines as ssd check")
        status, ctype, body = server.request("POST", "/v1/check", lines[0])
        expect(status == 200 and ctype == "application/json" and body == expected_lines[0] + "\n",
               "one record: its line, as application/json")
        status, _, body = server.request("POST", "/v1/check?lang=en", lines[0])
        expect(status == 200 and "message_en" in body, "?lang=en adds message_en")
        for findings in ("brief", "failing"):
            want = subprocess.run([a.ssd, "check", "--no-cache", "--standards", a.standards, "--findings", findings,
                                   a.cases], capture_output=True, text=True).stdout
            status, _, body = server.request("POST", "/v1/check?findings=" + findings, cases)
            expect(status == 200 and body == want, "?findings=%s: the lines of ssd check --findings %s" % (findings, findings))

        # Many clients at once, each a different slice: every answer as ssd check's lines.
        wrong = []

        def client(k):
            for j in range(4):
                lo = (k * 7 + j * 3) % len(lines)
                s, _, b = server.request("POST", "/v1/check", "\n".join(lines[lo:]) + "\n")
                if s != 200 or b.splitlines() != expected_lines[lo:]:
                    wrong.append((k, j, s))
                if k == 3 and j == 1:
                    server.request("POST", "/v1/reload")  # swapped under the others' feet
        clients = [threading.Thread(target=client, args=(k,)) for k in range(12)]
        for t in clients:
            t.start()
        for t in clients:
            t.join()
        expect(not wrong, "12 clients × 4 requests, a reload among them: all identical to ssd check %r" % wrong[:3])

        # Limits and bad requests: a clear 4xx, in JSON.
        for what, method, path, body, want in [
                ("too large", "POST", "/v1/check", "{}\n" * (MAX_BODY // 3 + 1), 413),
                ("empty", "POST", "/v1/check", "", 400),
                ("a bad lang", "POST", "/v1/check?lang=fr", lines[0], 400),
                ("a bad findings", "POST", "/v1/check?findings=some", lines[0], 400),
                ("an unknown path", "GET", "/v1/nothing", None, 404),
                ("a method the path does not take", "GET", "/v1/check", None, 405),
                ("a method no path takes", "DELETE", "/health", None, 405)]:
            status, ctype, body = server.request(method, path, body)
            ok = status == want and ctype == "application/json" and json.loads(body).get("message")
            expect(ok, "%s: %d with a message (got %d %s %s)" % (what, want, status, ctype, body[:120]))
        status, _, body = server.request("POST", "/v1/check", "not json\n")
        expect(status == 200 and json.loads(body)["status"] == "error", "a malformed record is an error record")

        os.kill(server.proc.pid, signal.SIGHUP)
        time.sleep(0.5)
        expect(server.request("GET", "/health")[0] == 200, "SIGHUP reloads and the server goes on")

        # SIGTERM with a request in flight: it is answered in full, then the server stops.
        copies = MAX_BODY // len(cases.encode())
        big = cases * copies
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        conn.request("POST", "/v1/check", body=big.encode())
        server.proc.send_signal(signal.SIGTERM)
        r = conn.getresponse()
        got = r.read().decode().splitlines()
        conn.close()
        expect(r.status == 200 and got == expected_lines * copies, "the request in flight is answered in full")
        code = server.stop()
        expect(code == 0, "SIGTERM: exits 0 (%s)" % code)
    finally:
        server.stop()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
