import * as assert from 'assert';
import { expandImports, importTargets, resolveImport } from '../../../src/core/runtimes/imports';
import { countTokens } from '../../../src/core/tokenize/count';
import { resolve } from '../../../src/core/runtimes/context';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';
import { contextOf, memorySnapshot } from './memoryWorkspace';

describe('@path imports', () => {
  it('follows nested imports relative to the importing file', () => {
    const files = {
      'CLAUDE.md': 'See @docs/guide.md',
      'docs/guide.md': 'Guide. @../shared/style.md',
      'shared/style.md': 'Style.',
    };
    const result = expandImports('CLAUDE.md', files['CLAUDE.md'], 4, memorySnapshot(files).read);
    assert.deepStrictEqual(
      result.imports.map((i) => [i.path, i.hop, i.from]),
      [
        ['docs/guide.md', 1, 'CLAUDE.md'],
        ['shared/style.md', 2, 'docs/guide.md'],
      ],
    );
    assert.deepStrictEqual(result.problems, []);
  });

  it('stops cycles: each file once', () => {
    const files = { 'CLAUDE.md': '@a.md', 'a.md': 'A @b.md', 'b.md': 'B @a.md @CLAUDE.md' };
    const result = expandImports('CLAUDE.md', files['CLAUDE.md'], 4, memorySnapshot(files).read);
    assert.deepStrictEqual(
      result.imports.map((i) => i.path),
      ['a.md', 'b.md'],
    );
    assert.ok(result.problems.every((p) => /already pulled in/.test(p.message)) && result.problems.length === 2);
  });

  it('ignores imports inside fenced blocks and inline code, and e-mail addresses', () => {
    const text =
      'Real: @real.md\n```\n@fenced.md\n```\nInline `@span.md` and mail me@example.com.\n~~~md\n@tilde.md\n~~~\n';
    assert.deepStrictEqual(
      importTargets(text).map((t) => t.path),
      ['real.md'],
    );
  });

  it('reports a missing target and paths that leave the workspace', () => {
    const files = { 'CLAUDE.md': '@missing.md @../outside.md @~/.claude/x.md @/etc/passwd' };
    const result = expandImports('CLAUDE.md', files['CLAUDE.md'], 4, memorySnapshot(files).read);
    assert.strictEqual(result.imports.length, 0);
    assert.strictEqual(result.problems.length, 4);
    assert.match(result.problems[0]!.message, /missing\.md.*no such file/);
    assert.match(result.problems[1]!.message, /outside the workspace/);
    assert.match(result.problems[2]!.message, /outside the workspace/);
    assert.strictEqual(resolveImport('a/b/CLAUDE.md', '../../x.md').ok, true);
    assert.strictEqual(resolveImport('a/CLAUDE.md', '../../x.md').ok, false);
  });

  it('stops at the hop limit', () => {
    const files: Record<string, string> = { 'CLAUDE.md': '@f1.md' };
    for (let i = 1; i <= 6; i++) files[`f${i}.md`] = `file ${i} @f${i + 1}.md`;
    files['f7.md'] = 'end';
    const four = expandImports('CLAUDE.md', files['CLAUDE.md']!, 4, memorySnapshot(files).read);
    assert.deepStrictEqual(
      four.imports.map((i) => i.path),
      ['f1.md', 'f2.md', 'f3.md', 'f4.md'],
    );
    assert.ok(four.problems.some((p) => /beyond the 4-hop import limit/.test(p.message)));
    assert.strictEqual(
      expandImports('CLAUDE.md', files['CLAUDE.md']!, 5, memorySnapshot(files).read).imports.length,
      5,
    );
  });

  it("the runtime's context lists what following the imports said, the notes as well as the warnings", () => {
    const files: Record<string, string> = { 'CLAUDE.md': '@f1.md @f1.md @gone.md' };
    for (let i = 1; i <= 5; i++) files[`f${i}.md`] = `file ${i} @f${i + 1}.md`;
    const claude = contextOf(files, ['claude-code']).runtimes[0]!;
    const own = claude.problems.filter((p) => p.message.startsWith('CLAUDE.md: '));
    assert.deepStrictEqual(
      own.map((p) => `${p.severity}: ${p.message}`),
      [
        'info: CLAUDE.md: @f1.md in CLAUDE.md line 1: already pulled in (cycle or repeat), counted once',
        'warning: CLAUDE.md: @gone.md in CLAUDE.md line 1: no such file — not counted',
        'info: CLAUDE.md: @f5.md in f4.md line 1: beyond the 4-hop import limit — not loaded',
      ],
    );
  });

  it('Claude Code follows imports to its dated depth (4 hops now); a CLAUDE.md that only says @AGENTS.md costs what AGENTS.md costs', () => {
    const agents = '# Agents\n\n' + 'Run the tests before every commit and keep the diff small. '.repeat(20);
    const files = { 'CLAUDE.md': '@AGENTS.md\n', 'AGENTS.md': agents };
    const context = contextOf(files, ['claude-code', 'copilot']);
    const claude = context.runtimes[0]!;
    const memory = claude.items.find((i) => i.path === 'CLAUDE.md')!;
    const runtime = resolve('claude-code', { usage: structuredClone(EMPTY_USAGE), overrides: [] });
    assert.strictEqual(runtime.importDepth!.value, 4);
    assert.deepStrictEqual(memory.imports, ['AGENTS.md']);
    const own = countTokens('@AGENTS.md', runtime.tokenizer).tokens;
    assert.strictEqual(memory.inputTokens, own + countTokens(agents.trim(), runtime.tokenizer).tokens);
    assert.ok(!claude.items.some((i) => i.path === 'AGENTS.md'), 'Claude Code does not read AGENTS.md itself');
    // Copilot reads both files and follows no @imports: CLAUDE.md is its own few tokens there.
    const copilot = context.runtimes[1]!;
    assert.strictEqual(copilot.items.find((i) => i.path === 'CLAUDE.md')!.imports, undefined);
    assert.ok(copilot.items.some((i) => i.path === 'AGENTS.md'));
  });
});
