#!/usr/bin/env python3
"""`ssd lsp` spoken to as an editor speaks to it, over stdio with Content-Length frames: initialize
(English), didOpen and didChange (diagnostics as the drafter types, across the instrument and the
order that amends it), hover, completion, definition, references, the outline, formatting, a quick
fix, malformed input, shutdown and exit. On a copy of the amendment fixtures (tests/amend)."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402


class Client:
    def __init__(self, ssd):
        self.proc = subprocess.Popen([ssd, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0
        self.notes = []

    def send_raw(self, body):
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, method, params=None, request=True):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        self.send_raw(json.dumps(message, ensure_ascii=False).encode())
        return self.next_id if request else None

    def receive(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params=None):
        id_ = self.send(method, params)
        while True:
            message = self.receive()
            if message.get("id") == id_ and "method" not in message:
                return message
            self.notes.append(message)

    def diagnostics(self, uri):
        """The last diagnostics published for `uri` so far (a request flushes the notifications)."""
        self.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        found = [n["params"]["diagnostics"] for n in self.notes
                 if n.get("method") == "textDocument/publishDiagnostics" and n["params"]["uri"] == uri]
        return found[-1] if found else None


def uri(path):
    return "file://" + urllib.parse.quote(path)


def position_of(text, needle, offset=0):
    """The LSP position (UTF-16) of the start of `needle` in `text`, plus `offset` characters."""
    at = text.index(needle)
    line = text.count("\n", 0, at)
    column = at - (text.rfind("\n", 0, at) + 1)
    return {"line": line, "character": len(text[at - column:at].encode("utf-16-le")) // 2 + offset}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ssd", required=True)
    ap.add_argument("--source", required=True)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "standards")
        shutil.copytree(os.path.join(a.source, "tests", "amend"), folder)
        base_path, order_path = os.path.join(folder, "base.ssd"), os.path.join(folder, "order-1.ssd")
        base, order = open(base_path, encoding="utf-8").read(), open(order_path, encoding="utf-8").read()
        base_uri, order_uri = uri(base_path), uri(order_path)
        c = Client(a.ssd)

        init = c.request("initialize", {"processId": None, "rootUri": uri(tmp), "capabilities": {}, "locale": "en"})
        caps = init["result"]["capabilities"]
        for cap in ("hoverProvider", "completionProvider", "definitionProvider", "referencesProvider",
                    "documentSymbolProvider", "documentFormattingProvider", "codeActionProvider"):
            expect(cap in caps, "initialize announces " + cap)
        c.send("initialized", {}, request=False)

        # The drafter types a name wrong: the diagnostic, in English, where the name is.
        typo = base.replace("талап_етіледі кітап_жүргізіледі", "талап_етіледі кітап_жүргізілед")
        c.send("textDocument/didOpen", {"textDocument": {"uri": base_uri, "languageId": "ssd", "version": 1, "text": typo}},
               request=False)
        diags = c.diagnostics(base_uri)
        expect(diags is not None and len(diags) == 1, "one diagnostic for the typo: %r" % diags)
        if diags:
            d = diags[0]
            expect(d["code"] == "unknown_name" and d["severity"] == 1, "an unknown_name error: %r" % d)
            expect(d["range"]["start"] == position_of(typo, "кітап_жүргізілед\n"), "at the name: %r" % d["range"])
            expect(d["message"] == "unknown name 'кітап_жүргізілед'", "in English: " + d["message"])

        c.send("textDocument/didChange", {"textDocument": {"uri": base_uri, "version": 2}, "contentChanges": [{"text": base}]},
               request=False)
        expect(c.diagnostics(base_uri) == [], "the fix clears the diagnostics")
        c.send("textDocument/didOpen", {"textDocument": {"uri": order_uri, "languageId": "ssd", "version": 1, "text": order}},
               request=False)

        def at(text, needle, offset=1, u=base_uri):
            return {"textDocument": {"uri": u}, "position": position_of(text, needle, offset)}

        def hover(params):
            r = c.request("textDocument/hover", params)["result"]
            return r["contents"]["value"] if r else ""

        h = hover(at(base, "талап кітап {", 7))
        expect("талап кітап" in h and "7-тармақ: Шағымдар кітабын басшы апта сайын қарайды." in h,
               "a requirement's hover: the law text it encodes:\n" + h)
        h = hover(at(base, "шағымдар_кітабы.қаралған_күндері", 3))
        expect("complaints_book" in h and "тізім дата" in h, "a field's hover: its JSON name and type:\n" + h)
        h = hover(at(base, "жетім =", 1))
        expect('"orphan"' in h and "жетім-балалар" in h, "a code's hover: its code and meaning:\n" + h)
        h = hover(at(base, "кезең_сайын(", 2))
        expect("кезең_сайын(күндер" in h, "a builtin's hover: its signature:\n" + h)
        h = hover(at(order, "тармақ 7", 1, order_uri))
        expect("§ 7" in h and "басшы ай сайын" in h and "№ 1 тест бұйрығы" in h,
               "a provision's hover: its text as in force and the order that words it:\n" + h)

        blank = base.replace("  тармақ 9 ", "  \n  тармақ 9 ", 1)
        c.send("textDocument/didChange", {"textDocument": {"uri": base_uri, "version": 3}, "contentChanges": [{"text": blank}]},
               request=False)
        items = c.request("textDocument/completion", {"textDocument": {"uri": base_uri},
                                                      "position": position_of(blank, "  \n  тармақ 9 ", 2)})["result"]
        labels = {i["label"] for i in (items["items"] if isinstance(items, dict) else items)}
        for want in ("талап", "мысал", "шағымдар_кітабы.қаралған_күндері", "жетім", "жасы", "кітап_жүргізіледі", "§ 7", "§ 9-1"):
            expect(want in labels, "completion offers " + want)
        c.send("textDocument/didChange", {"textDocument": {"uri": base_uri, "version": 4}, "contentChanges": [{"text": base}]},
               request=False)

        d = c.request("textDocument/definition", at(base, "талап_етіледі кітап_жүргізіледі", len("талап_етіледі ") + 2))["result"]
        expect(d and d["uri"] == base_uri and d["range"]["start"] == position_of(base, "кітап_жүргізіледі ="),
               "definition of a name: its бұдан_әрі: %r" % d)
        d = c.request("textDocument/definition", at(order, "тармақ 7", 1, order_uri))["result"]
        expect(d and d["uri"] == base_uri and d["range"]["start"]["line"] == position_of(base, "тармақ 7")["line"],
               "definition of an amended paragraph: the paragraph in the instrument: %r" % d)
        refs = c.request("textDocument/references", dict(at(base, "тармақ 7"), context={"includeDeclaration": False}))["result"]
        expect(any(r["uri"] == order_uri for r in refs), "references of a paragraph: the order that amends it: %r" % refs)

        outline = c.request("textDocument/documentSymbol", {"textDocument": {"uri": base_uri}})["result"]
        names = [s["name"] for s in outline[0]["children"]] if outline else []
        expect(outline and outline[0]["name"] == "стандарт fixture-amended", "the outline's instrument: %r" % outline)
        expect("тармақ 7" in names and "тармақ 9" in names, "the outline's paragraphs: %r" % names)
        seven = [s for s in outline[0]["children"] if s["name"] == "тармақ 7"] if outline else []
        expect(seven and [r["name"] for r in seven[0]["children"]] == ["кітап"], "a paragraph's requirements in the outline")

        messy = base.replace("  тармақ 9 ", "      тармақ   9 ", 1)
        c.send("textDocument/didChange", {"textDocument": {"uri": base_uri, "version": 5}, "contentChanges": [{"text": messy}]},
               request=False)
        edits = c.request("textDocument/formatting", {"textDocument": {"uri": base_uri}, "options": {"tabSize": 2, "insertSpaces": True}})["result"]
        expect(len(edits) == 1 and edits[0]["newText"] == base, "formatting gives ssd fmt's layout: %r" % edits)

        # A quick fix: an old spelling's fix-it, in a folder of its own.
        other = os.path.join(tmp, "old")
        os.mkdir(other)
        old_path = os.path.join(other, "old.ssd")
        shutil.copy(os.path.join(a.source, "tests", "golden", "diagnostics", "old-spellings.ssd"), old_path)
        old = open(old_path, encoding="utf-8").read()
        c.send("textDocument/didOpen", {"textDocument": {"uri": uri(old_path), "languageId": "ssd", "version": 1, "text": old}},
               request=False)
        spot = position_of(old, "анықтама бала_саны")
        actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri(old_path)},
                                                        "range": {"start": spot, "end": spot},
                                                        "context": {"diagnostics": []}})["result"]
        expect(len(actions) == 1 and actions[0]["kind"] == "quickfix", "one quick fix on the line: %r" % actions)
        if actions:
            edits = actions[0]["edit"]["changes"][uri(old_path)]
            expect(edits[0]["newText"] == "бұдан_әрі" and edits[0]["range"]["start"] == spot,
                   "the fix writes the new keyword in place: %r" % edits)

        c.send_raw(b"{this is not json")
        expect(c.receive()["error"]["code"] == -32700, "malformed JSON gets a parse error")
        expect(c.request("no/such/method", {})["error"]["code"] == -32601, "an unknown method gets an error")
        expect(c.request("shutdown")["result"] is None, "shutdown answers null")
        c.send("exit", request=False)
        expect(c.proc.wait(timeout=10) == 0, "exit after shutdown ends with 0")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
