// "Burnrate: Show Cost History" in a real VS Code: a repository this suite builds inside the workspace, opened through
// the Git extension, with a prompt committed a few times. The panel draws the same points `burnrate history --json`
// prints for the file, marks the step over the threshold, keeps commit messages as text, and a click opens the diff.
// In the examples suite, not the main one: after the main suite's cost-diff tests delete a repository the Git
// extension still has open, `vscode.diff` on that extension's git: URIs never resolves, so a clicked point's diff
// never opens there (seen in CI 2026-12-02). A fresh window has no such repository.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { GIT_ENV } from '../../gitEnv';
import type { GitExtensionExports, GitRepository } from '../../../src/extension/diff/gitApi';
import type { ShowHistoryResult } from '../../../src/extension/history/costHistory';
import { EXTENSION_ID, activated, sleep, workspaceRoot } from '../suite/editorHelpers';

const PROMPT = 'prompts/support.md';
const USAGE = 'defaults:\n  model: gpt-4o\n  callsPerDay: 1000\n  outputTokens: 0\n';
const EVIL = '<img src=x onerror="alert(1)"> & <b>bold</b>';
const versions = [
  'You help customers with orders.',
  'You help customers with orders. Be brief.',
  'You help customers with orders, refunds and shipping. Be friendly, brief and concrete; hand off to a human on request. '.repeat(
    4,
  ),
];

let repoDir: string;

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repoDir, env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

async function until<T>(what: string, probe: () => T | undefined | null, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = probe();
    if (value !== undefined && value !== null) return value;
    await sleep(150);
  }
  assert.fail(`timed out waiting for ${what}`);
}

interface CliPoint {
  commit: string;
  perMonthUsd: number | null;
  deltaPerMonthUsd: number | null;
  inputTokens: number | null;
}

describe('cost history in the editor (Show Cost History)', function () {
  this.timeout(240_000);

  before(async () => {
    await activated();
    repoDir = path.join(workspaceRoot(), 'history-repo');
    fs.rmSync(repoDir, { recursive: true, force: true });
    fs.mkdirSync(path.join(repoDir, 'prompts'), { recursive: true });
    git('-c', 'init.defaultBranch=main', 'init', '-q');
    fs.writeFileSync(path.join(repoDir, '.burnrate.yaml'), USAGE);
    const subjects = ['add the support prompt', 'a little longer', EVIL];
    versions.forEach((text, i) => {
      fs.writeFileSync(path.join(repoDir, PROMPT), text);
      git('add', '-A');
      git('commit', '-q', '-m', subjects[i]!);
    });
    const api = (await vscode.extensions.getExtension<GitExtensionExports>('vscode.git')!.activate()).getAPI(1);
    await until('the git extension to initialize', () => (api.state === 'initialized' ? true : undefined));
    await api.openRepository?.(vscode.Uri.file(repoDir));
    const repository = await until<GitRepository>('the repository to open', () =>
      api.getRepository(vscode.Uri.file(path.join(repoDir, PROMPT))),
    );
    await until('HEAD to be known', () => repository.state.HEAD?.commit);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(repoDir, { recursive: true, force: true });
  });

  it('draws the points `burnrate history --json` prints, marks the big step, opens the diff of a clicked point', async () => {
    const uri = vscode.Uri.file(path.join(repoDir, PROMPT));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const result = await vscode.commands.executeCommand<ShowHistoryResult>('burnrate.showCostHistory', {
      waitForRender: true,
      clickPoint: 2,
    });
    assert.ok(result.ok, result.ok ? '' : result.error);
    const rendered = result.value.rendered!;

    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'out', 'cli.js');
    const json = execFileSync(process.execPath, [cli, 'history', '--json', PROMPT], {
      cwd: repoDir,
      encoding: 'utf8',
      env: { ...GIT_ENV, ELECTRON_RUN_AS_NODE: '1' },
    });
    const expected = (JSON.parse(json) as { files: { points: CliPoint[] }[] }).files[0]!.points;
    assert.strictEqual(expected.length, 3);
    assert.deepStrictEqual(
      rendered.points.map(({ commit, perMonthUsd, deltaPerMonthUsd, inputTokens }) => ({
        commit,
        perMonthUsd,
        deltaPerMonthUsd,
        inputTokens,
      })),
      expected.map(({ commit, perMonthUsd, deltaPerMonthUsd, inputTokens }) => ({
        commit,
        perMonthUsd,
        deltaPerMonthUsd,
        inputTokens,
      })),
    );
    // +20% by default: the second commit adds a few tokens (well over 20% of a one-line prompt), the third many more.
    assert.deepStrictEqual(
      rendered.points.map((p) => p.marked),
      [false, true, true],
    );
    assert.ok(rendered.chartInk > 0, 'the chart has paint on it');
    assert.strictEqual(rendered.rows, 3);
    assert.deepStrictEqual(rendered.cspViolations, []);
    const tooltip = rendered.tooltips[2]!;
    assert.match(tooltip[0]!, new RegExp(`^${expected[2]!.commit.slice(0, 7)} · \\d{4}-\\d{2}-\\d{2} · Test$`));
    assert.strictEqual(tooltip[1], EVIL, 'the commit message is shown as it is, as text');
    assert.match(tooltip[2]!, /\/month \(\+\$[\d,.]+\) ▲ marked$/);

    const opened = result.value.opened;
    assert.ok(opened && 'diff' in opened, `a diff was opened: ${JSON.stringify(opened)}`);
    const [left, right] = opened.diff.map((u) => vscode.Uri.from(u));
    assert.strictEqual(left!.scheme, 'git');
    assert.strictEqual(right!.scheme, 'git');
    const third = expected[2]!.commit;
    assert.strictEqual((JSON.parse(right!.query) as { ref: string }).ref, third);
    assert.strictEqual((JSON.parse(left!.query) as { ref: string }).ref, `${third}^`);
    const tab = await until('the diff tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === right!.toString()),
    );
    assert.match(tab.label, /support\.md \(\w{7}\^ ↔ \w{7}\) · cost/);
  });

  it('says so in the panel for a file outside any repository, without throwing', async () => {
    const outside = vscode.Uri.file(path.join(workspaceRoot(), 'not-in-git-history.md'));
    const result = await vscode.commands.executeCommand<ShowHistoryResult>('burnrate.showCostHistory', {
      file: outside,
    });
    assert.strictEqual(result.ok, false);
  });
});
