// Gemini CLI's `context.fileName` in `.gemini/settings.json`: the names it gives replace GEMINI.md as the context files
// the gemini-cli runtime loads (root: every request; nested: scoped to their folder), and detection reads them as
// Gemini context files. Malformed settings are a clear problem, never a throw.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readPromptFile } from '../../../src/core/formats';
import { err } from '../../../src/core/result';
import { readContextFileNames } from '../../../src/core/runtimes/contextFileNames';
import { resolve } from '../../../src/core/runtimes/context';
import { countTokens } from '../../../src/core/tokenize/count';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';
import { diskRuntimeEnvironment } from '../../../src/host/runtimeEnvironment';
import { contextOf, memorySnapshot } from './memoryWorkspace';

const AGENTS = '# Agents\n\nRun the tests before every commit.\n';
const CONTEXT = '# Context\n\nThe billing service is written in Go; money is integer cents.\n';
const NESTED = 'Files under api/ follow the OpenAPI spec in api/openapi.yaml.\n';
const GEMINI = '# Gemini\n\nThis file is not read once context.fileName names others.\n';

function gemini(files: Record<string, string>) {
  const runtime = contextOf(files, ['gemini-cli']).runtimes[0]!;
  const item = (p: string) => runtime.items.find((i) => i.path === p);
  return { runtime, item };
}

describe('Gemini CLI context.fileName', () => {
  it('loads the named files instead of GEMINI.md: at the root on every request, nested ones scoped to their folder', () => {
    const settings =
      '{\n  // names, as gemini-cli allows comments\n  "context": { "fileName": ["AGENTS.md", "CONTEXT.md"] }\n}\n';
    const { runtime, item } = gemini({
      '.gemini/settings.json': settings,
      'AGENTS.md': AGENTS,
      'CONTEXT.md': CONTEXT,
      'api/CONTEXT.md': NESTED,
      'GEMINI.md': GEMINI,
    });
    assert.strictEqual(item('AGENTS.md')?.kind, 'always-on');
    assert.strictEqual(item('CONTEXT.md')?.kind, 'always-on');
    assert.strictEqual(item('api/CONTEXT.md')?.kind, 'scoped');
    assert.match(item('api/CONTEXT.md')!.rule, /api\/\*\*/);
    assert.strictEqual(item('GEMINI.md'), undefined, 'GEMINI.md is replaced, not added');
    assert.match(item('CONTEXT.md')!.source ?? '', /context\.fileName/);

    // The per-request total from the profile's figures and exact counts of the fixture texts.
    const resolved = resolve('gemini-cli', { usage: structuredClone(EMPTY_USAGE), overrides: [] });
    const count = (text: string) => countTokens(text.trim(), resolved.tokenizer).tokens;
    const figures = resolved.systemPrompt.tokens + resolved.tools.reduce((sum, t) => sum + t.figure.tokens, 0);
    const expected = Math.round(figures + count(AGENTS) + count(CONTEXT) + count(NESTED) * 0.25);
    assert.strictEqual(runtime.perRequest.inputTokens, expected);
    assert.ok(runtime.problems.some((p) => p.severity === 'info' && /AGENTS\.md, CONTEXT\.md/.test(p.message)));
  });

  it('takes a single name as a string, and the older flat contextFileName', () => {
    assert.deepStrictEqual(
      readContextFileNames(memorySnapshot({ '.gemini/settings.json': '{"context":{"fileName":"CONTEXT.md"}}' }).read)
        ?.names,
      ['CONTEXT.md'],
    );
    assert.deepStrictEqual(
      readContextFileNames(memorySnapshot({ '.gemini/settings.json': '{"contextFileName":"RULES.md"}' }).read)?.names,
      ['RULES.md'],
    );
    assert.strictEqual(
      readContextFileNames(memorySnapshot({ '.gemini/settings.json': '{"theme":"dark"}' }).read),
      undefined,
    );
    assert.strictEqual(readContextFileNames(memorySnapshot({}).read), undefined);
  });

  it("a settings file that is there but cannot be read is a warning with the reader's reason; a missing one is none", () => {
    const refused = readContextFileNames(() => err({ code: 'unreadable', reason: 'outside the workspace' }));
    assert.deepStrictEqual(refused?.names, []);
    assert.deepStrictEqual(
      refused?.problems.map((p) => `${p.severity}: ${p.message}`),
      ['warning: .gemini/settings.json: not read (outside the workspace)'],
    );
    assert.strictEqual(
      readContextFileNames(() => err({ code: 'missing' })),
      undefined,
    );
  });

  it('malformed settings are a problem with the line, and GEMINI.md stays the context file', () => {
    const { runtime, item } = gemini({
      '.gemini/settings.json': '{\n  "context": { "fileName": [\n}\n',
      'GEMINI.md': GEMINI,
      'CONTEXT.md': CONTEXT,
    });
    assert.strictEqual(item('GEMINI.md')?.kind, 'always-on');
    assert.strictEqual(item('CONTEXT.md'), undefined);
    const problem = runtime.problems.find((p) => /settings\.json/.test(p.message));
    assert.ok(problem && problem.severity === 'warning', JSON.stringify(runtime.problems));
    assert.match(problem.message, /JSON unreadable at line 3 — context\.fileName is not read, GEMINI\.md is assumed/);
  });

  it('entries that are paths, patterns or not strings are ignored with a warning; none usable keeps GEMINI.md', () => {
    const settings = JSON.stringify({
      context: { fileName: ['../secret.md', '*.md', 5, 'docs/CONTEXT.md', 'CONTEXT.md'] },
    });
    const names = readContextFileNames(memorySnapshot({ '.gemini/settings.json': settings }).read)!;
    assert.deepStrictEqual(names.names, ['CONTEXT.md']);
    assert.strictEqual(names.problems.filter((p) => p.severity === 'warning').length, 4);
    const none = gemini({ '.gemini/settings.json': '{"context":{"fileName":["*"]}}', 'GEMINI.md': GEMINI });
    assert.strictEqual(none.item('GEMINI.md')?.kind, 'always-on');
    assert.ok(none.runtime.problems.some((p) => /names no usable file/.test(p.message)));
  });

  it('on disk: the walk keeps the named files and detection reads them as Gemini CLI context', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-gemini-names-'));
    try {
      fs.mkdirSync(path.join(root, '.gemini'));
      fs.writeFileSync(path.join(root, '.gemini', 'settings.json'), '{"context":{"fileName":"CONTEXT.md"}}');
      fs.writeFileSync(path.join(root, 'CONTEXT.md'), CONTEXT);
      const env = diskRuntimeEnvironment(root, structuredClone(EMPTY_USAGE));
      assert.ok(env.paths.includes('CONTEXT.md'));
      const runtime = env.context.runtimes.find((r) => r.id === 'gemini-cli')!;
      assert.strictEqual(runtime.items.find((i) => i.path === 'CONTEXT.md')?.kind, 'always-on');
      const read = readPromptFile('CONTEXT.md', CONTEXT, { workspaceNames: env.options.contextFileNames! });
      assert.ok(read.ok && read.value.format === 'gemini-context');
      assert.strictEqual(readPromptFile('CONTEXT.md', CONTEXT).ok, false, 'without the settings it is no known family');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
