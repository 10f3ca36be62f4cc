// "In an untrusted workspace nothing spawns git": a real repository with a changed prompt file sits in the workspace;
// Burnrate's cost diff must not reach git (no "vs HEAD" lens, the review says why) and start no process at all.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { GIT_ENV } from '../../gitEnv';
import type { ReviewSummary } from '../../../src/extension/diff/costDiff';
import type { ShowHistoryResult } from '../../../src/extension/history/costHistory';
import { EXTENSION_ID, activated, lenses, lensMatching, sleep, titles, workspaceRoot } from '../suite/editorHelpers';
import { describeSpawns, SpawnRecorder } from './spawnRecorder';

const PROMPT = 'prompts/support.md';
const TEXT = '# Support\nYou help customers with orders.\n\n## Tone\nFriendly and brief.\n';

describe('Restricted Mode: the cost diff runs no git and says why', function () {
  this.timeout(60_000);
  const recorder = new SpawnRecorder();
  let repoDir: string;
  let bundle: string;

  before(async () => {
    await activated();
    bundle = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'out', 'extension.js');
    repoDir = path.join(workspaceRoot(), 'untrusted-repo');
    fs.rmSync(repoDir, { recursive: true, force: true });
    fs.mkdirSync(path.join(repoDir, 'prompts'), { recursive: true });
    fs.writeFileSync(path.join(repoDir, PROMPT), TEXT);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repoDir, env: GIT_ENV, stdio: 'ignore' });
    git('-c', 'init.defaultBranch=main', 'init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'prompt');
    fs.writeFileSync(path.join(repoDir, PROMPT), TEXT + 'Confirm order numbers back to the customer. '.repeat(10));
    recorder.start(); // after this suite's own git calls
  });

  after(async () => {
    recorder.stop();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(repoDir, { recursive: true, force: true });
  });

  it('the recorder sees a process started in the extension host (so its silence below means something)', () => {
    const before = recorder.spawned.length;
    execFileSync('true');
    assert.strictEqual(recorder.spawned.length, before + 1);
    assert.strictEqual(recorder.spawned.pop()!.command, 'true');
  });

  it('a changed prompt file in a repository: cost lenses, but no "vs HEAD" lens', async () => {
    const uri = vscode.Uri.file(path.join(repoDir, PROMPT));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await lensMatching(editor.document.uri, /^[\d,]+ tokens · \$[\d.]+\/call/);
    // An unsaved edit too: in a trusted workspace both make a "vs HEAD" lens (diff.test.ts).
    await editor.edit((edit) =>
      edit.insert(new vscode.Position(0, 0), 'Always greet the customer by name. '.repeat(5)),
    );
    await sleep(1500); // the delta lens refreshes on a debounce
    assert.ok(
      !titles(await lenses(editor.document.uri)).some((t) => t.includes('vs HEAD')),
      titles(await lenses(editor.document.uri)).join('\n'),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Review Cost Changes reviews nothing and says it is Restricted Mode (not "git missing")', async () => {
    const summary = await vscode.commands.executeCommand<ReviewSummary>('burnrate.reviewCostChanges');
    assert.ok(!summary.ok, 'nothing was reviewed');
    assert.match(summary.error, /only in a trusted workspace \(Restricted Mode runs no git\)\. Trust this folder/);
  });

  it('Show Cost History refuses with a message (and starts no worker, no git)', async () => {
    const uri = vscode.Uri.file(path.join(repoDir, PROMPT));
    const result = await vscode.commands.executeCommand<ShowHistoryResult>('burnrate.showCostHistory', uri);
    assert.ok(result && !result.ok, JSON.stringify(result));
    assert.match(
      result.error,
      /cost history from git only in a trusted workspace \(Restricted Mode runs no git\)\. Trust this folder/,
    );
    assert.ok(
      !vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('burnrate.costHistory')),
    );
  });

  it('no process was started by Burnrate, and no git by anyone, during all of the above', () => {
    const burnrate = recorder.spawned.filter((s) => s.stack.includes(bundle));
    const git = recorder.spawned.filter((s) => /(^|\/)git( |$)/.test(s.command));
    assert.deepStrictEqual(burnrate, [], describeSpawns(burnrate));
    assert.deepStrictEqual(git, [], describeSpawns(git));
  });

  it('the loaded bundle does not even load child_process', () => {
    const source = fs.readFileSync(bundle, 'utf8');
    assert.ok(source.length > 10_000, `${bundle} looks empty`);
    assert.doesNotMatch(source, /require\(["'](node:)?child_process["']\)/);
  });
});
