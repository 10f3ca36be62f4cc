import * as assert from 'assert';
import fc from 'fast-check';
import { DocumentLines } from '../../../src/core/formats/documentLines';
import { SourceLines } from '../../../src/core/formats/lines';
import { readPromptFile } from '../../../src/core/formats/read';
import type { TextChange } from '../../../src/core/tokenize/incremental';

// Pieces the edits are made of: what changes markdown's structure (headings, fences, frontmatter lines, blank lines,
// newlines) more often than plain letters do.
const piece = fc.constantFrom(
  '\n',
  '\n\n',
  '# ',
  '## ',
  '#',
  '```',
  '```md',
  '~~~',
  '   ',
  '---',
  '---\n',
  'model: gpt-4o\n',
  'x',
  'word ',
  ' #',
  '\t',
  'é',
  '`',
);
const inserted = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
/** An edit as fractions of the text's length, placed on whatever text it meets. */
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), text: inserted });
/** One change event: one or more edits applied in order (a multi-cursor edit, or keystrokes the debounce gathered). */
const event = fc.array(edit, { minLength: 1, maxLength: 3 });

const start = [
  '---',
  'model: gpt-4o',
  'description: a prompt',
  '---',
  '# Title',
  '',
  'Intro text.',
  '',
  '## Steps',
  '```md',
  '# not a heading',
  '```',
  '### Detail ###',
  'more',
  '~~~~',
  '## fenced',
  '~~~~',
  '#   ',
  '# Last',
  'end',
  '',
].join('\n');

// Markdown families with and without frontmatter, a plain text prompt, and a YAML config that uses no headings.
const paths: { path: string; namedByUser?: boolean }[] = [
  { path: '.github/prompts/review.prompt.md' },
  { path: 'CLAUDE.md' },
  { path: '.cursor/rules/style.mdc' },
  { path: 'notes/plain.txt', namedByUser: true },
  { path: 'prompts/chat.prompty' },
];

function applied(text: string, edits: readonly { at: number; remove: number; text: string }[]) {
  const changes: TextChange[] = [];
  let current = text;
  for (const { at, remove, text: insert } of edits) {
    const rangeOffset = Math.floor(at * current.length);
    const rangeLength = Math.min(remove, current.length - rangeOffset);
    changes.push({ rangeOffset, rangeLength, text: insert });
    current = current.slice(0, rangeOffset) + insert + current.slice(rangeOffset + rangeLength);
  }
  return { changes, text: current };
}

function sameLines(followed: SourceLines, fresh: SourceLines): void {
  assert.strictEqual(followed.text, fresh.text);
  assert.strictEqual(followed.lineCount, fresh.lineCount);
  assert.strictEqual(followed.lastLine, fresh.lastLine);
  assert.deepStrictEqual(followed.lines, fresh.lines);
  for (let line = 0; line < fresh.lineCount; line++) {
    assert.strictEqual(followed.offsetOfLine(line), fresh.offsetOfLine(line));
    assert.strictEqual(followed.line(line), fresh.line(line));
  }
}

describe('formats: document lines followed through edits', () => {
  it('reads every file exactly as a fresh read of the same text does, edit after edit', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 12 }), fc.constantFrom(...paths), (events, target) => {
        const document = new DocumentLines();
        const options = target.namedByUser ? { namedByUser: true } : {};
        let text = start;
        readPromptFile(target.path, text, { ...options, document });
        for (const edits of events) {
          const next = applied(text, edits);
          text = next.text;
          document.applyChanges(next.changes, text);
          const followed = readPromptFile(target.path, text, { ...options, document });
          assert.deepStrictEqual(followed, readPromptFile(target.path, text, options));
          sameLines(document.linesOf(text), new SourceLines(text));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a later edit of one event inside lines an earlier one inserted keeps all of them edited', () => {
    const document = new DocumentLines();
    const path = 'CLAUDE.md';
    readPromptFile(path, 'a\nb\nc\n', { document });
    // "# A\n# B\n# C\n" opens lines 0-3; then, in the same event, an edit inside line 2 ("# C" → "# xC").
    const next = applied('a\nb\nc\n', [
      { at: 0, remove: 0, text: '# A\n# B\n# C\n' },
      { at: 10.5 / 18, remove: 0, text: 'x' },
    ]);
    document.applyChanges(next.changes, next.text);
    const followed = readPromptFile(path, next.text, { document });
    assert.deepStrictEqual(followed, readPromptFile(path, next.text));
    assert.ok(followed.ok);
    assert.deepStrictEqual(
      followed.value.units[0]!.sections.map((s) => s.title),
      ['A', 'B', 'xC'],
    );
  });

  it('carries lines over an edit instead of reading them again, and starts over after a missed edit', () => {
    const document = new DocumentLines();
    const first = document.linesOf(start);
    const next = applied(start, [{ at: 0.5, remove: 0, text: 'x' }]);
    document.applyChanges(next.changes, next.text);
    const followed = document.linesOf(next.text);
    assert.notStrictEqual(followed, first);
    assert.strictEqual(document.linesOf(next.text), followed, 'the same text reuses its lines');
    sameLines(followed, new SourceLines(next.text));

    // Edits that do not lead to the text the editor then sends: the lines are read from that text, not trusted.
    document.applyChanges([{ rangeOffset: 0, rangeLength: 0, text: 'y\ny' }], `yyy${next.text}`);
    sameLines(document.linesOf(`yyy${next.text}`), new SourceLines(`yyy${next.text}`));
    document.applyChanges([{ rangeOffset: 10_000, rangeLength: 5, text: 'a' }], 'short');
    sameLines(document.linesOf('short'), new SourceLines('short'));
  });
});
