// A hostile file open in the editor — a turn cap of 1e9 and a 2 MB pathological line — must not block the extension
// host: the estimate runs off the host's thread within a time budget, so another command answers at once while it is
// counted, and the lens then shows either the figures or "too large to count here".
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { fixtureUri, lensesUntil, open } from './editorHelpers';

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
    // Ask for the lenses (this starts the estimate) without waiting for them.
    const counting = vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      editor.document.uri,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const asked = Date.now();
    const answer = await vscode.commands.executeCommand<string>('burnrateTest.ping');
    const waited = Date.now() - asked;
    assert.strictEqual(answer, 'pong');
    assert.ok(waited < 1000, `the extension host answered after ${waited} ms: something blocks it`);
    await counting;
    const found = await lensesUntil(editor.document.uri, (titles) =>
      titles.some((t) => /too large to count here|tokens · /.test(t))
        ? undefined
        : 'no figures and no "too large" lens yet',
    );
    assert.ok(found.length > 0);
  });
});
