// Starts `ssd lsp` for .ssd files; the command is the setting ssd.path (default: ssd on PATH).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function start() {
  const command = vscode.workspace.getConfiguration("ssd").get("path") || "ssd";
  client = new LanguageClient(
    "ssd",
    "ssd lsp",
    { command, args: ["lsp"] },
    { documentSelector: [{ scheme: "file", language: "ssd" }] },
  );
  return client.start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration("ssd.path")) return;
      if (client) await client.stop();
      await start();
    }),
  );
  await start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
