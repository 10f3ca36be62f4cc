// A hostile file open in the editor — a turn cap of 1e9 and a 2 MB pathological line — must not block the extension
// host: the estimate runs off the host's thread within a time budget, so another command answers at once while it is
// counted, and the lens then shows either the figures or "too large to count here".
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { fixtureUri, lenses, open, titles } from './editorHelpers';

const RELATIVE = '.claude/agents/hostile-turns.md';

function hostileAgent(): string {
  // Two megabytes of spaces before a letter: one pre-token, the worst case of a naive BPE merge loop.
  return `---\nname: hostile-turns\ndescription: Turns without end.\nmodel: haiku\nmaxTurns: 1e9\n---\nYou loop.\n${' '.repeat(2_000_000)}x\n`;
}

describe('editor: no file blocks the extension host', () => {
  const uri = fixtureUri(RELATIVE);
  let ping: vscode.Disposable | undefined;

  before(() => {
    fs.writeFileSync(uri.fsPath, hostileAgent());
    ping = vscode.commands.registerCommand('burnrateTest.ping', () => 'pong');
  });

  after(async () => {
    ping?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(uri.fsPath, { force: true });
  });

  it('another command answers within a second while the file is counted; then the lens shows its outcome', async () => {
    const editor = await open(RELATIVE);
    // Until the lens shows the outcome (figures, or "too large to count here"): how late a 50 ms timer fires plus how
    // long a command takes to answer. A file counted on the host's thread holds both back for as long as it takes (one
    // check at a fixed moment could miss it).
    const outcome = (shown: string[]) => shown.some((t) => /too large to count here|tokens · /.test(t));
    // The lenses are asked for in the background (the provider may wait for the worker), so probing never pauses.
    let latest: string[] = [];
    let asking = false;
    const ask = () => {
      if (asking) return;
      asking = true;
      void lenses(editor.document.uri).then(
        (found) => ((latest = titles(found)), (asking = false)),
        () => (asking = false),
      );
    };
    let worst = 0;
    let probes = 0;
    const deadline = Date.now() + 60_000;
    for (;;) {
      ask();
      const asked = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const answer = await vscode.commands.executeCommand<string>('burnrateTest.ping');
      assert.strictEqual(answer, 'pong');
      worst = Math.max(worst, Date.now() - asked - 50);
      probes++;
      if (outcome(latest)) break;
      assert.ok(Date.now() < deadline, 'no figures and no "too large" lens within 60 s');
    }
    assert.ok(
      worst < 1000,
      `the extension host answered after ${worst} ms (${probes} probes) while the file was counted: something blocks it`,
    );
    const found = await lenses(editor.document.uri);
    assert.ok(found.length > 0);
  });
});
