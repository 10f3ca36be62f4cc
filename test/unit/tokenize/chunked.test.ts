import * as assert from 'assert';
import fc from 'fast-check';
import { clearTokenCountCaches, countEncodingTokens } from '../../../src/core/tokenize/chunked';
import { countTokens } from '../../../src/core/tokenize/count';
import type { EncodingName } from '../../../src/core/tokenize/encodings';
import { BUILTIN_PROFILES } from '../../../src/core/tokenize/families';
import { countPieces } from '../../../src/core/tokenize/pieceCounter';
import { cutRulesFor, isSafeCut } from '../../../src/core/tokenize/safeCuts';
import { rawText, textArbitrary } from './arbitraries';
import { itRealworld } from '../repoRoot';
import { gptTokenizerAgrees, gptTokenizerCount, realworldFiles, tiktokenCount } from './reference';

const ENCODINGS: EncodingName[] = ['o200k_base', 'cl100k_base', 'o200k_harmony'];

describe('countEncodingTokens', () => {
  for (const name of ENCODINGS) {
    it(`${name}: equals js-tiktoken's full encode and gpt-tokenizer on random text`, () => {
      fc.assert(
        fc.property(textArbitrary(), (text) => {
          const ours = countEncodingTokens(name, text);
          assert.strictEqual(ours, tiktokenCount(name, text), JSON.stringify(text));
          if (gptTokenizerAgrees(text)) assert.strictEqual(ours, gptTokenizerCount(name, text), JSON.stringify(text));
          assert.strictEqual(countPieces(name, text), ours);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('equals js-tiktoken on text with lone surrogates', () => {
    fc.assert(
      fc.property(rawText, (text) => {
        for (const name of ['o200k_base', 'cl100k_base'] as const) {
          assert.strictEqual(countEncodingTokens(name, text), tiktokenCount(name, text), JSON.stringify(text));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts long single pieces exactly (whitespace runs, base64, a long word)', () => {
    const base64 = Buffer.from(Array.from({ length: 900 }, (_, k) => (k * 7919) % 256)).toString('base64');
    const texts = [
      ' '.repeat(1500) + 'x',
      '\t'.repeat(333),
      '\n'.repeat(300),
      base64,
      'a'.repeat(1200),
      '!'.repeat(900) + '\n/',
    ];
    for (const name of ['o200k_base', 'cl100k_base'] as const) {
      for (const text of texts) {
        const expected = gptTokenizerCount(name, text);
        assert.strictEqual(tiktokenCount(name, text), expected);
        assert.strictEqual(countEncodingTokens(name, text), expected, `${name} ${JSON.stringify(text.slice(0, 20))}…`);
      }
    }
  });

  itRealworld('equals both references on every real-world prompt file, alone and all concatenated', (dir) => {
    const files = realworldFiles(dir);
    assert.ok(files.length >= 20, `only ${files.length} files under shared/realworld`);
    const all = files.map((f) => f.text).join('\n');
    for (const name of ENCODINGS) {
      for (const file of [...files, { name: 'all', text: all }]) {
        const ours = countEncodingTokens(name, file.text);
        if (gptTokenizerAgrees(file.text))
          assert.strictEqual(ours, gptTokenizerCount(name, file.text), `${name} ${file.name}`);
        if (name !== 'o200k_harmony') assert.strictEqual(ours, tiktokenCount(name, file.text), `${name} ${file.name}`);
      }
    }
  });

  itRealworld('gives the same count from a cold and a warm memo, and after edits elsewhere', (dir) => {
    const text = realworldFiles(dir)
      .map((f) => f.text)
      .join('\n');
    clearTokenCountCaches();
    const cold = countEncodingTokens('o200k_base', text);
    assert.strictEqual(countEncodingTokens('o200k_base', text), cold);
    const at = text.indexOf('\n', Math.floor(text.length / 3)) + 1;
    const edited = text.slice(0, at) + 'Always answer in French.\n' + text.slice(at);
    assert.strictEqual(countEncodingTokens('o200k_base', edited), tiktokenCount('o200k_base', edited));
  });

  itRealworld('section counts add up to the file count when sections start at line starts', (dir) => {
    for (const file of realworldFiles(dir).filter((f) => f.name.endsWith('.md'))) {
      const starts = [0];
      const rules = cutRulesFor('o200k_base');
      for (const match of file.text.matchAll(/^#{1,6} /gm)) {
        if (match.index! > 0 && isSafeCut(file.text, match.index!, rules)) starts.push(match.index!);
      }
      starts.push(file.text.length);
      let sum = 0;
      for (let k = 0; k + 1 < starts.length; k++)
        sum += countEncodingTokens('o200k_base', file.text.slice(starts[k], starts[k + 1]));
      assert.strictEqual(sum, countEncodingTokens('o200k_base', file.text), file.name);
    }
  });

  it('countTokens (the engine entry point) goes through the exact counter', () => {
    const text = 'Summarise the ticket below in three bullet points.\n\n## Ticket\n{{ticket}}\n';
    const exact = countTokens(text, BUILTIN_PROFILES['openai-o200k']!);
    assert.deepStrictEqual(exact, { tokens: tiktokenCount('o200k_base', text), exact: true, band: 0 });
    const claude = countTokens(text, BUILTIN_PROFILES.claude!);
    assert.strictEqual(claude.tokens, Math.round(exact.tokens * 1.2));
  });
});
