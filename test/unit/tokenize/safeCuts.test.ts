import * as assert from 'assert';
import fc from 'fast-check';
import { splitPattern } from '../../../src/core/tokenize/encodings';
import { chunkCuts, cutRulesFor, isSafeCut, PROVEN_PATTERNS } from '../../../src/core/tokenize/safeCuts';
import { textArbitrary } from './arbitraries';
import { tiktokenCount } from './reference';

const ENCODINGS = ['o200k_base', 'cl100k_base'] as const;

function safePositions(text: string, name: (typeof ENCODINGS)[number]): number[] {
  const rules = cutRulesFor(name);
  const out: number[] = [];
  for (let pos = 1; pos < text.length; pos++) if (isSafeCut(text, pos, rules)) out.push(pos);
  return out;
}

describe('safe cuts', () => {
  it('are derived from the split patterns js-tiktoken ships (re-check the proof in safeCuts.ts if this fails)', () => {
    for (const name of ENCODINGS) assert.strictEqual(splitPattern(name), PROVEN_PATTERNS[name], name);
    assert.strictEqual(splitPattern('o200k_harmony'), PROVEN_PATTERNS.o200k_base);
  });

  it('cut after a line break only where no piece crosses', () => {
    const o200k = cutRulesFor('o200k_base');
    const cl100k = cutRulesFor('cl100k_base');
    assert.ok(isSafeCut('a\nb', 2, o200k));
    assert.ok(isSafeCut('a\n  b', 2, o200k), 'indentation after the break: `\\s*[\\r\\n]+` ends at the break');
    assert.ok(!isSafeCut('a\n \nb', 2, o200k), 'a later break in the same whitespace run joins the piece');
    assert.ok(!isSafeCut('a\n\nb', 2, o200k));
    assert.ok(!isSafeCut('a\r\nb', 2, o200k), 'between CR and LF');
    assert.ok(!isSafeCut('x.\n/y', 3, o200k), "o200k's `[\\r\\n/]*` takes the '/'");
    assert.ok(isSafeCut('x.\n/y', 3, cl100k), "cl100k's `[\\r\\n]*` does not");
    assert.ok(!isSafeCut('ab', 1, o200k), 'inside a word');
    assert.ok(isSafeCut('ab cd', 2, o200k), 'before the space that starts the next word');
    assert.ok(!isSafeCut('1 2', 1, o200k), 'after a digit');
    assert.ok(isSafeCut('中 文', 1, o200k));
    assert.ok(isSafeCut('𝔘 x', 2, o200k), 'a letter outside the BMP');
    assert.ok(isSafeCut('x', 0, o200k) && isSafeCut('x', 1, o200k), 'the ends');
  });

  for (const name of ENCODINGS) {
    it(`${name}: counts of the two sides of every safe cut add up to the whole`, () => {
      fc.assert(
        fc.property(textArbitrary(80), fc.nat(), (text, pick) => {
          const positions = safePositions(text, name);
          const whole = tiktokenCount(name, text);
          // every position on short texts, a spread of them on longer ones
          const step = Math.max(1, Math.floor(positions.length / 12));
          for (let k = pick % step; k < positions.length; k += step) {
            const pos = positions[k]!;
            const sum = tiktokenCount(name, text.slice(0, pos)) + tiktokenCount(name, text.slice(pos));
            assert.strictEqual(sum, whole, `cut at ${pos} in ${JSON.stringify(text)}`);
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('chunk cuts are safe cuts, increasing, and stay put away from an edit', () => {
    const rules = cutRulesFor('o200k_base');
    const lines: string[] = [];
    for (let k = 0; k < 3000; k++)
      lines.push(k % 7 === 0 ? '' : `${'  '.repeat(k % 4)}line ${k}: value = compute(${k * 31});`);
    const text = lines.join('\n');
    const cuts = chunkCuts(text, rules);
    assert.ok(cuts.length > 50, `only ${cuts.length} cuts`);
    cuts.forEach((cut, k) => {
      assert.ok(isSafeCut(text, cut, rules));
      if (k > 0) assert.ok(cut > cuts[k - 1]!);
    });
    const at = Math.floor(text.length / 2);
    const inserted = 'INSERTED TEXT';
    const edited = text.slice(0, at) + inserted + text.slice(at);
    const editedCuts = chunkCuts(edited, rules);
    const before = (list: number[]) => list.filter((c) => c < at - 200);
    const farAfter = (list: number[], shift: number) => list.map((c) => c - shift).filter((c) => c > at + 8192);
    assert.deepStrictEqual(before(editedCuts), before(cuts));
    assert.deepStrictEqual(farAfter(editedCuts, inserted.length), farAfter(cuts, 0));
    assert.ok(farAfter(cuts, 0).length > 10);
  });

  it('cuts a long line between words', () => {
    const rules = cutRulesFor('cl100k_base');
    const text = Array.from(
      { length: 4000 },
      (_, k) => `word${k % 97 === 0 ? 'x' : ''}${String.fromCharCode(97 + (k % 26))}`,
    ).join(' ');
    const cuts = chunkCuts(text, rules);
    assert.ok(cuts.length > 5, `only ${cuts.length} cuts in a ${text.length}-unit line`);
    for (const cut of cuts) assert.ok(isSafeCut(text, cut, rules));
  });
});
