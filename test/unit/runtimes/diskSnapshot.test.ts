// The CLI's view of a workspace on disk: links inside are followed, links out are listed and never read.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isRuntimePath } from '../../../src/core/runtimes/loading';
import { diskReader, diskSnapshot } from '../../../src/host/diskSnapshot';
import { buildWorkspaceContext } from '../../../src/core/runtimes/context';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';

describe('workspace snapshot on disk', () => {
  let base: string;
  let root: string;
  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-runtimes-'));
    root = path.join(base, 'ws');
    fs.mkdirSync(path.join(root, '.claude', 'rules'), { recursive: true });
    fs.writeFileSync(path.join(root, 'AGENTS.md'), 'Shared agent rules for every tool.\n');
    fs.symlinkSync('AGENTS.md', path.join(root, 'CLAUDE.md'));
    fs.writeFileSync(path.join(base, 'secret.md'), 'SECRET outside the workspace\n');
    fs.symlinkSync(path.join(base, 'secret.md'), path.join(root, '.claude', 'rules', 'leak.md'));
    fs.symlinkSync('.', path.join(root, 'loop'));
    fs.writeFileSync(path.join(root, 'GEMINI.md'), '@../secret.md\n@CLAUDE.md\n');
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));

  it('follows a CLAUDE.md → AGENTS.md link, lists a link out of the workspace as skipped, and survives a link loop', () => {
    const snapshot = diskSnapshot(root, isRuntimePath);
    assert.ok(snapshot.paths.includes('CLAUDE.md'));
    assert.ok(snapshot.paths.includes('AGENTS.md'));
    assert.ok(!snapshot.paths.includes('.claude/rules/leak.md'));
    const skip = snapshot.skipped.find((s) => s.path === '.claude/rules/leak.md')!;
    assert.match(skip.reason, /outside the workspace/);
    const context = buildWorkspaceContext(snapshot, {
      usage: structuredClone(EMPTY_USAGE),
      overrides: [],
      only: ['claude-code', 'gemini-cli'],
    });
    const claude = context.runtimes[0]!;
    assert.ok(
      claude.items.some((i) => i.path === 'CLAUDE.md' && i.inputTokens > 5),
      'the linked file is priced for Claude Code',
    );
    assert.ok(context.skipped.some((s) => s.path === '.claude/rules/leak.md'));
    const gemini = context.runtimes[1]!;
    assert.deepStrictEqual(gemini.items.find((i) => i.path === 'GEMINI.md')!.imports, ['CLAUDE.md']);
    assert.ok(gemini.problems.some((p) => /secret\.md.*outside the workspace/.test(p.message)));
  });

  it('the reader refuses paths and links that leave the workspace', () => {
    const read = diskReader(root);
    assert.strictEqual(read('../secret.md').ok, false);
    const viaLink = read('.claude/rules/leak.md');
    assert.ok(!viaLink.ok && viaLink.error.code === 'unreadable' && /outside the workspace/.test(viaLink.error.reason));
    assert.ok(read('CLAUDE.md').ok);
    assert.deepStrictEqual(read('nothing-here.md'), { ok: false, error: { code: 'missing' } });
  });
});
