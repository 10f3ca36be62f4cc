import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import fc from 'fast-check';
import type { EncodingName } from '../../../src/core/tokenize/encodings';
import { DocumentTokenCounter, type TextChange } from '../../../src/core/tokenize/incremental';
import { fragment, textArbitrary } from './arbitraries';
import { itRealworld } from '../repoRoot';
import { gptTokenizerCount, gptTokenizerAgrees, realworldFiles, tiktokenCount } from './reference';

interface Edit {
  at: number; // fraction of the length, in [0, 1]
  remove: number;
  insert: string;
}

const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
  insert: fc.oneof(
    fc.constant(''),
    fragment,
    fc.array(fragment, { maxLength: 6 }).map((p) => p.join('')),
  ),
});

function applyToString(text: string, offset: number, remove: number, insert: string): string {
  return text.slice(0, offset) + insert + text.slice(offset + remove);
}

function checkAgainstReferences(
  name: EncodingName,
  counter: DocumentTokenCounter,
  text: string,
  context: string,
): void {
  assert.strictEqual(counter.getText(), text, context);
  assert.strictEqual(counter.length, text.length, context);
  assert.strictEqual(counter.total, tiktokenCount(name, text), context);
  if (gptTokenizerAgrees(text)) assert.strictEqual(counter.total, gptTokenizerCount(name, text), context);
}

describe('DocumentTokenCounter', () => {
  for (const name of ['o200k_base', 'cl100k_base'] as EncodingName[]) {
    it(`${name}: total after random edit sequences equals a full recount (js-tiktoken and gpt-tokenizer)`, () => {
      fc.assert(
        fc.property(textArbitrary(150), fc.array(editArbitrary, { minLength: 1, maxLength: 25 }), (initial, edits) => {
          const counter = new DocumentTokenCounter(name, initial);
          let text = initial;
          checkAgainstReferences(name, counter, text, 'initial');
          for (const edit of edits) {
            const offset = Math.floor(edit.at * text.length);
            const remove = Math.min(edit.remove, text.length - offset);
            counter.applyEdit(offset, remove, edit.insert);
            text = applyToString(text, offset, remove, edit.insert);
            checkAgainstReferences(name, counter, text, `after ${JSON.stringify(edit)} → ${JSON.stringify(text)}`);
          }
        }),
        { numRuns: 120 },
      );
    });

    it(`${name}: range counts equal a count of the range's text on its own`, () => {
      fc.assert(
        fc.property(
          textArbitrary(150),
          editArbitrary,
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (initial, edit, a, b) => {
            const counter = new DocumentTokenCounter(name, initial);
            const offset = Math.floor(edit.at * initial.length);
            counter.applyEdit(offset, edit.remove, edit.insert);
            const text = applyToString(initial, offset, Math.min(edit.remove, initial.length - offset), edit.insert);
            const start = Math.floor(Math.min(a, b) * text.length);
            const end = Math.floor(Math.max(a, b) * text.length);
            assert.strictEqual(
              counter.countRange(start, end),
              tiktokenCount(name, text.slice(start, end)),
              `[${start}, ${end}) of ${JSON.stringify(text)}`,
            );
          },
        ),
        { numRuns: 200 },
      );
    });
  }

  it('applies a multi-cursor change event in the order VS Code sends it (end to start)', () => {
    const text = 'alpha\nbeta\ngamma\ndelta\n';
    const counter = new DocumentTokenCounter('o200k_base', text);
    const changes: TextChange[] = [
      { rangeOffset: 17, rangeLength: 5, text: 'DELTA' },
      { rangeOffset: 6, rangeLength: 4, text: 'BETA BETA' },
      { rangeOffset: 0, rangeLength: 0, text: '- ' },
    ];
    const total = counter.applyChanges(changes);
    const expected = '- alpha\nBETA BETA\ngamma\nDELTA\n';
    assert.strictEqual(counter.getText(), expected);
    assert.strictEqual(total, tiktokenCount('o200k_base', expected));
  });

  itRealworld('keeps exact totals while typing, pasting and deleting through every real-world file', (dir) => {
    for (const file of realworldFiles(dir)) {
      for (const name of ['o200k_base', 'cl100k_base'] as EncodingName[]) {
        const counter = new DocumentTokenCounter(name, file.text);
        let text = file.text;
        checkAgainstReferences(name, counter, text, file.name);
        // type a sentence character by character in the middle, then a newline and an indented line
        let at = Math.floor(text.length / 2);
        for (const ch of " Don't forget: 42 items/day.\n  - next") {
          counter.applyEdit(at, 0, ch);
          text = applyToString(text, at, 0, ch);
          at += 1;
        }
        checkAgainstReferences(name, counter, text, `${file.name} typed`);
        // paste a block of another file near the start, delete a stretch near the end, clear and retype
        const paste = realworldFiles(dir)[0]!.text.slice(0, 500);
        counter.applyEdit(3, 0, paste);
        text = applyToString(text, 3, 0, paste);
        const cut = Math.max(0, text.length - 300);
        counter.applyEdit(cut, 200, '');
        text = applyToString(text, cut, Math.min(200, text.length - cut), '');
        checkAgainstReferences(name, counter, text, `${file.name} pasted/deleted`);
        counter.applyEdit(0, text.length, '');
        assert.strictEqual(counter.total, 0);
        counter.applyEdit(0, 0, 'Hello\n world');
        assert.strictEqual(counter.total, tiktokenCount(name, 'Hello\n world'));
      }
    }
  });

  itRealworld('keeps a 1 MB document chunked (an edit re-counts a small neighbourhood, not the file)', (dir) => {
    const one = realworldFiles(dir)
      .map((f) => f.text)
      .join('\n');
    let big = '';
    for (let copy = 0; big.length < 1_000_000; copy++)
      big += one.replace(/[a-z]{6,}/g, (w) => w + (copy % 26).toString(36)) + '\n';
    const counter = new DocumentTokenCounter('o200k_base', big);
    assert.ok(counter.chunkCount > 300, `${counter.chunkCount} chunks`);
    const at = Math.floor(big.length / 2);
    counter.applyEdit(at, 0, 'x');
    const edited = applyToString(big, at, 0, 'x');
    assert.strictEqual(counter.total, gptTokenizerCount('o200k_base', edited));
  });

  it('clamps out-of-range edits instead of throwing', () => {
    const counter = new DocumentTokenCounter('cl100k_base', 'abc');
    counter.applyEdit(99, 5, 'd');
    counter.applyEdit(-4, 1, 'Z');
    counter.applyEdit(Number.NaN, 0, '!');
    assert.strictEqual(counter.getText(), '!Zbcd');
    assert.strictEqual(counter.total, tiktokenCount('cl100k_base', '!Zbcd'));
  });

  it("loads no ranks until a text is counted, then only that encoding's, and no js-tiktoken encoder", () => {
    const dir = path.resolve(__dirname, '../../../src/core/tokenize');
    const script = `
      const load = (m) => require(${JSON.stringify(dir)} + '/' + m + '.js');
      const count = load('count'); load('incremental'); load('safeCuts');
      const pieces = load('pieceCounter');
      const encodings = load('encodings');
      const families = load('families');
      const state = () => ({
        tables: encodings.ENCODING_NAMES.filter(pieces.isRankTableLoaded),
        encoders: encodings.ENCODING_NAMES.filter(encodings.isEncodingLoaded),
        ranksModules: Object.keys(require.cache).filter((k) => k.includes('ranks')).map((k) => k.split('/').pop()),
      });
      const before = state();
      count.countTokens('Hello, world', families.BUILTIN_PROFILES['openai-o200k']);
      console.log(JSON.stringify({ before, after: state() }));`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.strictEqual(result.status, 0, result.stderr);
    assert.deepStrictEqual(JSON.parse(result.stdout), {
      before: { tables: [], encoders: [], ranksModules: [] },
      after: { tables: ['o200k_base', 'o200k_harmony'], encoders: [], ranksModules: ['o200k_base.cjs'] },
    });
  });
});
