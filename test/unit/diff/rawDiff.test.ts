import * as assert from 'assert';
import { parseBatch } from '../../../src/host/git/catFile';
import { parsePathList, parseRawDiff } from '../../../src/cli/git/rawDiff';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

function raw(...records: string[][]): Buffer {
  return Buffer.from(records.map((r) => r.join('\0')).join('\0') + '\0');
}

describe('git output parsing (CLI)', () => {
  it('reads modified, added, deleted, renamed and copied records with their blob ids', () => {
    const changes = parseRawDiff(
      raw(
        [`:100644 100644 ${A} ${Z} M`, 'prompts/a b.md'],
        [`:000000 100644 ${Z} ${B} A`, 'prompts/new.md'],
        [`:100644 000000 ${A} ${Z} D`, 'prompts/old.md'],
        [`:100644 100644 ${A} ${B} R087`, 'prompts/from.md', 'prompts/to.md'],
        [`:100644 100644 ${A} ${B} C100`, 'prompts/src.md', 'prompts/copy.md'],
      ),
    );
    assert.deepStrictEqual(changes, [
      { status: 'modified', path: 'prompts/a b.md', baseId: A },
      { status: 'added', path: 'prompts/new.md', headId: B },
      { status: 'deleted', path: 'prompts/old.md', baseId: A },
      { status: 'renamed', path: 'prompts/to.md', basePath: 'prompts/from.md', baseId: A, headId: B },
      { status: 'added', path: 'prompts/copy.md', headId: B },
    ]);
  });

  it('skips submodules and symlinks, and merges an unmerged path listed twice', () => {
    const changes = parseRawDiff(
      raw(
        [`:160000 160000 ${A} ${B} M`, 'vendor/lib'],
        [`:120000 120000 ${A} ${B} M`, 'prompts/link.md'],
        [`:100644 100644 ${A} ${Z} M`, 'prompts/c.md'],
        [`:100644 000000 ${A} ${Z} U`, 'prompts/c.md'],
      ),
    );
    assert.deepStrictEqual(changes, [{ status: 'modified', path: 'prompts/c.md', baseId: A, unmerged: true }]);
  });

  it('keeps unusual path characters as they are (with -z nothing is quoted)', () => {
    assert.deepStrictEqual(parsePathList(Buffer.from('prompts/ünï cödé.md\0a\tb.md\0')), [
      'prompts/ünï cödé.md',
      'a\tb.md',
    ]);
  });

  it('reads cat-file --batch output, including missing objects and content with newlines', () => {
    const out = Buffer.concat([
      Buffer.from(`${A} blob 6\nab\ncd\n\n`),
      Buffer.from('HEAD:nope.md missing\n'),
      Buffer.from(`${B} tree 0\n\n`),
      Buffer.from(`${A} blob 3\n\u0000\u0001\u0002\n`),
    ]);
    const read = parseBatch(out, 4);
    assert.ok(read.ok);
    assert.deepStrictEqual(
      read.value.map((b) => b?.toString('latin1')),
      ['ab\ncd\n', undefined, undefined, '\u0000\u0001\u0002'],
    );
    assert.strictEqual(parseBatch(Buffer.from(`${A} blob 6\nab`), 1).ok, false, 'an object cut short');
    assert.strictEqual(parseBatch(Buffer.from(`${A} blob 2\nab\n`), 2).ok, false, 'fewer objects than asked');
  });
});
