import * as assert from 'assert';
import { diffReportJson } from '../../../src/core/diff/render/json';
import type { DiffReport } from '../../../src/core/diff/types';
import type { Uncompared } from '../../../src/core/problems/uncompared';
import { uncomparedFile, uncomparedText } from '../../../src/core/problems/uncomparedText';

describe('problems: uncompared codes', () => {
  it('plain wording keeps the sentences the CLI, the PR comment and the review view showed', () => {
    const cases: [Uncompared, string][] = [
      [
        { code: 'unreadable', side: 'base', label: 'HEAD', why: 'a symlink to outside the workspace: not read' },
        'a symlink to outside the workspace: not read (HEAD)',
      ],
      [
        { code: 'binary', side: 'head', label: 'working tree' },
        'binary in working tree: a cost diff needs text on both sides',
      ],
      [
        { code: 'lfs-pointer', side: 'base', label: 'main' },
        'a Git LFS pointer, not the file itself: run `git lfs pull` to count it (main)',
      ],
      [
        { code: 'conflict-markers', side: 'head', label: 'working tree', line: 1 },
        'merge conflict markers in working tree (line 2): resolve the conflict to compare its cost',
      ],
      [
        { code: 'too-large', side: 'head', label: 'working tree', limitBytes: 1000, sizeBytes: 2048 },
        'over the 1000 bytes size limit in working tree (2 KB): its cost change is unknown',
      ],
      [
        { code: 'unmerged', head: 'the working tree' },
        'unmerged in the working tree (merge conflict): resolve and stage it to compare its cost',
      ],
      [
        { code: 'not-compared-in-time', seconds: 15 },
        'too large to compare here (not compared within 15 s) — run `burnrate diff` in a terminal for its cost change',
      ],
      [
        { code: 'compare-failed', error: 'worker exited' },
        'not compared (internal error: worker exited) — run `burnrate diff` in a terminal',
      ],
    ];
    for (const [cause, text] of cases) assert.strictEqual(uncomparedText(cause), text, cause.code);
  });

  it('an uncompared file carries its cause and the plain wording beside it, and a base path only when it differs', () => {
    const cause: Uncompared = { code: 'binary', side: 'base', label: 'HEAD' };
    assert.deepStrictEqual(uncomparedFile('a.md', 'a.md', 'error', cause), {
      path: 'a.md',
      severity: 'error',
      cause,
      reason: 'binary in HEAD: a cost diff needs text on both sides',
    });
    assert.strictEqual(uncomparedFile('a.md', 'old/a.md', 'error', cause).basePath, 'old/a.md');
  });

  it('burnrate diff --json keeps the human reason and adds the code beside it', () => {
    const cause: Uncompared = { code: 'unmerged', head: 'working tree' };
    const json = diffReportJson({ ...emptyReport(), uncompared: [uncomparedFile('p.md', 'q.md', 'error', cause)] });
    assert.deepStrictEqual(json.uncompared, [
      {
        path: 'p.md',
        basePath: 'q.md',
        severity: 'error',
        code: 'unmerged',
        reason: 'unmerged in working tree (merge conflict): resolve and stage it to compare its cost',
      },
    ]);
  });
});

function emptyReport(): DiffReport {
  const side = { inputTokens: 0, exact: true };
  return {
    baseLabel: 'HEAD',
    headLabel: 'working tree',
    files: [],
    uncompared: [],
    ignoredFiles: 0,
    unchangedFiles: 0,
    usage: { pricing: 'each-side', changed: false, problems: [] },
    totals: { files: 0, units: 0, before: side, after: side, delta: { tokens: 0 }, unpricedUnits: 0 },
    monthHours: 730,
  };
}
