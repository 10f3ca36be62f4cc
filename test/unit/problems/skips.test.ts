import * as assert from 'assert';
import { review } from '../../../src/core/diff';
import { readPromptFile } from '../../../src/core/formats';
import type { Skip } from '../../../src/core/problems/skips';
import { skipText } from '../../../src/core/problems/skipText';
import { planLenses } from '../../../src/core/present/fileLenses';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';
import { FakeGit } from '../diff/fakeGit';
import { editorSkipText } from '../../../src/extension/skipWording';

// No NUL, but mostly control bytes: git calls it text, the decoder calls it binary.
const CONTROL_SOUP = new Uint8Array(200).map((_, i) => (i % 2 === 0 ? 0x01 : 0x41));

function skipOf(path: string, source: Uint8Array | string, maxBytes?: number): Skip {
  const result = readPromptFile(path, source, maxBytes === undefined ? {} : { maxBytes });
  assert.ok(!result.ok, 'expected a skip');
  return result.error.skip;
}

describe('problems: skip codes', () => {
  it('the reader answers with a code and its arguments, and the plain wording beside it', () => {
    assert.deepStrictEqual(skipOf('CLAUDE.md', CONTROL_SOUP), { code: 'binary' });
    assert.deepStrictEqual(skipOf('CLAUDE.md', 'x'.repeat(2048), 1024), {
      code: 'too-large',
      limitBytes: 1024,
      sizeBytes: 2048,
    });
    assert.deepStrictEqual(skipOf('notes/readme.txt', 'hello'), { code: 'not-prompt' });
    const lfs = 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 12\n';
    assert.deepStrictEqual(skipOf('CLAUDE.md', new TextEncoder().encode(lfs)), { code: 'lfs-pointer' });
    const result = readPromptFile('CLAUDE.md', CONTROL_SOUP);
    assert.ok(!result.ok && result.error.reason === skipText(result.error.skip));
  });

  it('plain wording keeps the CLI sentences', () => {
    assert.strictEqual(skipText({ code: 'binary' }), 'binary file');
    assert.strictEqual(
      skipText({ code: 'too-large', limitBytes: 1024, sizeBytes: 2048 }),
      'over the 1 KB size limit (2 KB)',
    );
    assert.strictEqual(skipText({ code: 'not-prompt' }), 'not a prompt or agent file');
    assert.strictEqual(skipText({ code: 'parser-crashed', error: 'boom' }), 'could not be read (internal error: boom)');
  });

  it('the editor words a size skip with its setting, and keeps the plain words where its remedy is the same', () => {
    const tooLarge: Skip = { code: 'too-large', limitBytes: 1024, sizeBytes: 2048 };
    assert.match(editorSkipText(tooLarge), /^over the 1 KB size limit \(2 KB\) — .*burnrate\.files\.maxSizeBytes/);
    assert.strictEqual(editorSkipText({ code: 'lfs-pointer' }), skipText({ code: 'lfs-pointer' }));
  });

  it('a lens plan words a skip with the surface its caller names', () => {
    const result = estimateSource('CLAUDE.md', CONTROL_SOUP, { relativePath: 'CLAUDE.md', usage: EMPTY_USAGE });
    assert.deepStrictEqual(
      planLenses(result, { sections: true }).map((l) => l.title),
      ['Burnrate skipped this file: binary file'],
    );
    const worded = planLenses(result, { sections: true, skipText: (s) => `code ${s.code}` });
    assert.deepStrictEqual(
      worded.map((l) => l.title),
      ['Burnrate skipped this file: code binary'],
    );
  });

  it('a cost diff branches on the code: text to git, binary to the decoder, is not comparable', async () => {
    const outcome = await review(
      new FakeGit({ 'prompts/a.md': 'plain text prompt' }, { 'prompts/a.md': CONTROL_SOUP }),
      {},
    );
    assert.ok(outcome.ok);
    assert.deepStrictEqual(
      outcome.value.uncompared.map((u) => [u.path, u.severity, u.reason]),
      [['prompts/a.md', 'error', 'binary in working tree: a cost diff needs text on both sides']],
    );
  });
});
