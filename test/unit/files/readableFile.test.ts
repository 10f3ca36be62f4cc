import * as assert from 'assert';
import { climbsOut, isInside } from '../../../src/core/files/insidePath';
import { isLfsPointer } from '../../../src/core/files/lfsPointer';
import { checkReadable, type EntryKind, type FileProbe } from '../../../src/core/files/readableFile';
import { conflictMarkerLine } from '../../../src/core/diff/unreadable';

/** An in-memory file system: each path's own kind, and symlinks' targets. */
function probe(entries: Record<string, EntryKind>, links: Record<string, string> = {}): FileProbe {
  const resolve = (p: string): string | undefined => {
    for (const [link, target] of Object.entries(links))
      if (p === link || p.startsWith(link + '/')) return resolve(target + p.slice(link.length));
    return entries[p] !== undefined ? p : undefined;
  };
  return {
    kind: (p) =>
      links[p] !== undefined
        ? 'symlink'
        : (entries[p] ?? (resolve(p) !== undefined ? entries[resolve(p)!] : undefined)),
    targetKind: (p) => {
      const real = resolve(p);
      return real === undefined ? undefined : entries[real];
    },
    realPath: resolve,
  };
}

describe('reading files safely (core/files)', () => {
  it('inside by segments: ..notes is inside, ../notes is not', () => {
    assert.ok(isInside('/repo', '/repo/..notes'));
    assert.ok(!isInside('/repo', '/repository/x'));
    assert.ok(!isInside('/repo', '/elsewhere'));
    assert.ok(!climbsOut('..notes'));
    assert.ok(climbsOut('../notes') && climbsOut('..'));
  });

  it('symlinks: followed inside the workspace, refused outside (also through a linked folder)', () => {
    const fs = probe(
      { '/repo': 'directory', '/repo/a.md': 'file', '/etc/secret': 'file', '/etc': 'directory' },
      { '/repo/in.md': '/repo/a.md', '/repo/out.md': '/etc/secret', '/repo/dir': '/etc' },
    );
    assert.deepStrictEqual(checkReadable(fs, '/repo/a.md', ['/repo']), { ok: true, value: undefined });
    assert.deepStrictEqual(checkReadable(fs, '/repo/in.md', ['/repo']), { ok: true, value: undefined });
    assert.match(
      String((checkReadable(fs, '/repo/out.md', ['/repo']) as { error: { reason: string } }).error.reason),
      /symlink to outside the workspace/,
    );
    assert.match(
      String((checkReadable(fs, '/repo/dir/secret', ['/repo']) as { error: { reason: string } }).error.reason),
      /outside the workspace/,
    );
    assert.deepStrictEqual(checkReadable(fs, '/repo/none.md', ['/repo']), { ok: false, error: { missing: true } });
  });

  it('FIFOs, devices and folders are never read', () => {
    const fs = probe({
      '/repo': 'directory',
      '/repo/p.md': 'fifo',
      '/repo/d.md': 'device',
      '/repo/f.prompt.md': 'directory',
    });
    assert.match(
      (checkReadable(fs, '/repo/p.md', ['/repo']) as { error: { reason: string } }).error.reason,
      /named pipe/,
    );
    assert.match((checkReadable(fs, '/repo/d.md', ['/repo']) as { error: { reason: string } }).error.reason, /device/);
    assert.match(
      (checkReadable(fs, '/repo/f.prompt.md', ['/repo']) as { error: { reason: string } }).error.reason,
      /folder/,
    );
  });

  it('Git LFS pointers and fenced conflict markers', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    assert.ok(
      isLfsPointer(bytes(`version https://git-lfs.github.com/spec/v1\noid sha256:${'0'.repeat(64)}\nsize 12\n`)),
    );
    assert.ok(!isLfsPointer(bytes('version https://git-lfs.github.com/spec/v1 is described here.\n')));
    const conflict = '<<<<<<< HEAD\na\n=======\nb\n>>>>>>> x\n';
    assert.strictEqual(conflictMarkerLine(bytes(`# T\n\`\`\`\n${conflict}\`\`\`\n`)), undefined);
    assert.strictEqual(conflictMarkerLine(bytes(`# T\n~~~~\n\`\`\`\n${conflict}~~~~\n`)), undefined);
    assert.strictEqual(conflictMarkerLine(bytes(`# T\n\`\`\`\nx\n\`\`\`\n${conflict}`)), 4);
  });
});
