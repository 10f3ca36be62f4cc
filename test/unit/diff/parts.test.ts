import * as assert from 'assert';
import { compareFile } from '../../../src/core/diff';
import { conflictMarkerLine, isBinary } from '../../../src/core/diff/unreadable';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';
import { bytes } from './fakeGit';

const inputs = { base: { usage: EMPTY_USAGE }, head: { usage: EMPTY_USAGE } };

describe('cost diff parts', () => {
  it('finds conflict blocks, not setext headings or lone markers', () => {
    assert.strictEqual(conflictMarkerLine(bytes('a\n<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\n')), 1);
    assert.strictEqual(conflictMarkerLine(bytes('a\r\n<<<<<<<\r\nx\r\n=======\r\ny\r\n>>>>>>>\r\n')), 1);
    assert.strictEqual(conflictMarkerLine(bytes('Title\n=======\n\ntext\n')), undefined);
    assert.strictEqual(conflictMarkerLine(bytes('<<<<<<< only a start\ntext\n')), undefined);
    assert.strictEqual(conflictMarkerLine(bytes('quote: <<<<<<< not at line start\n=======\n>>>>>>> x\n')), undefined);
  });

  it('calls content binary the way git does: a NUL byte early on', () => {
    assert.strictEqual(isBinary(bytes('plain text')), false);
    assert.strictEqual(isBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00])), true);
  });

  it('a heading whose own text changed is listed with its changed subsection; one changed only inside is not', () => {
    const before = '# Guide\nIntro.\n\n## Rules\nBe brief.\n\n## Output\nA list.\n';
    const inside =
      '# Guide\nIntro.\n\n## Rules\nBe brief. Cite sources. Never guess. Ask when unsure.\n\n## Output\nA list.\n';
    const both =
      '# Guide\nIntro, now with a much longer explanation of the purpose.\n\n## Rules\nBe brief. Cite sources. Never guess. Ask when unsure.\n\n## Output\nA list.\n';
    const titles = (after: string) => {
      const result = compareFile(
        { path: 'prompts/g.md', status: 'modified', base: bytes(before), head: bytes(after) },
        inputs,
      );
      assert.strictEqual(result.kind, 'diff');
      return result.kind === 'diff' ? result.diff.units[0]!.sections.map((s) => s.title) : [];
    };
    assert.deepStrictEqual(titles(inside), ['Rules']);
    assert.deepStrictEqual(titles(both).sort(), ['Guide', 'Rules']);
  });

  it('whitespace-only edits that keep every count are "unchanged"; a non-prompt path is "ignored"', () => {
    const a = compareFile(
      { path: 'prompts/a.md', status: 'modified', base: bytes('Hello there.\n'), head: bytes('Hello there.\n\n') },
      inputs,
    );
    assert.ok(a.kind === 'unchanged' || a.kind === 'diff');
    if (a.kind === 'diff')
      assert.notStrictEqual(a.diff.delta.tokens, 0, 'a diff is only reported when something counts differently');
    assert.strictEqual(
      compareFile({ path: 'src/a.ts', status: 'modified', base: bytes('1'), head: bytes('2') }, inputs).kind,
      'ignored',
    );
  });

  it('a prompt renamed to a non-prompt path leaves the prompt set: it goes to zero, with a note', () => {
    const result = compareFile(
      { path: 'docs/a.txt', basePath: 'prompts/a.md', status: 'renamed', base: bytes('Hello.'), head: bytes('Hello.') },
      inputs,
    );
    assert.strictEqual(result.kind, 'diff');
    if (result.kind !== 'diff') return;
    assert.strictEqual(result.diff.status, 'deleted');
    assert.strictEqual(result.diff.path, 'prompts/a.md');
    assert.ok(
      result.diff.notes.some((n) => n.includes('docs/a.txt') && n.includes('not a prompt')),
      result.diff.notes.join('\n'),
    );
  });
});
