import * as assert from 'assert';
import { documentDelta, estimateBase, type BaseVersion } from '../../../src/core/editor/documentDelta';
import { planEditorLenses } from '../../../src/core/editor/lensPlan';
import { estimateSource, type SourceOptions } from '../../../src/core/estimate/estimateSource';
import { DocumentCounter } from '../../../src/core/tokenize/documentCounter';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';

const PATH = 'prompts/support.md';
const HEAD_TEXT = [
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
const options: Omit<SourceOptions, 'relativePath'> = { usage: EMPTY_USAGE };

function base(bytes: string | undefined, key = 'c1'): BaseVersion {
  const version: BaseVersion = { key, path: PATH, basePath: PATH, globPath: PATH, baseGlobPath: PATH, companions: [] };
  if (bytes !== undefined) version.bytes = new TextEncoder().encode(bytes);
  return version;
}

/** What the worker does for one request: the working estimate of the buffer, then its delta against HEAD's side. */
function model(text: string, head: BaseVersion | undefined, extra: Partial<SourceOptions> = {}) {
  const working = estimateSource(PATH, text, {
    ...options,
    ...extra,
    relativePath: PATH,
    counter: new DocumentCounter(text),
  });
  const delta =
    head && documentDelta(head, estimateBase(head, { ...options, ...extra }), text, working, { ...options, ...extra });
  return { working, delta };
}

function plan(text: string, head: BaseVersion | undefined, extra: Partial<SourceOptions> = {}) {
  const { working, delta } = model(text, head, extra);
  return planEditorLenses(working, delta, { sections: true });
}

describe('editor lens plan (cost and delta lenses from one model)', () => {
  it('a changed file: its cost lenses, then the file delta at the top and a lens on the changed section only', () => {
    const text = HEAD_TEXT.replace(
      'Friendly and brief.',
      'Friendly and brief. Use the customer name and confirm order numbers back. '.repeat(3),
    );
    const lenses = plan(text, base(HEAD_TEXT));
    const lines = text.split('\n');
    const cost = lenses.filter((l) => l.action?.kind === 'breakdown');
    assert.deepStrictEqual(
      cost.map((l) => l.line),
      [0, 0, lines.indexOf('## Tone'), lines.indexOf('## Escalation')],
      'unit lens and one per section',
    );
    assert.ok(cost[0]!.tooltip?.endsWith('click for the cost breakdown'), cost[0]!.tooltip);
    assert.ok(cost.slice(1).every((l) => l.tooltip === 'Show the cost breakdown'));
    const delta = lenses.filter((l) => l.title.includes('vs HEAD'));
    assert.strictEqual(delta.length, 2, delta.map((l) => l.title).join('\n'));
    assert.match(delta[0]!.title, /^≈?\+[\d,]+ tokens \(\+[\d,.]+%\) vs HEAD · /);
    assert.deepStrictEqual(delta[0]!.action, { kind: 'openChange', status: 'modified' });
    assert.strictEqual(delta[0]!.line, 0);
    assert.strictEqual(delta[1]!.line, lines.indexOf('## Tone'), 'the section lens sits on the heading that changed');
    assert.match(delta[1]!.title, /^§ ≈?\+[\d,]+ tokens \(\+[\d,]+%\) vs HEAD/);
    assert.strictEqual(delta[1]!.action, undefined);
    // The delta's token change is the working estimate's count less HEAD's, each counted on its own.
    const before = estimateSource(PATH, HEAD_TEXT, { ...options, relativePath: PATH });
    const after = estimateSource(PATH, text, { ...options, relativePath: PATH });
    assert.ok(before.ok && after.ok);
    const expected = after.estimate.units[0]!.input.tokens - before.estimate.units[0]!.input.tokens;
    assert.ok(
      delta[0]!.title.includes(`+${expected.toLocaleString('en-US')} tokens`),
      `${delta[0]!.title} has +${expected}`,
    );
  });

  it('an unchanged file: cost lenses only, and nothing was compared', () => {
    const { working, delta } = model(HEAD_TEXT, base(HEAD_TEXT));
    assert.deepStrictEqual(delta, { kind: 'identical' });
    const lenses = planEditorLenses(working, delta, { sections: true });
    assert.ok(lenses.length > 0 && lenses.every((l) => !l.title.includes('vs HEAD')));
  });

  it('a reworded line of the same count: one "no cost change" lens that opens the change', () => {
    const text = HEAD_TEXT.replace('Friendly and brief.', 'Friendly and brief!');
    const count = (t: string) => {
      const result = estimateSource(PATH, t, { ...options, relativePath: PATH });
      assert.ok(result.ok);
      return result.estimate.units[0]!.sections.map((s) => s.tokens);
    };
    assert.deepStrictEqual(count(text), count(HEAD_TEXT), 'the premise: every section counts the same');
    const delta = plan(text, base(HEAD_TEXT)).filter((l) => l.title.includes('vs HEAD'));
    assert.deepStrictEqual(delta, [
      { line: 0, title: '±0 tokens vs HEAD · no cost change', action: { kind: 'openChange', status: 'modified' } },
    ]);
  });

  it('a new file: "new vs HEAD" with its whole count, and no section deltas of a file that had none', () => {
    const lenses = plan(HEAD_TEXT, base(undefined));
    const delta = lenses.filter((l) => l.title.includes('vs HEAD'));
    assert.match(delta[0]!.title, /^new vs HEAD: ≈?\+[\d,]+ tokens · \$[\d.]+\/call · \$[\d,.]+\/mo$/);
    assert.deepStrictEqual(delta[0]!.action, { kind: 'openChange', status: 'added' });
    assert.ok(
      delta.slice(1).every((l) => l.title.startsWith('§ ') && l.title.includes('(new section)')),
      delta.map((l) => l.title).join('\n'),
    );
  });

  it('no base (Restricted Mode, no repository): cost lenses only', () => {
    const lenses = plan(HEAD_TEXT, undefined);
    assert.ok(lenses.length > 0 && lenses.every((l) => !l.title.includes('vs HEAD')));
  });

  it('a file too large: one skipped lens, and the delta says its cost change is unknown', () => {
    const text = HEAD_TEXT + 'More rules. '.repeat(200);
    const lenses = plan(text, base(HEAD_TEXT), { maxBytes: 1000 });
    assert.strictEqual(lenses.length, 2, lenses.map((l) => l.title).join('\n'));
    assert.match(lenses[0]!.title, /^Burnrate skipped this file: over the .* size limit/);
    assert.match(
      lenses[1]!.title,
      /^vs HEAD: over the 1000 bytes size limit in this editor \(.*\): its cost change is unknown$/,
    );
    assert.ok(lenses.every((l) => l.action === undefined));
  });

  it('conflict markers in the buffer: the delta says so instead of pricing both halves', () => {
    const text = ['# Support', '<<<<<<< HEAD', 'ours', '=======', 'theirs', '>>>>>>> other', ''].join('\n');
    const delta = plan(text, base(HEAD_TEXT)).filter((l) => l.title.startsWith('vs HEAD'));
    assert.deepStrictEqual(
      delta.map((l) => l.title),
      ['vs HEAD: merge conflict markers in this editor (line 2): resolve the conflict to compare its cost'],
    );
  });

  it("HEAD's side is estimated once per key: the same key keeps it, a new commit or input re-estimates it", () => {
    const first = estimateBase(base(HEAD_TEXT, 'c1'), options);
    const text = HEAD_TEXT + 'One more line.\n';
    const working = estimateSource(PATH, text, { ...options, relativePath: PATH });
    const again = documentDelta(base(HEAD_TEXT, 'c1'), first, text, working, options);
    const fresh = documentDelta(
      base(HEAD_TEXT, 'c2'),
      estimateBase(base(HEAD_TEXT, 'c2'), options),
      text,
      working,
      options,
    );
    assert.deepStrictEqual(again, fresh, 'a kept base answers as a fresh one');
    assert.strictEqual(first.key, 'c1');
  });
});
