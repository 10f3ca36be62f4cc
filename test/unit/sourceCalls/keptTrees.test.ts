// Incremental parsing of a source file's next version gives what a fresh parse gives: the same tree (structure and
// positions) and the same units, for random edits with newlines and characters outside the BMP.
import * as assert from 'assert';
import fc from 'fast-check';
import { SourceLines } from '../../../src/core/formats/lines';
import { loadSourceGrammars, sourceParser } from '../../../src/core/sourceCalls/grammars';
import { parseKept, textEdit } from '../../../src/core/sourceCalls/keptTrees';
import { parseSourceFile } from '../../../src/core/sourceCalls/parseSource';
import type { Node } from '../../../src/core/sourceCalls/syntax';

const BASE = [
  "import Anthropic from '@anthropic-ai/sdk';",
  "const RULES = 'Answer briefly — cite the ticket 😀.';",
  'export async function answer(ticket: string) {',
  '  // burnrate: callsPerDay=100',
  '  return client.messages.create({',
  "    model: 'claude-haiku-4-5',",
  '    max_tokens: 300,',
  '    system: `You are support. ${RULES}`,',
  "    messages: [{ role: 'user', content: `Ticket: ${ticket}` }],",
  '  });',
  '}',
  '',
].join('\n');

/** Type and position of every node, in document order: what two equal trees share. */
function shape(node: Node): string {
  const out: string[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(`${n.type}@${n.startIndex}-${n.endIndex}:${n.startPosition.row}.${n.startPosition.column}`);
    for (let i = n.childCount - 1; i >= 0; i--) stack.push(n.child(i)!);
  }
  return out.join(' ');
}

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc
    .array(fc.constantFrom('a', ' ', '\n', "'", '`', '{', '}', 'é', '😀', ';', '(', ')'), { maxLength: 8 })
    .map((pieces) => pieces.join('')),
});

describe('source calls: incremental parsing of the next version', function () {
  before(async function () {
    this.timeout(20_000);
    assert.strictEqual(await loadSourceGrammars(), undefined);
  });

  it('describes the edit between two texts by their common prefix and suffix', () => {
    assert.deepStrictEqual(textEdit('ab\ncd', 'ab\nXcd'), {
      startIndex: 3,
      oldEndIndex: 3,
      newEndIndex: 4,
      startPosition: { row: 1, column: 0 },
      oldEndPosition: { row: 1, column: 0 },
      newEndPosition: { row: 1, column: 1 },
    });
    assert.deepStrictEqual(textEdit('a\nb\nc', 'a\nc').oldEndPosition, { row: 2, column: 0 });
  });

  it('gives the tree and the units of a fresh parse after any sequence of edits', function () {
    this.timeout(60_000);
    const parser = sourceParser('typescript')!;
    let n = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const key = `typescript\u0000prop${n++ % 3}.ts`;
        let text = BASE;
        parseKept(parser, key, text);
        for (const { at, remove, insert } of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(start + remove);
          const kept = parseKept(parser, key, text)!;
          const fresh = parser.parse(text)!;
          try {
            assert.strictEqual(shape(kept.rootNode), shape(fresh.rootNode));
          } finally {
            fresh.delete();
          }
        }
      }),
      { numRuns: 150, seed: 14 },
    );
  });

  it('reads the same units from a file parsed again after an edit as from a fresh read', () => {
    const edited = BASE.replace('Answer briefly', 'Answer very briefly and politely');
    const path = 'src/kept.ts';
    parseSourceFile({ path, lines: new SourceLines(BASE) });
    const incremental = parseSourceFile({ path, lines: new SourceLines(edited) });
    const fresh = parseSourceFile({ path: 'src/other.ts', lines: new SourceLines(edited) });
    assert.ok(incremental.ok && fresh.ok);
    assert.deepStrictEqual(incremental.units, fresh.units);
    assert.match(JSON.stringify(incremental.units), /very briefly and politely/);
  });
});
