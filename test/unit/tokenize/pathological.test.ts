// Engine limits of counting: the pathological pre-tokens of issue 10 (one long run of spaces, of one emoji, of '!')
// count exactly — equal to js-tiktoken on versions short enough for its quadratic merge — and the merge's work grows
// linearly with their length (rank look-ups counted, not time).
import * as assert from 'assert';
import fc from 'fast-check';
import { bytePairCount, heapMergeCount, scanMergeCount } from '../../../src/core/tokenize/bytePairCount';
import { countEncodingTokens } from '../../../src/core/tokenize/chunked';
import { DocumentTokenCounter } from '../../../src/core/tokenize/incremental';
import { loadRankTable, utf8ByteString } from '../../../src/core/tokenize/rankTable';
import { tiktokenCount } from './reference';

/** The families, each a function of a length in UTF-16 units. */
const FAMILIES: Record<string, (n: number) => string> = {
  'spaces then a letter': (n) => ' '.repeat(n - 1) + 'a',
  'one emoji repeated': (n) => '🚀'.repeat(n >> 1),
  "'!' repeated": (n) => '!'.repeat(n),
  'one CJK character repeated': (n) => '中'.repeat(n),
  'tabs and spaces': (n) => '\t '.repeat(n >> 1),
  'letters without a break': (n) => 'ab'.repeat(n >> 1),
  'newlines then a slash': (n) => '\n'.repeat(n - 1) + '/',
};

/** A rank map that counts look-ups: the merge's unit of work. */
class CountingRanks implements ReadonlyMap<string, number> {
  lookups = 0;
  constructor(private readonly inner: ReadonlyMap<string, number>) {}
  get(key: string): number | undefined {
    this.lookups++;
    return this.inner.get(key);
  }
  has(key: string): boolean {
    this.lookups++;
    return this.inner.has(key);
  }
  get size(): number {
    return this.inner.size;
  }
  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    this.inner.forEach((value, key) => callback(value, key, this));
  }
  entries(): MapIterator<[string, number]> {
    return this.inner.entries();
  }
  keys(): MapIterator<string> {
    return this.inner.keys();
  }
  values(): MapIterator<number> {
    return this.inner.values();
  }
  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.inner[Symbol.iterator]();
  }
}

describe('counting pathological texts (issue 10)', function () {
  this.timeout(120_000);

  for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
    it(`${encoding}: every family equals js-tiktoken at lengths it can handle`, () => {
      for (const [family, make] of Object.entries(FAMILIES)) {
        for (const n of [1, 2, 47, 48, 49, 50, 300, 1000]) {
          const text = make(n);
          assert.strictEqual(countEncodingTokens(encoding, text), tiktokenCount(encoding, text), `${family}, ${n}`);
        }
      }
    });
  }

  it('the heap merge equals the scan merge on random pieces (both orders of ties)', () => {
    const { ranks } = loadRankTable('o200k_base');
    const alphabet = fc.constantFrom(' ', 'e', 'a', 't', '!', '\n', '🚀', '中', 'é', '0');
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 2, maxLength: 200 }), (chars) => {
        const bytes = utf8ByteString(chars.join(''));
        assert.strictEqual(heapMergeCount(bytes, ranks), scanMergeCount(bytes, ranks), JSON.stringify(chars.join('')));
      }),
      { numRuns: 500 },
    );
  });

  it('merge work is linear in the piece length: rank look-ups at 64k and 256k bytes', () => {
    const { ranks } = loadRankTable('o200k_base');
    for (const [family, make] of Object.entries(FAMILIES)) {
      const work = [1 << 16, 1 << 18].map((n) => {
        const counting = new CountingRanks(ranks);
        bytePairCount(utf8ByteString(make(n)), counting);
        return counting.lookups / utf8ByteString(make(n)).length;
      });
      // A quadratic merge would look up about n pairs per merge; this one looks up at most 3 per byte.
      assert.ok(
        work[0]! <= 3 && work[1]! <= 3,
        `${family}: ${work.map((w) => w.toFixed(2)).join(', ')} look-ups per byte`,
      );
      assert.ok(work[1]! / work[0]! < 1.1, `${family}: per-byte work grew ${(work[1]! / work[0]!).toFixed(2)}×`);
    }
  });

  it('counts the 2 MB versions of issue 10 (quadratic before) and keeps the incremental counter exact', () => {
    const spaces = FAMILIES['spaces then a letter']!(2_000_000);
    const total = countEncodingTokens('o200k_base', spaces);
    assert.ok(total > 0);
    const counter = new DocumentTokenCounter('o200k_base', FAMILIES["'!' repeated"]!(160_000));
    assert.strictEqual(counter.total, countEncodingTokens('o200k_base', counter.getText()));
    counter.applyEdit(80_000, 0, 'x');
    assert.strictEqual(counter.total, countEncodingTokens('o200k_base', counter.getText()));
  });
});
