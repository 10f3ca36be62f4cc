// The cost review's comparisons in the estimate worker (a real worker thread, the compiled estimateWorker.js): the
// worker's answer is the comparison core gives here, and a file over the per-file budget (one the test's wrapper never lets finish) comes back "too large to
// compare here" (not compared) while the files queued behind it are compared by a fresh thread.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as vscode from 'vscode';
import { compareJob, review, type DiffReport, type ReviewOptions } from '../../../src/core/diff';
import { WorkerCompare } from '../../../src/extension/diff/workerCompare';
import { EstimateRunner } from '../../../src/extension/worker/estimateRunner';
import { FakeGit, type Tree } from '../diff/fakeGit';

// The compiled worker beside the compiled sources (tsc's out/node, or test:unit's out/unit).
const WORKER = path.join(__dirname, '../../../src/extension/worker/estimateWorker.js');
const FOLDER = {} as vscode.WorkspaceFolder; // the hook only hands it to the price data source

// The real worker, behind a listener that never returns for one file: a comparison that cannot finish on any machine,
// however fast (a pathological text no longer is one: counting is O(n log n)), so the budget is what this test checks.
// Listeners run in the order they were added, so this one holds the thread before the worker's own sees the message.
const HANGS = 'prompts/hostile.prompt.md';
function hangingWorker(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-worker-')), 'hangingWorker.js');
  fs.writeFileSync(
    file,
    [
      "const { parentPort } = require('worker_threads');",
      'parentPort.on("message", (m) => {',
      `  if (m && m.kind === 'compare' && m.job.versions.path === ${JSON.stringify(HANGS)}) {`,
      '    parentPort.postMessage({ id: m.id, started: true });',
      '    for (;;) {}',
      '  }',
      '});',
      `require(${JSON.stringify(WORKER)});`,
    ].join('\n'),
  );
  return file;
}

async function reviewOf(base: Tree, head: Tree, options: ReviewOptions = {}): Promise<DiffReport> {
  const outcome = await review(new FakeGit(base, head), options);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.message);
  return outcome.value;
}

describe('the cost review compared in the estimate worker (issue 10)', function () {
  this.timeout(120_000);
  const warnings: string[] = [];
  const log = { warn: (message: string) => void warnings.push(message) };

  it('the worker answers each file with the comparison core makes here', async () => {
    const compare = new WorkerCompare(() => undefined, log, new EstimateRunner(60_000, undefined, WORKER));
    try {
      const base = { 'prompts/a.prompt.md': 'Answer briefly.', 'prompts/gone.prompt.md': 'Old.' };
      const head = {
        'prompts/a.prompt.md': 'Answer briefly, and cite sources. '.repeat(5),
        'prompts/b.prompt.md': 'New.',
      };
      const inWorker = await reviewOf(base, head, { compare: compare.hookFor(FOLDER) });
      assert.deepStrictEqual(inWorker, await reviewOf(base, head, { compare: compareJob }));
      assert.strictEqual(inWorker.files.length, 3);
    } finally {
      compare.dispose();
    }
  });

  it('a file over the budget is "too large to compare here" (not compared); the files behind it are compared', async () => {
    // Room for a fresh thread's first count (loading a tokenizer's data) on a loaded machine.
    const budgetMs = 10_000;
    const compare = new WorkerCompare(() => undefined, log, new EstimateRunner(budgetMs, undefined, hangingWorker()));
    try {
      const report = await reviewOf(
        { 'prompts/hostile.prompt.md': '# Hostile\n', 'prompts/z.prompt.md': 'Short.' },
        {
          'prompts/hostile.prompt.md': '# Hostile\nNow longer.\n',
          'prompts/z.prompt.md': 'Short, and a little longer now.',
        },
        { compare: compare.hookFor(FOLDER) },
      );
      assert.deepStrictEqual(report.uncompared, [
        {
          path: 'prompts/hostile.prompt.md',
          severity: 'error',
          cause: { code: 'not-compared-in-time', seconds: budgetMs / 1000 },
          reason: `too large to compare here (not compared within ${budgetMs / 1000} s) — run \`burnrate diff\` in a terminal for its cost change`,
        },
      ]);
      assert.deepStrictEqual(
        report.files.map((f) => f.path),
        ['prompts/z.prompt.md'],
      );
      assert.strictEqual(report.totals.files, 1, 'the file not compared is outside the total, not a $0 change');
      assert.ok(warnings.some((w) => w.includes('prompts/hostile.prompt.md not compared within')));
    } finally {
      compare.dispose();
    }
  });
});
