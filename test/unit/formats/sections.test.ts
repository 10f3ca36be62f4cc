import * as assert from 'assert';
import { SourceLines } from '../../../src/core/formats/lines';
import { markdownSections } from '../../../src/core/formats/sections';
import { onlyUnit, readFixture, readText } from './fixtures';

function sectionsOf(text: string) {
  const lines = new SourceLines(text);
  return markdownSections(lines, 0, lines.lastLine).map((s) => [s.title, s.level, s.range.startLine, s.range.endLine]);
}

describe('formats: markdown sections', () => {
  it('nests by level: a section runs to the next heading of the same or higher level', () => {
    assert.deepStrictEqual(sectionsOf('# A\na\n## B\nb\n### C\nc\n## D\nd\n# E\ne\n'), [
      ['A', 1, 0, 7],
      ['B', 2, 2, 5],
      ['C', 3, 4, 5],
      ['D', 2, 6, 7],
      ['E', 1, 8, 9],
    ]);
  });

  it('ignores headings inside ``` and ~~~ fences, including longer and indented fences', () => {
    const text = [
      '# Real',
      '```md',
      '# fake',
      '```',
      '   ~~~~',
      '## fake too',
      '~~~ not a close',
      '~~~~',
      '## Also real',
      'x',
    ].join('\n');
    assert.deepStrictEqual(sectionsOf(text), [
      ['Real', 1, 0, 9],
      ['Also real', 2, 8, 9],
    ]);
  });

  it('an unclosed fence hides the rest of the file', () => {
    assert.deepStrictEqual(sectionsOf('# A\n```\n# B\n'), [['A', 1, 0, 2]]);
  });

  it('text before the first heading is a (preamble) section; no headings means no sections', () => {
    assert.deepStrictEqual(sectionsOf('\nintro\n\n# H\nbody'), [
      ['(preamble)', 0, 1, 1],
      ['H', 1, 3, 4],
    ]);
    assert.deepStrictEqual(sectionsOf('just text\nmore'), []);
  });

  it('follows ATX rules: needs a space after #, allows closing #s and 3 spaces of indent, not 4', () => {
    assert.deepStrictEqual(sectionsOf('#hashtag\n   ## Indented ##\n    # code\n####### seven\n# C# notes\n#\n'), [
      ['(preamble)', 0, 0, 0],
      ['Indented', 2, 1, 3],
      ['C# notes', 1, 4, 4],
      ['(untitled)', 1, 5, 5],
    ]);
  });

  it('ranges are file lines, after the frontmatter, and each section text is its lines', () => {
    const unit = onlyUnit(readFixture('.github/prompts/review.prompt.md'));
    assert.deepStrictEqual(
      unit.sections.map((s) => [s.title, s.level, s.range.startLine, s.range.endLine]),
      [
        ['(preamble)', 0, 10, 10],
        ['Checklist', 1, 12, 22],
        ['Style', 2, 20, 22],
      ],
    );
    const style = unit.sections[2]!;
    assert.strictEqual(style.text, '## Style\n\nUse #tool:githubRepo to read the diff.');
  });

  it('CLAUDE.md fixture: fenced "# install" and "## not a heading" are skipped', () => {
    const unit = onlyUnit(readFixture('CLAUDE.md'));
    assert.deepStrictEqual(
      unit.sections.map((s) => s.title),
      ['Project', 'Commands'],
    );
  });

  it('a CRLF file gives the same sections as its LF twin', () => {
    const lf = onlyUnit(readText('CLAUDE.md', 'x\n# A\n```\n# no\n```\n## B\ny\n'));
    const crlf = onlyUnit(readText('CLAUDE.md', 'x\r\n# A\r\n```\r\n# no\r\n```\r\n## B\r\ny\r\n'));
    assert.deepStrictEqual(crlf.sections, lf.sections);
  });
});
