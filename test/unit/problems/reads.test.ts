import * as assert from 'assert';
import { readFailureText } from '../../../src/core/problems/readText';
import { expandImports } from '../../../src/core/runtimes/imports';
import { err } from '../../../src/core/result';

describe('problems: read failure codes', () => {
  it('a workspace read is worded "no such file" when missing, and by its reason when unreadable', () => {
    assert.strictEqual(readFailureText({ code: 'missing' }), 'no such file');
    assert.strictEqual(readFailureText({ code: 'unreadable', reason: 'binary file' }), 'binary file');
  });

  it('an import that cannot be read names why in the import problem', () => {
    const missing = expandImports('CLAUDE.md', 'See @docs/a.md\n', 1, () => err({ code: 'missing' }));
    assert.deepStrictEqual(
      missing.problems.map((p) => p.message),
      ['@docs/a.md in CLAUDE.md line 1: no such file — not counted'],
    );
    const refused = expandImports('CLAUDE.md', 'See @docs/a.md\n', 1, () =>
      err({ code: 'unreadable', reason: 'outside the workspace' }),
    );
    assert.deepStrictEqual(
      refused.problems.map((p) => p.message),
      ['@docs/a.md in CLAUDE.md line 1: outside the workspace — not counted'],
    );
  });
});
