// Cost diff in the editor: the "vs HEAD" lens on a changed prompt file and the Review Cost Changes command, against a
// real git repository this suite builds inside the workspace and opens through VS Code's git extension.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { GIT_ENV } from '../../gitEnv';
import type { ReviewSummary } from '../../../src/extension/diff/costDiff';
import type { GitApi, GitExtensionExports, GitRepository } from '../../../src/extension/diff/gitApi';
import { activated, lensesUntil, lensMatching, sleep, titles, workspaceRoot } from './editorHelpers';

const SUPPORT = 'prompts/support.md';
const REVIEW = '.github/prompts/review.prompt.md';
const OLD = 'prompts/old.md';
const NEW = 'prompts/new.md';
const SUPPORT_TEXT = [
  '# Support',
  'You help customers with orders.',
  '',
  '## Tone',
  'Friendly and brief.',
  '',
  '## Escalation',
  'Hand off to a human when asked.',
  '',
].join('\n');
const reviewPrompt = (model: string) => `---\nmodel: ${model}\n---\nReview the staged changes. Point out bugs.\n`;
const DELTA = /^≈?\+[\d,]+ tokens \(\+[\d,.]+%\) vs HEAD · \+\$[\d.]+\/call · \+\$[\d,.]+\/mo$/;

type TestRepository = GitRepository & { status(): Promise<void> };

let repoDir: string;
let api: GitApi;
let repository: TestRepository;

const file = (relative: string) => vscode.Uri.file(path.join(repoDir, relative));
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repoDir, env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(150);
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function replaceText(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, document.lineCount, 0), text));
}

describe('cost diff in the editor (git through the git extension)', function () {
  this.timeout(90_000);

  before(async () => {
    await activated();
    repoDir = path.join(workspaceRoot(), 'diff-repo');
    fs.rmSync(repoDir, { recursive: true, force: true });
    fs.mkdirSync(path.join(repoDir, '.github/prompts'), { recursive: true });
    fs.mkdirSync(path.join(repoDir, 'prompts'), { recursive: true });
    fs.writeFileSync(path.join(repoDir, SUPPORT), SUPPORT_TEXT);
    fs.writeFileSync(path.join(repoDir, REVIEW), reviewPrompt('claude-haiku-4-5'));
    fs.writeFileSync(path.join(repoDir, OLD), 'An old prompt about refunds. '.repeat(12));
    git('-c', 'init.defaultBranch=main', 'init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'prompts');
    const extension = vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
    assert.ok(extension, "VS Code's git extension is loaded");
    api = (await extension.activate()).getAPI(1);
    await until('the git extension to initialize', () => (api.state === 'initialized' ? true : undefined));
    await api.openRepository?.(vscode.Uri.file(repoDir));
    repository = await until(
      'the repository to open',
      () => (api.getRepository(file(SUPPORT)) as TestRepository | null) ?? undefined,
    );
    await until('HEAD to be known', () => repository.state.HEAD?.commit);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(repoDir, { recursive: true, force: true });
  });

  it('a lens says what the unsaved edit changes vs HEAD, per file and per section, and follows typing', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file(SUPPORT)));
    try {
      // Unchanged: no "vs HEAD" lens at all (the cost lens is there).
      await lensMatching(editor.document.uri, /tokens/);
      assert.ok(
        !titles(
          await vscode.commands.executeCommand<vscode.CodeLens[]>(
            'vscode.executeCodeLensProvider',
            editor.document.uri,
          ),
        ).some((t) => t.includes('vs HEAD')),
      );

      await replaceText(
        editor,
        SUPPORT_TEXT.replace(
          'Friendly and brief.',
          'Friendly and brief. Use the customer name and confirm order numbers back. '.repeat(3),
        ),
      );
      const first = await lensMatching(editor.document.uri, DELTA);
      const firstTokens = Number(/\+([\d,]+) tokens/.exec(first)![1]!.replace(/,/g, ''));
      const found = await lensesUntil(editor.document.uri, (t) =>
        t.some((x) => /^§ ≈?\+[\d,]+ tokens \(\+[\d,]+%\) vs HEAD/.test(x)) ? undefined : 'no section lens',
      );
      const section = found.find((l) => l.command?.title.startsWith('§'))!;
      assert.strictEqual(
        editor.document.lineAt(section.range.start.line).text,
        '## Tone',
        'the section lens sits on the heading that changed',
      );
      assert.strictEqual(found.filter((l) => l.command?.title.startsWith('§')).length, 1, 'only the changed section');

      // More typing: the lens follows.
      await editor.edit((edit) =>
        edit.insert(new vscode.Position(5, 0), 'Never promise delivery dates the carrier has not given. '.repeat(4)),
      );
      await lensesUntil(editor.document.uri, (t) => {
        const title = t.find((x) => DELTA.test(x));
        const tokens = title ? Number(/\+([\d,]+) tokens/.exec(title)![1]!.replace(/,/g, '')) : 0;
        return tokens > firstTokens ? undefined : `still ${title}`;
      });

      // Back to HEAD's text: the lens goes away.
      await replaceText(editor, SUPPORT_TEXT);
      await lensesUntil(editor.document.uri, (t) =>
        t.some((x) => x.includes('vs HEAD')) ? 'the vs HEAD lens is still there' : undefined,
      );
    } finally {
      await replaceText(editor, SUPPORT_TEXT);
      await editor.document.save();
    }
  });

  it('a model switch in frontmatter shows its cost with no token change', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file(REVIEW)));
    try {
      await replaceText(editor, reviewPrompt('claude-opus-4-1'));
      const title = await lensMatching(editor.document.uri, / vs HEAD · claude-haiku-4-5 → claude-opus-4-1/);
      assert.match(
        title,
        /^≈?±0 tokens \(0%\) vs HEAD · claude-haiku-4-5 → claude-opus-4-1[^ ]* · \+\$[\d.]+\/call · \+\$[\d,.]+\/mo$/,
      );
    } finally {
      await replaceText(editor, reviewPrompt('claude-haiku-4-5'));
      await editor.document.save();
    }
  });

  it('Review Cost Changes lists every changed prompt file by monthly change with the total; a row opens the diff editor', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.writeFileSync(
      path.join(repoDir, SUPPORT),
      SUPPORT_TEXT + '\n## Refunds\n' + 'Start a refund within the 30-day window and explain the steps. '.repeat(8),
    );
    fs.writeFileSync(path.join(repoDir, REVIEW), reviewPrompt('claude-opus-4-1'));
    fs.rmSync(path.join(repoDir, OLD));
    fs.writeFileSync(path.join(repoDir, NEW), 'Write a short, polite reply to the customer. '.repeat(6));
    fs.writeFileSync(path.join(repoDir, 'notes.txt'), 'not a prompt');
    await repository.status();
    await until('the git extension to see four changes', () => {
      const count = repository.state.workingTreeChanges.length + (repository.state.untrackedChanges?.length ?? 0);
      return count >= 5 ? true : undefined;
    });

    const summary = await vscode.commands.executeCommand<ReviewSummary>('burnrate.reviewCostChanges');
    assert.ok(summary.ok, summary.ok ? '' : summary.error);
    assert.strictEqual(summary.value.repositories.length, 1);
    const result = summary.value.repositories[0]!;
    assert.match(result.base, /^HEAD \([0-9a-f]{7}, main\)$/);
    const byPath = new Map(result.files.map((f) => [f.path, f]));
    assert.deepStrictEqual([...byPath.keys()].sort(), [REVIEW, NEW, OLD, SUPPORT].sort());
    assert.strictEqual(byPath.get(NEW)!.status, 'added');
    assert.strictEqual(byPath.get(OLD)!.status, 'deleted');
    assert.ok(byPath.get(OLD)!.perMonthDelta! < 0);
    assert.strictEqual(byPath.get(REVIEW)!.tokensDelta, 0);
    assert.ok(byPath.get(REVIEW)!.perMonthDelta! > 0);
    const deltas = result.files.map((f) => f.perMonthDelta!);
    assert.deepStrictEqual(
      deltas,
      [...deltas].sort((a, b) => b - a),
      'sorted by monthly change',
    );
    assert.ok(Math.abs(result.totalPerMonthDelta - deltas.reduce((a, b) => a + b, 0)) < 1e-9);
    assert.match(String(byPath.get(SUPPORT)!.item.description), /^\+\$[\d,.]+\/mo \(\+[\d.,]+%\) · ≈?\+[\d,]+ tokens$/);

    // Clicking a row runs its command: VS Code's diff editor, HEAD on the left, the working file on the right.
    const command = byPath.get(SUPPORT)!.item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const input = await until('a diff editor', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return tab instanceof vscode.TabInputTextDiff ? tab : undefined;
    });
    assert.strictEqual(input.original.scheme, 'git');
    assert.strictEqual(input.original.fsPath, file(SUPPORT).fsPath);
    assert.strictEqual(input.modified.toString(), file(SUPPORT).toString());

    // The view stays: the command's figures are what the tree shows.
    const view = await vscode.commands.executeCommand('burnrate.costChanges.focus').then(
      () => true,
      () => false,
    );
    assert.ok(view, 'the Prompt Cost Changes view can be shown');
  });

  it('a file with conflict markers is listed as not comparable, with the reason', async () => {
    fs.writeFileSync(
      path.join(repoDir, SUPPORT),
      ['# Support', '<<<<<<< HEAD', 'ours', '=======', 'theirs', '>>>>>>> other', ''].join('\n'),
    );
    await repository.status();
    const summary = await vscode.commands.executeCommand<ReviewSummary>('burnrate.reviewCostChanges');
    assert.ok(summary.ok);
    const uncompared = summary.value.repositories[0]!.uncompared;
    assert.deepStrictEqual(
      uncompared.map((u) => u.path),
      [SUPPORT],
    );
    assert.match(uncompared[0]!.reason, /merge conflict markers in working tree \(line 2\)/);
  });

  it('a pathological file in the diff does not block the host: another command answers within a second (issue 10)', async () => {
    // Two megabytes of spaces before a letter: one pre-token, seconds of counting. The review compares it in the worker.
    const hostile = 'prompts/hostile.prompt.md';
    fs.writeFileSync(path.join(repoDir, hostile), `# Hostile\n${' '.repeat(2_000_000)}x\n`);
    const ping = vscode.commands.registerCommand('burnrateTest.diffPing', () => 'pong');
    try {
      await repository.status();
      await until('the git extension to see the new file', () =>
        [...repository.state.workingTreeChanges, ...(repository.state.untrackedChanges ?? [])].some((c) =>
          c.uri.fsPath.endsWith('hostile.prompt.md'),
        )
          ? true
          : undefined,
      );
      const reviewing = vscode.commands.executeCommand<ReviewSummary>('burnrate.reviewCostChanges');
      let done = false;
      void reviewing.then(
        () => (done = true),
        () => (done = true),
      );
      // For as long as the review runs: how late a 50 ms timer fires plus how long a command takes to answer. A file
      // compared on the host's thread holds both back for the seconds it takes to count.
      let worst = 0;
      let probes = 0;
      while (!done) {
        const asked = Date.now();
        await sleep(50);
        const answer = await vscode.commands.executeCommand<string>('burnrateTest.diffPing');
        assert.strictEqual(answer, 'pong');
        worst = Math.max(worst, Date.now() - asked - 50);
        probes++;
      }
      assert.ok(probes > 0);
      assert.ok(worst < 1000, `the extension host answered after ${worst} ms during the review: something blocks it`);
      const summary = await reviewing;
      assert.ok(summary.ok, summary.ok ? '' : summary.error);
      const result = summary.value.repositories[0]!;
      const compared = result.files.find((f) => f.path === hostile);
      const notCompared = result.uncompared.find((u) => u.path === hostile);
      // Either outcome is honest (a fast machine counts it within the budget); a silent $0 is not.
      if (notCompared) {
        assert.match(notCompared.reason, /^too large to compare here \(not compared within \d+ s\)/);
        assert.strictEqual(notCompared.severity, 'error');
      } else
        assert.ok(compared && compared.tokensDelta > 0, `${hostile} is neither compared nor listed as not compared`);
    } finally {
      ping.dispose();
      fs.rmSync(path.join(repoDir, hostile), { force: true });
    }
  });
});
