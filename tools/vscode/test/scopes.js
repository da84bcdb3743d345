// The TextMate grammar, tokenized as VS Code tokenizes it (vscode-textmate, vscode-oniguruma):
// the scopes of chosen tokens of test/sample.ssd, and every keyword of grammar/Ssd.g4's lexer
// known to the grammar, so that the two cannot drift apart.
const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const here = __dirname;
const grammarPath = path.join(here, "..", "syntaxes", "ssd.tmLanguage.json");
let passed = 0;
const failed = [];
function expect(ok, what) {
  if (ok) passed++;
  else failed.push(what);
}

async function grammar() {
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve("vscode-oniguruma")), "onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath),
  });
  return registry.loadGrammar("source.ssd");
}

// Each token of each line: [text, innermost scope].
function tokenize(g, text) {
  const out = [];
  let state = vsctm.INITIAL;
  for (const line of text.split("\n")) {
    const r = g.tokenizeLine(line, state);
    for (const t of r.tokens) out.push([line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]]);
    state = r.ruleStack;
  }
  return out;
}

function scopeOf(tokens, text) {
  const found = tokens.find(([t]) => t === text);
  return found ? found[1] : "(no token " + JSON.stringify(text) + ")";
}

async function main() {
  const g = await grammar();
  const sample = fs.readFileSync(path.join(here, "sample.ssd"), "utf8");
  const tokens = tokenize(g, sample);
  const expected = JSON.parse(fs.readFileSync(path.join(here, "sample.scopes.json"), "utf8"));
  for (const [text, scope] of Object.entries(expected)) {
    const got = scopeOf(tokens, text);
    expect(got === scope, `${JSON.stringify(text)}: ${got}, want ${scope}`);
  }

  // Every keyword of the lexer is a keyword (or the language's constant) of the grammar.
  const lexer = fs.readFileSync(path.join(here, "..", "..", "..", "grammar", "Ssd.g4"), "utf8");
  const keywords = [...lexer.matchAll(/^[A-Z_]+\s*:\s*'([^']+)'\s*;/gm)].map((m) => m[1]).filter((k) => /^[\p{L}_]/u.test(k));
  expect(keywords.length > 40, `the lexer's keywords found: ${keywords.length}`);
  for (const k of keywords) {
    const scope = scopeOf(tokenize(g, k), k);
    expect(/^(keyword|constant\.language)\./.test(scope), `keyword ${k}: ${scope}`);
  }
  // A keyword inside a longer name is no keyword.
  expect(scopeOf(tokenize(g, "талап_саны"), "талап_саны") === "variable.other.ssd", "талап_саны is a name");

  for (const f of failed) console.log("FAIL " + f);
  console.log(`${passed} passed, ${failed.length} failed`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((e) => {
  console.log("FAIL " + e.stack);
  process.exit(1);
});
