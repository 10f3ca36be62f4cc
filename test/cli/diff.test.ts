import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GIT_ENV } from '../gitEnv';
import { runCli, type CliRun } from './runCli';
import { Repo, removeTemps, temps } from './tempRepo';

const SUPPORT = 'prompts/support.md';
const REVIEW = '.github/prompts/review.prompt.md';
const SUPPORT_TEXT = [
  '# Support assistant',
  'You help customers with orders, refunds and shipping.',
  '',
  '## Tone',
  'Friendly, brief, concrete.',
  '',
  '## Escalation',
  'Hand off to a human when the customer asks for one.',
  '',
].join('\n');
const GROWN_TEXT = SUPPORT_TEXT.replace(
  'Friendly, brief, concrete.',
  'Friendly, brief, concrete. Use the customer name. Never blame the customer. Confirm order numbers back. '.repeat(12),
);

function reviewPrompt(model: string): string {
  return `---\nmode: agent\nmodel: ${model}\n---\nReview the staged changes. Point out bugs and unclear names.\n`;
}

/** A repository with a support prompt, a review prompt on haiku and a non-prompt file, committed once. */
function baseRepo(): Repo {
  return Repo.create()
    .write(SUPPORT, SUPPORT_TEXT)
    .write(REVIEW, reviewPrompt('claude-haiku-4-5'))
    .write('src/app.ts', 'export {};\n')
    .commit('initial');
}

interface JsonDoc {
  base: string;
  head: string;
  usageFile: { path: string | null; pricing: string; changed: boolean };
  totals: {
    files: number;
    units: number;
    before: { costPerMonthUsd: number };
    after: { costPerMonthUsd: number };
    delta: { costPerMonthUsd: number; costPercent: number | null; inputTokens: number };
  };
  files: {
    path: string;
    basePath: string | null;
    status: string;
    before: { inputTokens: number; costPerMonthUsd: number | null };
    after: { inputTokens: number; costPerMonthUsd: number | null };
    delta: { inputTokens: number; costPerMonthUsd: number | null; inputTokensPercent: number | null };
    notes: string[];
    units: {
      name: string;
      status: string;
      before: { model: string; inputTokens: number; costPerCallUsd: number | null } | null;
      after: { model: string; inputTokens: number; costPerCallUsd: number | null } | null;
      delta: { inputTokens: number };
      sections: { title: string }[];
    }[];
  }[];
  uncompared: { path: string; severity: string; code: string; reason: string }[];
  gates: { gate: string; tripped: boolean; files: string[] }[];
}

function json(run: CliRun): JsonDoc {
  assert.ok(run.stdout.trim().startsWith('{'), `not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout) as JsonDoc;
}

/** One clear line on stderr, exit 2, nothing that looks like a stack trace. */
function assertCleanError(run: CliRun, pattern: RegExp): void {
  assert.strictEqual(run.code, 2, `exit ${run.code}\n${run.stdout}\n${run.stderr}`);
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at |internal error|Error:/, run.stderr);
}

describe('burnrate diff (built CLI, real git repositories)', function () {
  this.timeout(60_000);
  after(removeTemps);

  it('a grown prompt file: --fail-on-increase-percent 10 exits 1 and names the file', () => {
    const repo = baseRepo().write(SUPPORT, GROWN_TEXT);
    const run = repo.diff(['--fail-on-increase-percent', '10']);
    assert.strictEqual(run.code, 1, run.stdout + run.stderr);
    assert.match(
      run.stderr,
      /gate tripped: 1 file grew by more than 10% \(--fail-on-increase-percent\): prompts\/support\.md \+\d+% in/,
    );
    const row = run.stdout.split('\n').find((l) => l.includes(`${SUPPORT}#`));
    assert.ok(row, run.stdout);
    assert.match(row!, /^\s+~ prompts\/support\.md#support\s+\+\$[\d,.]+\/mo\s+\(\$[\d,.]+ → \$[\d,.]+\)/);
    assert.match(run.stdout, /§ Tone: ≈\+\d+ tokens/);
    assert.match(run.stdout, /^Monthly cost change: \+\$[\d,.]+ \(\+[\d.]+%\)/m);
    assert.match(run.stdout, /^Cost diff: HEAD \([0-9a-f]{7}, main\) → working tree$/m);

    const quiet = repo.diff(['--fail-on-increase-percent', '100000']);
    assert.strictEqual(quiet.code, 0, quiet.stderr);
  });

  it('no changes: exit 0 and says so; non-prompt changes are not listed', () => {
    const repo = baseRepo().write('src/app.ts', 'export const x = 1;\n');
    const run = repo.diff(['--fail-on-increase-usd-month', '0']);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stdout, /No cost changes/);
    assert.doesNotMatch(run.stdout, /app\.ts/);
  });

  it('a model switch in frontmatter (haiku → opus) shows its cost with unchanged text', () => {
    const repo = baseRepo().write(REVIEW, reviewPrompt('claude-opus-4-1'));
    const doc = json(repo.diff(['--json', '--fail-on-increase-usd-month', '1']));
    const file = doc.files.find((f) => f.path === REVIEW)!;
    assert.strictEqual(file.delta.inputTokens, 0);
    assert.ok(file.delta.costPerMonthUsd! > 0);
    const unit = file.units[0]!;
    assert.strictEqual(unit.before!.model, 'claude-haiku-4-5');
    assert.match(unit.after!.model, /^claude-opus-4-1/);
    assert.ok(unit.after!.costPerCallUsd! > unit.before!.costPerCallUsd!);
    assert.ok(file.notes.some((n) => /model claude-haiku-4-5 → claude-opus-4-1/.test(n)));
    assert.deepStrictEqual(
      doc.gates.map((g) => [g.gate, g.tripped]),
      [['increase-usd-month', true]],
    );
  });

  it('untracked new files count from zero, deleted files go to zero, git mv renames are followed', () => {
    const repo = baseRepo()
      .write('prompts/old.md', 'An old prompt about refunds. '.repeat(10))
      .write('prompts/summary.md', 'Summarize the ticket in three bullets. '.repeat(8))
      .commit('more prompts');
    repo.remove('prompts/old.md');
    repo.git('mv', 'prompts/summary.md', 'prompts/digest.md');
    repo.write('prompts/digest.md', 'Summarize the ticket in three bullets. '.repeat(8) + 'Add a title.\n');
    repo.write('prompts/brand-new.md', 'Write a polite reply to the customer. '.repeat(5));
    const doc = json(repo.diff(['--json']));
    const byPath = new Map(doc.files.map((f) => [f.path, f]));
    const added = byPath.get('prompts/brand-new.md')!;
    assert.strictEqual(added.status, 'added');
    assert.strictEqual(added.before.inputTokens, 0);
    assert.strictEqual(added.before.costPerMonthUsd, 0);
    assert.strictEqual(added.units[0]!.before, null);
    const deleted = byPath.get('prompts/old.md')!;
    assert.strictEqual(deleted.status, 'deleted');
    assert.strictEqual(deleted.after.inputTokens, 0);
    assert.strictEqual(deleted.after.costPerMonthUsd, 0);
    const renamed = byPath.get('prompts/digest.md')!;
    assert.strictEqual(renamed.status, 'renamed');
    assert.strictEqual(renamed.basePath, 'prompts/summary.md');
    assert.ok(
      renamed.delta.inputTokens > 0 && renamed.delta.inputTokens < 10,
      `only "Add a title." is new: ${renamed.delta.inputTokens}`,
    );
    const total = doc.files.reduce((s, f) => s + f.delta.costPerMonthUsd!, 0);
    assert.ok(Math.abs(doc.totals.delta.costPerMonthUsd - total) < 1e-9);
    const sorted = doc.files.map((f) => f.delta.costPerMonthUsd!);
    assert.deepStrictEqual(
      sorted,
      [...sorted].sort((a, b) => b - a),
    );
  });

  it('--staged compares only what is staged; --base/--head compare two commits', () => {
    const repo = baseRepo();
    const first = repo.git('rev-parse', 'HEAD').trim();
    repo.write(SUPPORT, GROWN_TEXT).commit('grow support');
    repo.write(REVIEW, reviewPrompt('claude-opus-4-1'));
    repo.git('add', REVIEW);
    repo.write('prompts/unstaged.md', 'Not staged yet. '.repeat(5));

    const staged = json(repo.diff(['--staged', '--json']));
    assert.deepStrictEqual(
      staged.files.map((f) => f.path),
      [REVIEW],
    );
    assert.strictEqual(staged.head, 'index (staged)');

    const commits = json(repo.diff(['--base', first, '--head', 'main', '--json']));
    assert.deepStrictEqual(
      commits.files.map((f) => f.path),
      [SUPPORT],
    );
    assert.match(commits.base, new RegExp(`^${first} \\(${first.slice(0, 7)}\\)$`));
    assert.match(commits.head, /^main \([0-9a-f]{7}\)$/);

    const limited = json(repo.diff(['--json', 'prompts']));
    assert.deepStrictEqual(
      limited.files.map((f) => f.path),
      ['prompts/unstaged.md'],
    );
  });

  it('--merge-base compares against where the branch left main', () => {
    const repo = baseRepo();
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write(SUPPORT, GROWN_TEXT).commit('feature grows support');
    repo.git('checkout', '-q', 'main');
    repo.write(REVIEW, reviewPrompt('claude-opus-4-1')).commit('main switches model');
    repo.git('checkout', '-q', 'feature');
    const plain = json(repo.diff(['--base', 'main', '--head', 'HEAD', '--json']));
    assert.deepStrictEqual(plain.files.map((f) => f.path).sort(), [REVIEW, SUPPORT].sort(), 'main moved on since');
    const mergeBase = json(repo.diff(['--base', 'main', '--merge-base', '--head', 'HEAD', '--json']));
    assert.deepStrictEqual(
      mergeBase.files.map((f) => f.path),
      [SUPPORT],
    );
    assert.match(mergeBase.base, /^merge base of main/);
  });

  it('--markdown prints a PR comment with the total, a row per unit and the tripped gate', () => {
    const repo = baseRepo().write(SUPPORT, GROWN_TEXT);
    const run = repo.diff(['--markdown', '--fail-on-increase-percent', '5']);
    assert.strictEqual(run.code, 1);
    assert.match(run.stdout, /^### Burnrate cost diff$/m);
    assert.match(run.stdout, /^\*\*Monthly cost change: \+\$[\d,.]+ \(\+[\d.]+%\)\*\*/m);
    assert.match(run.stdout, /^\| ~ \| `prompts\/support\.md`#support \| claude-sonnet-5 \|/m);
    assert.match(run.stdout, /^> \*\*Cost gate tripped:\*\* .*prompts\/support\.md/m);
  });

  it('each side is priced with its own .burnrate.yaml; --usage-from-head prices both with the head one', () => {
    const repo = baseRepo().write('.burnrate.yaml', 'defaults:\n  model: gpt-4o-mini\n').commit('usage');
    repo.write('.burnrate.yaml', 'defaults:\n  model: gpt-4o\n');
    const each = json(repo.diff(['--json']));
    assert.deepStrictEqual(each.usageFile, {
      path: '.burnrate.yaml',
      pricing: 'each-side',
      changed: true,
      problems: [],
    });
    const support = each.files.find((f) => f.path === SUPPORT)!;
    assert.strictEqual(support.status, 'repriced');
    assert.strictEqual(support.delta.inputTokens, 0);
    assert.ok(support.delta.costPerMonthUsd! > 0, 'gpt-4o costs more than gpt-4o-mini');
    assert.ok(
      !each.files.some((f) => f.path === REVIEW),
      'its model is set in frontmatter: the usage default does not reach it',
    );
    const text = repo.diff();
    assert.match(text.stdout, /\.burnrate\.yaml changed: each side is priced with its own/);

    const head = json(repo.diff(['--json', '--usage-from-head']));
    assert.strictEqual(head.usageFile.pricing, 'head-for-both');
    assert.deepStrictEqual(head.files, []);
  });

  it('detached HEAD is compared as HEAD and says so', () => {
    const repo = baseRepo().write(SUPPORT, GROWN_TEXT).commit('grow');
    repo.git('checkout', '-q', '--detach', 'HEAD~1');
    repo.write(REVIEW, reviewPrompt('claude-opus-4-1'));
    const run = repo.diff();
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Cost diff: HEAD \(detached at [0-9a-f]{7}\) → working tree$/m);
    assert.match(run.stdout, /review\.prompt\.md#review/);
  });

  describe('bad input: one clear message, exit 2', () => {
    it('not a git repository', () => {
      const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-norepo-')));
      temps.push(dir);
      assertCleanError(
        runCli(['diff'], dir, GIT_ENV),
        /^burnrate diff: not a git repository \(nor any parent folder\): /,
      );
    });

    it('git not installed', () => {
      const repo = baseRepo();
      assertCleanError(
        repo.diff([], repo.dir, { PATH: path.join(repo.dir, 'no-bin-here') }),
        /^burnrate diff: git is not installed \(or not on PATH\)/,
      );
    });

    it('a base ref that does not exist', () => {
      assertCleanError(
        baseRepo().diff(['--base', 'no-such-branch']),
        /--base no-such-branch: no commit, branch or tag by that name/,
      );
      assertCleanError(baseRepo().diff(['--head', 'v9.9']), /--head v9\.9: no commit, branch or tag by that name/);
    });

    it('a ref beyond a shallow clone says to fetch more history', () => {
      const origin = baseRepo()
        .write(SUPPORT, GROWN_TEXT)
        .commit('two')
        .write(REVIEW, reviewPrompt('gpt-4o'))
        .commit('three');
      const clone = Repo.create();
      fs.rmSync(clone.dir, { recursive: true });
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, clone.dir], {
        env: { ...process.env, ...GIT_ENV },
      });
      assertCleanError(
        clone.diff(['--base', 'HEAD~2']),
        /not in this shallow clone's history: fetch more history \(git fetch --deepen=100.*fetch-depth: 0/,
      );
      const ok = clone.diff(['--base', 'HEAD']);
      assert.strictEqual(ok.code, 0, ok.stderr);
    });

    it('an empty repository with no commits', () => {
      const repo = Repo.create().write(SUPPORT, SUPPORT_TEXT);
      assertCleanError(repo.diff(), /this repository has no commits yet, so there is no HEAD to compare with/);
    });

    it('a file that is binary at one side', () => {
      const repo = baseRepo().write('prompts/blob.md', 'A text prompt.\n').commit('text');
      repo.write('prompts/blob.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
      repo.write(SUPPORT, GROWN_TEXT);
      const run = repo.diff();
      assertCleanError(run, /1 changed file could not be compared:\n {2}prompts\/blob\.md: binary in working tree/);
      assert.match(run.stdout, /prompts\/support\.md#support/, 'the rest is still reported');
    });

    it('a file with merge conflict markers', () => {
      const repo = baseRepo();
      repo.git('checkout', '-q', '-b', 'other');
      repo.write(SUPPORT, SUPPORT_TEXT.replace('Friendly', 'Formal')).commit('formal');
      repo.git('checkout', '-q', 'main');
      repo.write(SUPPORT, SUPPORT_TEXT.replace('Friendly', 'Casual')).commit('casual');
      assert.throws(() => repo.git('merge', '-q', 'other'));
      assertCleanError(
        repo.diff(),
        /prompts\/support\.md: merge conflict markers in working tree \(line \d+\): resolve the conflict/,
      );
      assertCleanError(
        repo.diff(['--staged']),
        /prompts\/support\.md: unmerged in index \(staged\) \(merge conflict\)/,
      );
    });

    it('a path outside the repository', () => {
      const repo = baseRepo();
      assertCleanError(repo.diff([os.tmpdir()]), /is outside the repository/);
      assertCleanError(repo.diff(['../elsewhere.md']), /\.\.\/elsewhere\.md is outside the repository/);
    });

    it('conflicting or malformed options', () => {
      assertCleanError(baseRepo().diff(['--json', '--markdown']), /choose one of --json and --markdown/);
      assertCleanError(baseRepo().diff(['--base=-x']), /--base needs a ref/);
      assertCleanError(baseRepo().diff(['--fail-on-increase-percent', 'ten']), /needs a number of at least 0/);
    });
  });

  it('control characters in a path or heading never reach the terminal raw; --json still round-trips them', () => {
    const name = 'prompts/red\u001b[31m\u202eevil.md';
    const repo = baseRepo().write(name, '# Title \u001b]0;owned\u0007 here\nSome text to count.\n');
    const run = repo.diff();
    assert.strictEqual(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout + run.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    assert.ok(run.stdout.includes('prompts/red\\u001b[31m\\u202eevil.md#'), run.stdout);
    const doc = json(repo.diff(['--json']));
    assert.ok(
      doc.files.some((f) => f.path === name),
      'JSON escapes decode to the real path',
    );
  });

  describe('git and the file system, consistently', () => {
    it('a symlink out of the repository is not read by diff or estimate; one inside is followed by both', () => {
      const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-outside-')));
      temps.push(outside);
      fs.writeFileSync(path.join(outside, 'secrets.md'), '# AWS_SECRET_KEY=abc\n# DB_PASSWORD=hunter2\n');
      const repo = baseRepo();
      fs.symlinkSync(path.join(outside, 'secrets.md'), path.join(repo.dir, 'prompts/leak.md'));
      fs.symlinkSync('support.md', path.join(repo.dir, 'prompts/alias.md'));
      const run = repo.diff();
      assertCleanError(run, /prompts\/leak\.md: a symlink to outside the workspace: not read \(working tree\)/);
      assert.doesNotMatch(run.stdout + run.stderr, /AWS_SECRET|hunter2/);
      assert.match(run.stdout, /\+ prompts\/alias\.md#alias/);
      const estimate = runCli(['estimate', 'prompts'], repo.dir, GIT_ENV);
      assert.strictEqual(estimate.code, 0, estimate.stderr);
      assert.match(estimate.stdout, /prompts\/leak\.md: a symlink to outside the workspace: not read/);
      assert.match(estimate.stdout, /prompts\/alias\.md/);
      assert.doesNotMatch(estimate.stdout, /AWS_SECRET|hunter2/);
    });

    it('a named FIFO and a folder named like a prompt are listed as skipped, never read', function () {
      if (process.platform === 'win32') this.skip();
      const repo = baseRepo();
      execFileSync('mkfifo', [path.join(repo.dir, 'prompts/pipe.md')]);
      fs.mkdirSync(path.join(repo.dir, 'prompts/folder.prompt.md'));
      const run = runCli(['estimate', 'prompts/pipe.md', 'prompts/folder.prompt.md', SUPPORT], repo.dir, GIT_ENV);
      assert.strictEqual(run.code, 0, run.stderr);
      assert.match(run.stdout, /prompts\/pipe\.md: a named pipe \(FIFO\): not read/);
      assert.match(run.stdout, /prompts\/folder\.prompt\.md: a folder named like a prompt file/);
      const walked = runCli(['estimate', 'prompts'], repo.dir, GIT_ENV);
      assert.match(walked.stdout, /prompts\/pipe\.md: a named pipe \(FIFO\): not read/);
    });

    it('a Git LFS pointer is reported as such; conflict markers quoted in a code fence are not a conflict', () => {
      const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${'ab'.repeat(32)}\nsize 48213\n`;
      const fenced =
        SUPPORT_TEXT + '\n## Resolving conflicts\n```\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> branch\n```\n';
      const repo = baseRepo().write('prompts/big.md', pointer).write(SUPPORT, fenced);
      const run = repo.diff();
      assertCleanError(run, /prompts\/big\.md: a Git LFS pointer, not the file itself: run `git lfs pull` to count it/);
      assert.match(run.stdout, /~ prompts\/support\.md#support/);
      assert.match(runCli(['estimate', 'prompts/big.md'], repo.dir, GIT_ENV).stdout, /a Git LFS pointer/);
    });

    it('a file named ..notes is inside the repository', () => {
      const repo = baseRepo().write('..notes.prompt.md', 'Notes.\n').commit('notes');
      const run = repo.diff(['..notes.prompt.md']);
      assert.strictEqual(run.code, 0, run.stderr);
    });

    it("a repository's core.fsmonitor runs nothing", () => {
      const repo = baseRepo().write(SUPPORT, GROWN_TEXT);
      const marker = path.join(repo.dir, 'fsmonitor-ran');
      const hook = path.join(repo.dir, 'hook.sh');
      fs.writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
      repo.git('config', 'core.fsmonitor', hook);
      const run = repo.diff();
      assert.strictEqual(run.code, 0, run.stderr);
      assert.ok(!fs.existsSync(marker), "git ran the repository's fsmonitor hook");
    });
  });

  describe('the CI gate cannot be bypassed', () => {
    const grown = (model: string) =>
      `---\nmode: agent\nmodel: ${model}\n---\n${'Check every changed line for bugs and unclear names. '.repeat(9000)}\n`;

    it('a changed prompt over --max-bytes is not reported as $0.00: exit 2 with the reason', () => {
      const repo = baseRepo().write(REVIEW, grown('claude-haiku-4-5'));
      const run = repo.diff(['--max-bytes', '1000', '--fail-on-increase-usd-month', '1']);
      assertCleanError(
        run,
        /1 changed file could not be compared:\n {2}\.github\/prompts\/review\.prompt\.md: over the 1000 bytes size limit in working tree \([\d.]+ KB\): its cost change is unknown/,
      );
      assert.match(run.stdout, /! \.github\/prompts\/review\.prompt\.md: over the 1000 bytes size limit/);
      const doc = json(repo.diff(['--max-bytes', '1000', '--json']));
      assert.deepStrictEqual(
        doc.uncompared.map((u) => [u.path, u.severity, u.code, u.reason.split(' (')[0]]),
        [[REVIEW, 'error', 'too-large', 'over the 1000 bytes size limit in working tree']],
      );
    });

    it('switching a prompt to a model with no price trips the gate and names the unit', () => {
      const repo = baseRepo().write(REVIEW, grown('acme-unpriced-model-9'));
      const run = repo.diff(['--fail-on-increase-usd-month', '1']);
      assert.strictEqual(run.code, 1, run.stdout + run.stderr);
      assert.match(
        run.stderr,
        /gate tripped: 1 changed unit has no price, so the gate cannot check its cost .*\.github\/prompts\/review\.prompt\.md#review \(no price for acme-unpriced-model-9\)/,
      );
      assert.match(run.stdout, /^Monthly cost change of the priced units: /m);
      const doc = json(repo.diff(['--json', '--fail-on-increase-percent', '1000000000']));
      assert.deepStrictEqual(
        doc.gates.map((g) => [g.gate, g.tripped]),
        [
          ['increase-percent', false],
          ['unpriced', true],
        ],
      );
      assert.strictEqual(repo.diff().code, 0, 'without a gate it is reported, not failed');
    });

    it("the pull request's own .burnrate.yaml with a $0 price does not pass the README recipe (--usage-from-base)", () => {
      const repo = baseRepo();
      repo.git('checkout', '-q', '-b', 'pr');
      repo.write('.burnrate.yaml', 'prices:\n  - model: claude-haiku-4-5\n    inputPerMTok: 0\n    outputPerMTok: 0\n');
      repo.write(REVIEW, grown('claude-haiku-4-5')).commit('free haiku, long prompt');
      const recipe = ['--base', 'main', '--merge-base', '--head', 'HEAD', '--fail-on-increase-usd-month', '50'];
      const fooled = repo.diff(recipe);
      assert.strictEqual(fooled.code, 0, 'priced each side with its own file, the pull request re-prices itself to $0');
      const run = repo.diff([...recipe, '--usage-from-base']);
      assert.strictEqual(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stderr, /gate tripped: monthly cost rises by \+\$[\d,.]+, more than the allowed \$50\.00\/mo/);
      assert.match(
        run.stdout,
        /No \.burnrate\.yaml in merge base of main \([0-9a-f]{7}\): both sides priced with the built-in defaults \(the head's is not applied\)/,
      );
      const doc = json(repo.diff([...recipe, '--usage-from-base', '--json']));
      assert.strictEqual(doc.usageFile.pricing, 'base-for-both');
      assertCleanError(
        repo.diff(['--usage-from-base', '--usage-from-head']),
        /choose one of --usage-from-head and --usage-from-base/,
      );
    });

    it("--usage-from-base prices both sides with the base's file when it has one", () => {
      const repo = baseRepo().write('.burnrate.yaml', 'defaults:\n  callsPerDay: 100\n').commit('usage');
      repo.write('.burnrate.yaml', 'defaults:\n  callsPerDay: 1\n');
      repo.write(REVIEW, grown('claude-haiku-4-5'));
      const base = json(repo.diff(['--json', '--usage-from-base']));
      const head = json(repo.diff(['--json', '--usage-from-head']));
      assert.deepStrictEqual(
        base.files.map((f) => f.path),
        [REVIEW],
        'no re-priced files: one usage file for both sides',
      );
      assert.ok(
        Math.abs(base.totals.delta.costPerMonthUsd / head.totals.delta.costPerMonthUsd - 100) < 1e-6,
        'priced at 100 calls/day, not 1',
      );
      assert.match(
        repo.diff(['--usage-from-base']).stdout,
        /Both sides priced with the HEAD \([0-9a-f]{7}, main\)'s \.burnrate\.yaml \(the head changed it; that change is not applied\)\./,
      );
    });
  });

  it('--help documents the usage-file choice, the gates and the exit codes', () => {
    const run = runCli(['diff', '--help']);
    assert.strictEqual(run.code, 0);
    for (const text of [
      '--fail-on-increase-usd-month',
      '--fail-on-increase-percent',
      '--usage-from-head',
      'each side is priced with its own .burnrate.yaml',
      'Exit codes',
      'pre-commit',
    ]) {
      assert.ok(run.stdout.includes(text), `help lacks "${text}"`);
    }
  });
});
