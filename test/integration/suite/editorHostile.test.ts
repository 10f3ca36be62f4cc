// A hostile file open in the editor — a turn cap of 1e9 and a 2 MB pathological line — must not block the extension
// host: the estimate runs off the host's thread within a time budget, so another command answers at once while it is
// counted, and the lens then shows either the figures or "too large to count here". Opening a 2 MB document holds the
// host by itself (VS Code's own markdown support and document sync: 0.3-1.6 s seen here for a plain .md Burnrate does
// not price), so the sampling test holds Burnrate to that reference, measured in the same run, not to a fixed figure.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { fixtureUri, lenses, lensesUntil, open } from './editorHelpers';

const RELATIVE = '.claude/agents/hostile-turns.md';

/** Two megabytes of spaces before a letter: one pre-token, the worst case of a naive BPE merge loop. */
const PATHOLOGICAL = `You loop.\n${' '.repeat(2_000_000)}x\n`;

function hostileAgent(name = 'hostile-turns'): string {
  return `---\nname: ${name}\ndescription: Turns without end.\nmodel: haiku\nmaxTurns: 1e9\n---\n${PATHOLOGICAL}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Until `done()` or for `ms`: how late a 50 ms timer fires plus how long a command takes to answer, at worst — what a
 * user typing elsewhere would wait. Returns the worst delay and how long it sampled.
 */
async function worstDelay(command: string, until: { done?: () => boolean; ms?: number }): Promise<[number, number]> {
  const start = Date.now();
  let worst = 0;
  while (until.done ? !until.done() : Date.now() - start < until.ms!) {
    const asked = Date.now();
    await sleep(50);
    assert.strictEqual(await vscode.commands.executeCommand<string>(command), 'pong');
    worst = Math.max(worst, Date.now() - asked - 50);
  }
  return [worst, Date.now() - start];
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

  it('while a 2 MB agent file is opened and counted, the host waits no longer than for a plain 2 MB .md', async () => {
    const agent = '.claude/agents/hostile-sampled.md';
    const plain = ['docs/hostile-warm-up.md', 'docs/hostile-reference.md'];
    const paths = [agent, ...plain].map((p) => fixtureUri(p).fsPath);
    try {
      for (const p of plain) {
        fs.mkdirSync(path.dirname(fixtureUri(p).fsPath), { recursive: true });
        fs.writeFileSync(fixtureUri(p).fsPath, `# Notes\n${PATHOLOGICAL}`);
      }
      fs.writeFileSync(fixtureUri(agent).fsPath, hostileAgent('hostile-sampled'));
      // The first large document VS Code opens costs it more than the next: a warm-up, not measured.
      await open(plain[0]!);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // Burnrate: sampled from the open until the lens shows the file's outcome (counted, or too large here).
      let shown = false;
      const opened = open(agent).then((editor) =>
        lensesUntil(editor.document.uri, (titles) =>
          titles.some((t) => /too large to count here|tokens · /.test(t)) ? undefined : 'no outcome yet',
        ),
      );
      // Sampling stops when the lens shows, or when waiting for it failed (whose message `await opened` then throws).
      void opened.finally(() => (shown = true)).catch(() => undefined);
      const [burnrate, sampledMs] = await worstDelay('burnrateTest.ping', { done: () => shown });
      await opened;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // The reference: a .md Burnrate does not price, of the same size, sampled as long while its lenses are asked
      // for as often (VS Code's own providers answer for it).
      const reference = open(plain[1]!);
      let sampling = true;
      const polling = reference.then(async (editor) => {
        while (sampling) {
          await lenses(editor.document.uri);
          await sleep(100);
        }
      });
      const [vscodeOwn] = await worstDelay('burnrateTest.ping', { ms: sampledMs });
      sampling = false;
      await polling;
      await reference;
      // A second of slack: the worker counting the file takes a core the host and the window share (seen here:
      // 660-900 ms against 230-260 ms on a loaded 2-core machine); a host-thread count of it took 1.8-5.9 s.
      assert.ok(
        burnrate < vscodeOwn + 1000,
        `the host answered after ${burnrate} ms while the agent file was counted, against ${vscodeOwn} ms for a plain .md of the same size: Burnrate blocks it`,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const p of paths) fs.rmSync(p, { force: true });
    }
  });
});
