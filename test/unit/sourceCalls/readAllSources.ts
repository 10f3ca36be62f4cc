// The set-up every source-call suite shares: the grammars loaded, and every source file in scope for the suite's
// duration (the CLI scopes sources by flag or usage file; these suites read the files they name), restored after.
import * as assert from 'assert';
import { loadSourceGrammars } from '../../../src/core/sourceCalls/grammars';
import { setSourceScope, sourceScope, type SourceScope } from '../../../src/core/sourceCalls/scope';

export function readAllSourcesInThisSuite(): void {
  let saved: SourceScope;
  before(async function () {
    this.timeout(20_000);
    assert.strictEqual(await loadSourceGrammars(), undefined);
    saved = sourceScope();
    setSourceScope({ all: true, globs: [] });
  });
  after(() => setSourceScope(saved));
}
