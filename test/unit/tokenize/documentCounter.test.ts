import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import { readPromptFile } from '../../../src/core/formats';
import { DocumentCounter } from '../../../src/core/tokenize/documentCounter';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';
import { repoRoot } from '../repoRoot';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('document counter (the editor path)', () => {
  const source = fs.readFileSync(path.join(repoRoot(), 'examples/.github/prompts/review-pr.prompt.md'), 'utf8');

  function estimate(text: string, counter?: DocumentCounter, model = 'gpt-4o') {
    const result = estimateSource('p.prompt.md', bytes(text), {
      relativePath: '.github/prompts/p.prompt.md',
      usage: EMPTY_USAGE,
      flags: { model },
      ...(counter ? { counter } : {}),
    });
    assert.ok(result.ok);
    return result.estimate.units[0]!;
  }

  it('gives the same estimate as counting each text, answering body and sections from the document', () => {
    for (const model of ['gpt-4o', 'gpt-4', 'claude-sonnet-4-5']) {
      const counter = new DocumentCounter(source);
      const withCounter = estimate(source, counter, model);
      const plain = estimate(source, undefined, model);
      assert.deepStrictEqual(withCounter.input, plain.input, model);
      assert.deepStrictEqual(withCounter.sections, plain.sections, model);
      assert.ok(counter.stats.fromDocument >= 1 + plain.sections.length, `${model}: ${JSON.stringify(counter.stats)}`);
    }
  });

  it('stays exact through a sequence of edits reported as VS Code content changes', () => {
    let text = source;
    const counter = new DocumentCounter(text);
    estimate(text, counter);
    const edits = [
      { rangeOffset: text.indexOf('## Tone'), rangeLength: 0, text: '## Extra rules\nNever guess.\n\n' },
      { rangeOffset: 200, rangeLength: 5, text: 'é漢字🙂' },
      { rangeOffset: text.indexOf('Be direct'), rangeLength: 9, text: '' },
      { rangeOffset: 120, rangeLength: 0, text: '\n\n# New top heading\n' },
    ];
    for (const edit of edits) {
      text = text.slice(0, edit.rangeOffset) + edit.text + text.slice(edit.rangeOffset + edit.rangeLength);
      counter.applyChanges([edit], text);
      counter.setText(text);
      const a = estimate(text, counter);
      const b = estimate(text);
      assert.deepStrictEqual(a.input, b.input);
      assert.deepStrictEqual(a.sections, b.sections);
    }
  });

  it('keeps line starts and range counts across random edits (newlines, headings, deletions) exactly as a recount', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['x', '\n', '\n## New heading\n', 'word ', '', '\n\n', '# Top\n', 'é€😀'];
    let text = source;
    const counter = new DocumentCounter(text);
    estimate(text, counter);
    for (let step = 0; step < 60; step++) {
      // One event of one or two edits, listed end to start as VS Code does.
      const edits = [0, 1].slice(0, 1 + random(2)).map(() => {
        const rangeOffset = random(text.length + 1);
        return {
          rangeOffset,
          rangeLength: Math.min(random(4) === 0 ? random(40) : 0, text.length - rangeOffset),
          text: pieces[random(pieces.length)]!,
        };
      });
      edits.sort((a, b) => b.rangeOffset - a.rangeOffset);
      if (edits.length === 2 && edits[1]!.rangeOffset + edits[1]!.rangeLength > edits[0]!.rangeOffset) edits.pop();
      for (const edit of edits)
        text = text.slice(0, edit.rangeOffset) + edit.text + text.slice(edit.rangeOffset + edit.rangeLength);
      counter.applyChanges(edits, text);
      counter.setText(text);
      const incremental = estimate(text, counter);
      const plain = estimate(text);
      assert.deepStrictEqual(incremental.input, plain.input, `step ${step}`);
      assert.deepStrictEqual(incremental.sections, plain.sections, `step ${step}`);
    }
  });

  it('starts over when the text it is given is not the one the edits led to', () => {
    const counter = new DocumentCounter(source);
    estimate(source, counter);
    const changed = source.replace('Tone', 'Tune'); // same length: a missed edit a length check would not see
    counter.setText(changed);
    assert.deepStrictEqual(estimate(changed, counter).sections, estimate(changed).sections);
  });

  it('counts texts that are not the document’s own lines on their own (CRLF normalised by the parser)', () => {
    const crlf = source.replace(/\n/g, '\r\n');
    const counter = new DocumentCounter(crlf);
    const a = estimate(crlf, counter);
    assert.deepStrictEqual(a.sections, estimate(crlf).sections);
    assert.strictEqual(counter.stats.fromDocument, 0);
  });
});

describe('reading an editor’s text instead of bytes', () => {
  const path = '.github/prompts/a.prompt.md';
  it('reads the same file from text as from its bytes, including BOM, CRLF and non-ASCII text', () => {
    for (const text of ['---\nmodel: gpt-4o\n---\n# A\nhé 漢字 🙂\n', '\ufeff# A\r\nline\r\n', '']) {
      const fromBytes = readPromptFile(path, new TextEncoder().encode(text));
      const fromText = readPromptFile(path, text);
      assert.deepStrictEqual(fromText, fromBytes, JSON.stringify(text));
    }
  });
  it('applies the size limit in UTF-8 bytes', () => {
    const text = '漢'.repeat(400); // 1,200 bytes in UTF-8, 400 UTF-16 units
    const over = readPromptFile(path, text, { maxBytes: 1000 });
    assert.ok(!over.ok && /size limit/.test(over.error.reason));
    assert.ok(readPromptFile(path, text, { maxBytes: 1200 }).ok);
  });
});
