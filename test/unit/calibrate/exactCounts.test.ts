// Exact counts from the cache are used only for the very text (content hash) under the very tokenizer family they
// were counted with; a cache file that is not ours gives an empty cache and a message.
import * as assert from 'assert';
import {
  exactCountKey,
  exactCountsCounter,
  parseExactCounts,
  serializeExactCounts,
  type ExactCounts,
} from '../../../src/core/calibrate/exactCounts';
import { profileForModel } from '../../../src/core/tokenize/families';
import { plainCounter } from '../../../src/core/tokenize/textCounter';

describe('exact Claude counts (cache by content hash and family)', () => {
  const text = 'Review the diff for injection risks; cite the line.';
  const opus = profileForModel('claude-opus-4-7');
  const sonnet45 = profileForModel('claude-sonnet-4-5');

  it('answers exactly for the same text and family', () => {
    const counts: ExactCounts = new Map([[exactCountKey(opus.family, text), 4242]]);
    assert.deepStrictEqual(exactCountsCounter(counts, plainCounter).count(text, opus), {
      tokens: 4242,
      exact: true,
      band: 0,
    });
  });

  it('falls back to the estimate for another family, or for a text that differs by one character', () => {
    assert.notStrictEqual(opus.family, sonnet45.family, 'the fixture needs two Claude tokenizer families');
    const counts: ExactCounts = new Map([[exactCountKey(opus.family, text), 4242]]);
    const counter = exactCountsCounter(counts, plainCounter);
    assert.deepStrictEqual(counter.count(text, sonnet45), plainCounter.count(text, sonnet45));
    assert.strictEqual(counter.count(text, sonnet45).exact, false);
    assert.deepStrictEqual(counter.count(`${text} `, opus), plainCounter.count(`${text} `, opus));
  });

  it('round-trips through the cache file, which holds hashes and never the text', () => {
    const counts: ExactCounts = new Map([[exactCountKey(opus.family, text), 17]]);
    const file = serializeExactCounts(counts);
    assert.ok(!file.includes('injection'));
    assert.deepStrictEqual(parseExactCounts(file).counts, counts);
  });

  it('ignores a foreign or malformed file, and bad entries in a good one', () => {
    assert.match(parseExactCounts('{').problem ?? '', /not JSON/);
    assert.match(parseExactCounts('{"version":9,"counts":{}}').problem ?? '', /not version 1/);
    const mixed = parseExactCounts(
      JSON.stringify({
        version: 1,
        counts: { nothex: 3, [exactCountKey('f', 'x')]: -1, [exactCountKey('f', 'y')]: 5 },
      }),
    );
    assert.deepStrictEqual([...mixed.counts.values()], [5]);
  });
});
