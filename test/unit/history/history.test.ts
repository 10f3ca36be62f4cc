import * as assert from 'assert';
import { buildHistory } from '../../../src/core/history/buildHistory';
import { fileTimelines } from '../../../src/core/history/fileTimelines';
import { parseLogRecords, type LoggedCommit } from '../../../src/core/history/logRecords';
import { EMPTY_USAGE, type UsageConfig } from '../../../src/core/usage/usageConfig';
import { tiktokenCount } from '../tokenize/reference';

const hash = (n: number) => n.toString(16).padStart(40, '0');

function record(n: number, subject: string, ...fields: string[]): string {
  return `\x1e${hash(n)}\x1f2026-11-0${n}T10:00:00+00:00\x1fAnn\x1f${subject}\0\n${fields.map((f) => `${f}\0`).join('')}`;
}

describe('cost history: git log records', () => {
  it('reads additions, modifications, renames and deletions, each commit with its author, date and subject', () => {
    const output = [
      record(3, 'drop it', 'D', 'prompts/b.md'),
      record(2, 'rename', 'R087', 'prompts/a.md', 'prompts/b.md', 'M', 'README.md'),
      record(1, 'first', 'A', 'prompts/a.md'),
    ].join('');
    const commits = parseLogRecords(output);
    assert.deepStrictEqual(
      commits.map((c) => c.subject),
      ['drop it', 'rename', 'first'],
    );
    assert.deepStrictEqual(commits[1]!.changes, [
      { status: 'renamed', path: 'prompts/b.md', oldPath: 'prompts/a.md' },
      { status: 'modified', path: 'README.md' },
    ]);
    assert.deepStrictEqual(commits[0]!.changes, [{ status: 'deleted', path: 'prompts/b.md' }]);
    assert.strictEqual(commits[2]!.author, 'Ann');
    assert.strictEqual(commits[2]!.date, '2026-11-01T10:00:00+00:00');
  });

  it('drops a record whose header is not a commit, and never throws on truncated output', () => {
    assert.deepStrictEqual(parseLogRecords('\x1enot-a-hash\x1fx\x1fy\x1fz\0\nA\0a.md\0'), []);
    const truncated = parseLogRecords(record(1, 's', 'R100', 'a.md'));
    assert.deepStrictEqual(truncated[0]!.changes, []);
    assert.deepStrictEqual(parseLogRecords(''), []);
  });

  it('keeps a subject that holds the field separator whole', () => {
    const commits = parseLogRecords(`\x1e${hash(1)}\x1f2026-11-01T10:00:00Z\x1fAnn\x1fa\x1fb\0\nA\0p.md\0`);
    assert.strictEqual(commits[0]!.subject, 'a b');
  });
});

describe('cost history: file timelines', () => {
  const commit = (n: number, ...changes: LoggedCommit['changes']): LoggedCommit => ({
    commit: hash(n),
    date: '',
    author: '',
    subject: `c${n}`,
    changes,
  });
  const tracked = (p: string) => p.startsWith('prompts/');

  it('follows a file through renames, and starts a new timeline when a deleted path comes back', () => {
    const timelines = fileTimelines(
      [
        commit(1, { status: 'added', path: 'prompts/a.md' }, { status: 'added', path: 'src/x.ts' }),
        commit(2, { status: 'renamed', path: 'prompts/b.md', oldPath: 'prompts/a.md' }),
        commit(3, { status: 'renamed', path: 'prompts/c.md', oldPath: 'prompts/b.md' }),
        commit(4, { status: 'deleted', path: 'prompts/c.md' }),
        commit(5, { status: 'added', path: 'prompts/c.md' }),
      ],
      tracked,
    );
    assert.strictEqual(timelines.length, 2);
    assert.strictEqual(timelines[0]!.path, 'prompts/c.md');
    assert.deepStrictEqual(
      timelines[0]!.points.map((p) => [p.commitIndex, p.status, p.path]),
      [
        [0, 'added', 'prompts/a.md'],
        [1, 'renamed', 'prompts/b.md'],
        [2, 'renamed', 'prompts/c.md'],
        [3, 'deleted', 'prompts/c.md'],
      ],
    );
    assert.deepStrictEqual(
      timelines[1]!.points.map((p) => p.commitIndex),
      [4],
    );
  });

  it('follows a tracked file renamed to a path outside the tracked set', () => {
    const timelines = fileTimelines(
      [
        commit(1, { status: 'added', path: 'prompts/a.md' }),
        commit(2, { status: 'renamed', path: 'old/a.md', oldPath: 'prompts/a.md' }),
      ],
      tracked,
    );
    assert.deepStrictEqual(
      timelines.map((t) => t.points.length),
      [2],
    );
  });
});

describe('cost history: priced points', () => {
  const commits: LoggedCommit[] = [1, 2, 3, 4].map((n) => ({
    commit: hash(n),
    date: `2026-11-0${n}`,
    author: 'Ann',
    subject: `c${n}`,
    changes: [],
  }));
  const usage: UsageConfig = { ...EMPTY_USAGE, defaults: { model: 'gpt-4o', callsPerDay: 100, outputTokens: 0 } };
  const texts: Record<string, string> = {
    [`${hash(1)}:prompts/a.md`]: 'You are a terse assistant.',
    [`${hash(2)}:prompts/a.md`]:
      'You are a terse assistant. Answer in one sentence, and cite the source document by its title.',
    [`${hash(3)}:prompts/a.md`]: '---\nburnrate:\n  model: no-such-model-xyz\n---\nYou are a terse assistant.',
  };
  const history = buildHistory({
    commits,
    timelines: [
      {
        path: 'prompts/a.md',
        points: [
          { commitIndex: 0, status: 'added', path: 'prompts/a.md' },
          { commitIndex: 1, status: 'modified', path: 'prompts/a.md' },
          { commitIndex: 2, status: 'modified', path: 'prompts/a.md' },
          { commitIndex: 3, status: 'deleted', path: 'prompts/a.md' },
        ],
      },
    ],
    blobAt: (commit, path) =>
      texts[`${commit}:${path}`] !== undefined ? new TextEncoder().encode(texts[`${commit}:${path}`]) : undefined,
    usageAt: () => usage,
    relativePath: (p) => p,
  });
  const points = history.files[0]!.points;

  it('prices each version exactly for an OpenAI model, with the change from the previous point', () => {
    const first = tiktokenCount('o200k_base', 'You are a terse assistant.');
    const second = tiktokenCount('o200k_base', texts[`${hash(2)}:prompts/a.md`]!);
    assert.strictEqual(points[0]!.cost.kind, 'priced');
    if (points[0]!.cost.kind !== 'priced' || points[1]!.cost.kind !== 'priced') return;
    const framing = points[0]!.cost.inputTokens - first;
    assert.ok(framing >= 0 && framing < 10, 'the body plus a few tokens of chat framing');
    assert.strictEqual(points[1]!.cost.inputTokens, second + framing);
    assert.strictEqual(points[0]!.deltaTokens, first + framing);
    assert.strictEqual(points[1]!.deltaTokens, second - first);
    const ratio = points[1]!.cost.perMonth / points[0]!.cost.perMonth;
    assert.ok(
      Math.abs(ratio - (second + framing) / (first + framing)) < 1e-9,
      'no output tokens: cost is proportional to input',
    );
    assert.ok(Math.abs(points[1]!.deltaPerMonth! - (points[1]!.cost.perMonth - points[0]!.cost.perMonth)) < 1e-12);
  });

  it('shows a version on an unpriced model as unknown, never $0, and the delta around it as unknown', () => {
    assert.strictEqual(points[2]!.cost.kind, 'unpriced');
    assert.strictEqual(points[2]!.deltaPerMonth, undefined);
    assert.strictEqual(points[3]!.cost.kind, 'deleted');
    assert.strictEqual(points[3]!.deltaPerMonth, undefined);
  });

  it('totals the live files after each commit, counting unknown ones apart', () => {
    assert.deepStrictEqual(
      history.total.map((t) => t.unknown),
      [0, 0, 1, 0],
    );
    assert.strictEqual(history.total[3]!.perMonth, 0);
    assert.strictEqual(history.total[1]!.perMonth, (points[1]!.cost as { perMonth: number }).perMonth);
    assert.ok(history.total.every((t) => t.exact));
  });
});
