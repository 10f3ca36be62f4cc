import * as assert from 'assert';
import {
  compareJob,
  notComparedInTime,
  review,
  type CompareJob,
  type DiffReport,
  type ReviewOptions,
} from '../../../src/core/diff';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';
import { bytes, FakeGit, type Tree } from './fakeGit';

const PROMPT = '.github/prompts/review.prompt.md';

function prompt(model: string, body: string): string {
  return `---\nmodel: ${model}\n---\n${body}`;
}

const BODY = [
  '# Review',
  'Review the staged changes.',
  '',
  '## Style',
  'Short bullets, most important first.',
  '',
  '## Output',
  'A list.',
].join('\n');
const GROWN = BODY.replace('Short bullets, most important first.', 'Short bullets, most important first. '.repeat(30));

async function reviewOf(base: Tree, head: Tree, options: ReviewOptions = {}, fake?: FakeGit): Promise<DiffReport> {
  const outcome = await review(fake ?? new FakeGit(base, head), options);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.message);
  return outcome.value;
}

function monthly(path: string, content: string): number {
  const result = estimateSource(path, bytes(content), { relativePath: path, usage: EMPTY_USAGE });
  assert.ok(result.ok);
  return result.estimate.units.reduce((sum, u) => sum + (u.cost?.perMonth ?? 0), 0);
}

function tokens(path: string, content: string): number {
  const result = estimateSource(path, bytes(content), { relativePath: path, usage: EMPTY_USAGE });
  assert.ok(result.ok);
  return result.estimate.units.reduce((sum, u) => sum + u.input.tokens, 0);
}

describe('cost diff review (fake git)', () => {
  it('a grown prompt: token, $/call and $/month deltas equal the difference of the two estimates, with percents', async () => {
    const before = prompt('gpt-4o', BODY);
    const after = prompt('gpt-4o', GROWN);
    const report = await reviewOf({ [PROMPT]: before }, { [PROMPT]: after });
    assert.strictEqual(report.files.length, 1);
    const file = report.files[0]!;
    assert.strictEqual(file.status, 'modified');
    const expectedTokens = tokens(PROMPT, after) - tokens(PROMPT, before);
    assert.ok(expectedTokens > 100);
    assert.strictEqual(file.delta.tokens, expectedTokens);
    const expectedMonthly = monthly(PROMPT, after) - monthly(PROMPT, before);
    assert.ok(Math.abs(file.delta.perMonth! - expectedMonthly) < 1e-9);
    assert.ok(Math.abs(file.delta.costPercent! - expectedMonthly / monthly(PROMPT, before)) < 1e-12);
    assert.ok(Math.abs(file.delta.tokensPercent! - expectedTokens / tokens(PROMPT, before)) < 1e-12);
    const unit = file.units[0]!;
    assert.strictEqual(unit.status, 'modified');
    assert.ok(unit.delta.perCall! > 0);
    assert.strictEqual(report.totals.delta.perMonth, file.delta.perMonth);
  });

  it('lists only the sections whose count changed, with their token delta and an input-rate cost', async () => {
    const report = await reviewOf({ [PROMPT]: prompt('gpt-4o', BODY) }, { [PROMPT]: prompt('gpt-4o', GROWN) });
    const sections = report.files[0]!.units[0]!.sections;
    assert.deepStrictEqual(
      sections.map((s) => s.title),
      ['Style'],
    );
    const style = sections[0]!;
    assert.strictEqual(style.delta.tokens, style.tokensAfter - style.tokensBefore);
    assert.ok(style.delta.tokens > 100);
    // gpt-4o input is $2.50/M; 1,000 calls a day by default, 730-hour month.
    assert.ok(Math.abs(style.delta.perCall! - (style.delta.tokens * 2.5) / 1e6) < 1e-12);
    assert.ok(Math.abs(style.delta.perMonth! - (style.delta.perCall! * 1000 * 730) / 24) < 1e-9);
  });

  it('a model switch in frontmatter shows its cost even when the text is unchanged', async () => {
    const report = await reviewOf(
      { [PROMPT]: prompt('claude-haiku-4-5', BODY) },
      { [PROMPT]: prompt('claude-opus-4-1', BODY) },
    );
    const file = report.files[0]!;
    assert.strictEqual(file.delta.tokens, 0);
    assert.ok(file.delta.perMonth! > 0, 'opus costs more than haiku');
    assert.ok(file.delta.costPercent! > 1, `opus is several times haiku's price, got ${file.delta.costPercent}`);
    assert.strictEqual(file.units[0]!.before!.model, 'claude-haiku-4-5');
    assert.match(file.units[0]!.after!.model, /opus/);
    assert.ok(
      file.notes.some((n) => /model claude-haiku-4-5 → claude-opus/.test(n)),
      file.notes.join('\n'),
    );
  });

  it('new files count from zero, deleted files go to zero, and the report is sorted by monthly change', async () => {
    const report = await reviewOf(
      { 'prompts/old.md': 'An old prompt that is going away. '.repeat(10), [PROMPT]: prompt('gpt-4o', BODY) },
      { 'prompts/new.md': 'A brand new prompt. '.repeat(40), [PROMPT]: prompt('gpt-4o', GROWN) },
    );
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    const added = byPath.get('prompts/new.md')!;
    const deleted = byPath.get('prompts/old.md')!;
    assert.strictEqual(added.status, 'added');
    assert.strictEqual(added.before.inputTokens, 0);
    assert.strictEqual(added.before.perMonth, 0);
    assert.strictEqual(added.delta.perMonth, added.after.perMonth);
    assert.strictEqual(added.delta.costPercent, undefined, 'no baseline: no percent');
    assert.strictEqual(deleted.status, 'deleted');
    assert.strictEqual(deleted.after.inputTokens, 0);
    assert.ok(deleted.delta.perMonth! < 0);
    assert.ok(Math.abs(deleted.delta.costPercent! + 1) < 1e-12, 'goes to zero: -100%');
    const deltas = report.files.map((f) => f.delta.perMonth!);
    assert.deepStrictEqual(
      deltas,
      [...deltas].sort((a, b) => b - a),
    );
    assert.strictEqual(report.files[report.files.length - 1], deleted);
    const sum = report.files.reduce((s, f) => s + f.delta.perMonth!, 0);
    assert.ok(Math.abs(report.totals.delta.perMonth! - sum) < 1e-9);
  });

  it('follows a rename: the unit is paired across names and only the content change counts', async () => {
    const base = { 'prompts/summarize.md': 'Summarize the text in three bullets. '.repeat(5) };
    const head = { 'prompts/digest.md': 'Summarize the text in three bullets. '.repeat(5) + 'Add a title.' };
    const renamed = await reviewOf(
      base,
      head,
      {},
      new FakeGit(base, head, { renames: [['prompts/summarize.md', 'prompts/digest.md']] }),
    );
    assert.strictEqual(renamed.files.length, 1);
    const file = renamed.files[0]!;
    assert.strictEqual(file.status, 'renamed');
    assert.strictEqual(file.basePath, 'prompts/summarize.md');
    assert.ok(file.delta.tokens > 0 && file.delta.tokens < 10, `only "Add a title." is new: ${file.delta.tokens}`);
    assert.strictEqual(file.units[0]!.status, 'modified');
    assert.ok(file.notes.includes('renamed from prompts/summarize.md'));

    // Without rename detection the same change reads as a delete and an add of the whole file.
    const unfollowed = await reviewOf(base, head);
    assert.deepStrictEqual(unfollowed.files.map((f) => f.status).sort(), ['added', 'deleted']);
  });

  it('does not read or tokenize files whose blob ids are equal (mode changes), nor non-prompt files', async () => {
    const fake = new FakeGit(
      { [PROMPT]: prompt('gpt-4o', BODY), 'src/app.ts': 'let a = 1;' },
      { [PROMPT]: prompt('gpt-4o', BODY), 'src/app.ts': 'let a = 2;' },
      { modeChanges: [PROMPT] },
    );
    const report = await reviewOf({}, {}, {}, fake);
    assert.deepStrictEqual(fake.reads, []);
    assert.strictEqual(report.files.length, 0);
    assert.strictEqual(report.unchangedFiles, 1);
    assert.strictEqual(report.ignoredFiles, 1);
  });

  it('reads equal working-tree files (no ids) but reports them unchanged', async () => {
    const fake = new FakeGit(
      { [PROMPT]: prompt('gpt-4o', BODY) },
      { [PROMPT]: prompt('gpt-4o', BODY) },
      { modeChanges: [PROMPT], withoutIds: true },
    );
    const report = await reviewOf({}, {}, {}, fake);
    assert.strictEqual(report.files.length, 0);
    assert.strictEqual(report.unchangedFiles, 1);
  });

  it('a changed usage file re-prices unchanged prompts when each side uses its own, and not with head-for-both', async () => {
    const untouched = 'prompts/untouched.md';
    const base = {
      '.burnrate.yaml': 'defaults:\n  model: gpt-4o-mini\n',
      [untouched]: 'Classify the ticket. '.repeat(20),
      'notes.txt': 'x',
    };
    const head = {
      '.burnrate.yaml': 'defaults:\n  model: gpt-4o\n',
      [untouched]: 'Classify the ticket. '.repeat(20),
      'notes.txt': 'x',
    };
    const fake = new FakeGit(base, head);
    const each = await reviewOf(base, head, { usageFile: '.burnrate.yaml' }, fake);
    assert.strictEqual(each.usage.changed, true);
    assert.strictEqual(fake.listCalls, 1);
    assert.strictEqual(each.files.length, 1);
    assert.strictEqual(each.files[0]!.status, 'repriced');
    assert.ok(
      each.files[0]!.notes.includes('unchanged file, re-priced by the changed .burnrate.yaml'),
      each.files[0]!.notes.join(),
    );
    assert.strictEqual(each.files[0]!.delta.tokens, 0);
    assert.ok(each.files[0]!.delta.perMonth! > 0, 'gpt-4o costs more than gpt-4o-mini');

    const same = await reviewOf(base, head, { usageFile: '.burnrate.yaml', usagePricing: 'head-for-both' });
    assert.strictEqual(same.usage.changed, true);
    assert.strictEqual(same.files.length, 0);
  });

  it('a comment-only change to the usage file is not a change', async () => {
    const base = { '.burnrate.yaml': 'defaults:\n  model: gpt-4o\n', [PROMPT]: prompt('gpt-4o', BODY) };
    const head = {
      '.burnrate.yaml': '# priced for launch\ndefaults:\n  model: gpt-4o\n',
      [PROMPT]: prompt('gpt-4o', GROWN),
    };
    const fake = new FakeGit(base, head);
    const report = await reviewOf(base, head, { usageFile: '.burnrate.yaml' }, fake);
    assert.strictEqual(report.usage.changed, false);
    // One listing looks for promptfoo configs naming the changed prompt; nothing unchanged is re-priced.
    assert.strictEqual(fake.listCalls, 1);
    assert.strictEqual(report.files.length, 1);
    assert.strictEqual(report.files[0]!.status, 'modified');
  });

  it('prices each side with its own usage file: a changed callsPerDay moves a changed prompt by both effects', async () => {
    const base = { '.burnrate.yaml': 'defaults:\n  callsPerDay: 100\n', [PROMPT]: prompt('gpt-4o', BODY) };
    const head = { '.burnrate.yaml': 'defaults:\n  callsPerDay: 200\n', [PROMPT]: prompt('gpt-4o', BODY) };
    const report = await reviewOf(base, head, { usageFile: '.burnrate.yaml' });
    const unit = report.files[0]!.units[0]!;
    assert.strictEqual(unit.before!.callsPerDay, 100);
    assert.strictEqual(unit.after!.callsPerDay, 200);
    assert.ok(Math.abs(report.files[0]!.after.perMonth! - 2 * report.files[0]!.before.perMonth!) < 1e-9);
  });

  it('binary content at one side and conflict markers are reported as not comparable, with a reason', async () => {
    const conflicted = ['Intro line', '<<<<<<< HEAD', 'ours', '=======', 'theirs', '>>>>>>> feature', ''].join('\n');
    const report = await reviewOf(
      { 'prompts/a.md': 'plain text prompt', 'prompts/b.md': 'before' },
      { 'prompts/a.md': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]), 'prompts/b.md': conflicted },
    );
    assert.strictEqual(report.files.length, 0);
    assert.deepStrictEqual(
      report.uncompared.map((u) => [u.path, u.severity]),
      [
        ['prompts/a.md', 'error'],
        ['prompts/b.md', 'error'],
      ],
    );
    assert.match(report.uncompared[0]!.reason, /binary in working tree/);
    assert.match(report.uncompared[1]!.reason, /merge conflict markers in working tree \(line 2\)/);
    assert.deepStrictEqual(
      report.uncompared.map((u) => u.cause),
      [
        { code: 'binary', side: 'head', label: 'working tree' },
        { code: 'conflict-markers', side: 'head', label: 'working tree', line: 1 },
      ],
    );
  });

  it('a model without a price: tokens count, cost change is unknown and kept out of the dollar total', async () => {
    const report = await reviewOf(
      { [PROMPT]: prompt('acme-llm-9', BODY), 'prompts/x.md': 'Hello. '.repeat(10) },
      { [PROMPT]: prompt('acme-llm-9', GROWN), 'prompts/x.md': 'Hello. '.repeat(20) },
    );
    const unpriced = report.files.find((f) => f.path === PROMPT)!;
    assert.strictEqual(unpriced.delta.perMonth, undefined);
    assert.ok(unpriced.delta.tokens > 0);
    assert.strictEqual(unpriced.unpricedUnits, 1);
    assert.strictEqual(report.totals.unpricedUnits, 1);
    assert.strictEqual(report.files[report.files.length - 1], unpriced, 'unknown costs sort after known ones');
    const priced = report.files.find((f) => f.path === 'prompts/x.md')!;
    assert.strictEqual(report.totals.delta.perMonth, priced.delta.perMonth);
  });

  it('CrewAI: only the changed agent is listed, a new agent is added from zero', async () => {
    const agent = (name: string, goal: string) =>
      `${name}:\n  role: ${name}\n  goal: ${goal}\n  backstory: Seasoned.\n  llm: gpt-4o\n`;
    const base = { 'crew/config/agents.yaml': agent('researcher', 'Find facts') + agent('writer', 'Write well') };
    const head = {
      'crew/config/agents.yaml':
        agent('researcher', 'Find facts about the market, the competitors and the pricing') +
        agent('writer', 'Write well') +
        agent('editor', 'Fix typos'),
    };
    const report = await reviewOf(base, head);
    const units = report.files[0]!.units;
    assert.deepStrictEqual(units.map((u) => [u.name, u.status]).sort(), [
      ['editor', 'added'],
      ['researcher', 'modified'],
    ]);
  });

  it('CrewAI tasks are priced with the agents.yaml beside them, and re-priced when only the agents changed', async () => {
    const agents = (llm: string) =>
      `researcher:\n  role: Researcher\n  goal: Find facts\n  backstory: Seasoned.\n  llm: ${llm}\n`;
    const tasks = (text: string) =>
      `research_task:\n  description: ${text}\n  expected_output: A list.\n  agent: researcher\n`;
    const grown = await reviewOf(
      { 'crew/config/agents.yaml': agents('gpt-4o-mini'), 'crew/config/tasks.yaml': tasks('Research the topic.') },
      {
        'crew/config/agents.yaml': agents('gpt-4o-mini'),
        'crew/config/tasks.yaml': tasks('Research the topic in depth, with sources and dates.'),
      },
    );
    const task = grown.files[0]!.units[0]!;
    assert.strictEqual(task.after!.model, 'gpt-4o-mini', "the agent's llm, not the default model");
    assert.strictEqual(task.before!.model, 'gpt-4o-mini');

    const switched = await reviewOf(
      { 'crew/config/agents.yaml': agents('gpt-4o-mini'), 'crew/config/tasks.yaml': tasks('Research the topic.') },
      { 'crew/config/agents.yaml': agents('gpt-4o'), 'crew/config/tasks.yaml': tasks('Research the topic.') },
    );
    const byPath = new Map(switched.files.map((f) => [f.path, f]));
    const repriced = byPath.get('crew/config/tasks.yaml')!;
    assert.strictEqual(repriced.status, 'repriced');
    assert.ok(
      repriced.notes.includes('unchanged file, re-priced by the changed crew/config/agents.yaml'),
      repriced.notes.join(),
    );
    assert.strictEqual(repriced.units[0]!.before!.model, 'gpt-4o-mini');
    assert.strictEqual(repriced.units[0]!.after!.model, 'gpt-4o');
    assert.ok(byPath.get('crew/config/agents.yaml')!.delta.perMonth! > 0);
  });

  it('a compare hook gets plain data (it survives structured cloning) and gives the same report as comparing here', async () => {
    const agents = (llm: string) =>
      `researcher:\n  role: Researcher\n  goal: Find facts\n  backstory: Seasoned.\n  llm: ${llm}\n`;
    const base: Tree = {
      'crew/config/agents.yaml': agents('gpt-4o-mini'),
      'crew/config/tasks.yaml': 'research_task:\n  description: D\n  expected_output: E\n  agent: researcher\n',
      [PROMPT]: prompt('gpt-4o', BODY),
      'prompts/old.prompt.md': 'An old prompt. '.repeat(20),
      'prompts/gone.prompt.md': 'Removed.',
    };
    const head: Tree = {
      'crew/config/agents.yaml': agents('gpt-4o'),
      'crew/config/tasks.yaml': base['crew/config/tasks.yaml']!,
      [PROMPT]: prompt('gpt-4o', GROWN),
      'prompts/new.prompt.md': 'An old prompt. '.repeat(20) + 'One more line.',
      'prompts/added.prompt.md': '<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> x\n',
    };
    const options: ReviewOptions = {
      flagsFor: (path) => (path === PROMPT ? { model: 'claude-haiku-4-5' } : undefined),
      batchSize: 2,
    };
    const fake = () => new FakeGit(base, head, { renames: [['prompts/old.prompt.md', 'prompts/new.prompt.md']] });
    const here = await reviewOf(base, head, options, fake());
    const jobs: CompareJob[] = [];
    const there = await reviewOf(
      base,
      head,
      {
        ...options,
        compare: async (job) => {
          const copy = structuredClone(job); // throws on a callback: the worker gets only data
          jobs.push(copy);
          await new Promise((resolve) => setImmediate(resolve));
          return structuredClone(compareJob(copy));
        },
      },
      fake(),
    );
    assert.deepStrictEqual(there, here);
    assert.strictEqual(jobs.length, 6, jobs.map((j) => j.versions.path).join());
    assert.ok(here.files.some((f) => f.status === 'renamed') && here.files.some((f) => f.status === 'repriced'));
    assert.strictEqual(here.uncompared.length, 1);
    const prompt_ = jobs.find((j) => j.versions.path === PROMPT)!;
    assert.strictEqual(prompt_.head.flags?.model, 'claude-haiku-4-5', "the file's own choice rides along");
    const tasks = jobs.find((j) => j.versions.path === 'crew/config/tasks.yaml')!;
    const agentsYaml = tasks.companions.head.find(([path]) => path === 'crew/config/agents.yaml');
    assert.ok(agentsYaml?.[1] instanceof Uint8Array, 'the companion is read at the head side and sent as bytes');
  });

  it('a file the hook gives up on is listed as not compared (an error), never as a $0 change', async () => {
    const grown = prompt('gpt-4o', GROWN);
    const report = await reviewOf(
      { [PROMPT]: prompt('gpt-4o', BODY), 'prompts/other.prompt.md': 'Short.' },
      { [PROMPT]: grown, 'prompts/other.prompt.md': 'Short, and now a little longer.' },
      { compare: (job) => (job.versions.path === PROMPT ? notComparedInTime(job, 15) : compareJob(job)) },
    );
    assert.deepStrictEqual(
      report.files.map((f) => f.path),
      ['prompts/other.prompt.md'],
    );
    assert.deepStrictEqual(report.uncompared, [
      {
        path: PROMPT,
        severity: 'error',
        cause: { code: 'not-compared-in-time', seconds: 15 },
        reason:
          'too large to compare here (not compared within 15 s) — run `burnrate diff` in a terminal for its cost change',
      },
    ]);
    assert.strictEqual(report.totals.files, 1);
    assert.strictEqual(report.unchangedFiles, 0);
  });

  it('reports progress up to the total and stops early when cancelled', async () => {
    const base: Tree = {};
    const head: Tree = {};
    for (let i = 0; i < 25; i++) {
      base[`prompts/p${i}.md`] = `Prompt ${i}.`;
      head[`prompts/p${i}.md`] = `Prompt ${i}, longer now.`;
    }
    const seen: [number, number][] = [];
    const report = await reviewOf(base, head, { batchSize: 10, onProgress: (done, total) => seen.push([done, total]) });
    assert.deepStrictEqual(seen, [
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
    assert.strictEqual(report.files.length, 25);

    let batches = 0;
    const cancelled = await reviewOf(base, head, {
      batchSize: 10,
      onProgress: () => batches++,
      isCancelled: () => batches >= 1,
    });
    assert.strictEqual(cancelled.files.length, 10);
  });

  it('a git failure comes back as a value', async () => {
    for (const on of ['changes', 'read'] as const) {
      const fake = new FakeGit(
        { [PROMPT]: 'a' },
        { [PROMPT]: 'b' },
        { fail: { on, failure: { kind: 'unknown-ref', message: 'no such ref: nope' } } },
      );
      const outcome = await review(fake);
      assert.ok(!outcome.ok);
      assert.strictEqual(outcome.error.message, 'no such ref: nope');
    }
  });
});
