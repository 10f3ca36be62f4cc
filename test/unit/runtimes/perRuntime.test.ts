// Per runtime: a workspace of that runtime's files, and its per-request total computed here from the profile's
// figures and exact counts of the fixture texts (the runtime's tokenizer), independently of the context builder.
import * as assert from 'assert';
import { resolve } from '../../../src/core/runtimes/context';
import { RUNTIME_IDS, type RuntimeId } from '../../../src/core/runtimes/profile';
import { RUNTIME_PROFILES } from '../../../src/core/runtimes/profiles';
import { countTokens } from '../../../src/core/tokenize/count';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';
import { contextOf } from './memoryWorkspace';

const ALWAYS = '# Project rules\n\nUse pnpm. Money is integer cents. Never edit shipped migrations.\n';
const SCOPED_BODY = 'Python files: type hints everywhere, no bare except.\n';

/** Each runtime's own always-on file, and a scoped rule in its own syntax (none where the runtime has no globs). */
const FIXTURES: Record<RuntimeId, { always: Record<string, string>; scoped?: [string, string] }> = {
  'claude-code': {
    always: { 'CLAUDE.md': ALWAYS },
    scoped: ['.claude/rules/python.md', `---\npaths: ["**/*.py"]\n---\n${SCOPED_BODY}`],
  },
  copilot: {
    always: { '.github/copilot-instructions.md': ALWAYS },
    scoped: ['.github/instructions/py.instructions.md', `---\napplyTo: "**/*.py"\n---\n${SCOPED_BODY}`],
  },
  cursor: {
    always: { '.cursorrules': ALWAYS },
    scoped: ['.cursor/rules/py.mdc', `---\nglobs: "**/*.py"\nalwaysApply: false\n---\n${SCOPED_BODY}`],
  },
  codex: { always: { 'AGENTS.md': ALWAYS } },
  'gemini-cli': { always: { 'GEMINI.md': ALWAYS }, scoped: ['src/GEMINI.md', SCOPED_BODY] },
  cline: {
    always: { '.clinerules/01-style.md': ALWAYS },
    scoped: ['.clinerules/python.md', `---\npaths: ["**/*.py"]\n---\n${SCOPED_BODY}`],
  },
  roo: { always: { '.roo/rules/style.md': ALWAYS }, scoped: ['.roo/rules-code/python.md', SCOPED_BODY] },
  windsurf: {
    always: { '.windsurfrules': ALWAYS },
    scoped: ['.windsurf/rules/python.md', `---\ntrigger: glob\nglobs: "**/*.py"\n---\n${SCOPED_BODY}`],
  },
  continue: {
    always: { '.continue/rules/style.md': ALWAYS },
    scoped: ['.continue/rules/python.md', `---\nglobs: "**/*.py"\n---\n${SCOPED_BODY}`],
  },
};

function body(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---\n/, '').trim();
}

describe('per-runtime context budgets', () => {
  for (const id of RUNTIME_IDS) {
    it(`${id}: system prompt + tool schemas + always-on files + share × scoped files`, () => {
      const fixture = FIXTURES[id];
      const files = { ...fixture.always, ...(fixture.scoped ? { [fixture.scoped[0]]: fixture.scoped[1] } : {}) };
      const context = contextOf(files, [id]);
      const runtime = context.runtimes[0]!;
      const resolved = resolve(id, { usage: structuredClone(EMPTY_USAGE), overrides: [] });
      const mode = RUNTIME_PROFILES[id].modes[RUNTIME_PROFILES[id].defaultMode]!;
      const figures = resolved.systemPrompt.tokens + mode.tools.reduce((sum, t) => sum + t.figure.tokens, 0);
      const count = (text: string) => countTokens(body(text), resolved.tokenizer).tokens;
      const always = Object.values(fixture.always).reduce((sum, text) => sum + count(text), 0);
      const scoped = fixture.scoped ? count(fixture.scoped[1]) * context.scopedShare.value : 0;
      assert.strictEqual(runtime.perRequest.inputTokens, Math.round(figures + always + scoped));
      assert.strictEqual(runtime.perRequest.exact, false, 'runtime figures are never exact');
      if (fixture.scoped) {
        const item = runtime.items.find((i) => i.path === fixture.scoped![0])!;
        assert.strictEqual(item.kind, 'scoped');
        assert.strictEqual(item.share, 0.25);
      }
      assert.ok(runtime.perRequest.costUsd! > 0, 'priced on the runtime model');
    });
  }

  it('every figure of every profile carries a source and a date, and a band unless the user set it', () => {
    for (const id of RUNTIME_IDS) {
      const profile = RUNTIME_PROFILES[id];
      for (const [mode, m] of Object.entries(profile.modes)) {
        for (const figure of [
          m.systemPrompt,
          ...m.tools.map((t) => t.figure),
          ...(m.systemPromptByModel ?? []).map((e) => e.figure),
        ]) {
          assert.ok(figure.source.length > 10 && figure.date.length >= 4, `${id} ${mode}: ${figure.source}`);
          assert.ok(figure.band > 0, `${id} ${mode}: a runtime figure is never exact`);
        }
      }
      assert.ok(profile.defaultModel.source && profile.defaultModel.date, id);
    }
  });

  it('defaults to the runtimes the files imply; runtimes.use and --runtime beat that', () => {
    const files = { 'CLAUDE.md': ALWAYS, '.github/copilot-instructions.md': ALWAYS, 'README.md': 'x' };
    assert.deepStrictEqual(
      contextOf(files).runtimes.map((r) => r.id),
      ['claude-code', 'copilot'],
    );
    assert.deepStrictEqual(
      contextOf(files, undefined, 'runtimes:\n  use: [codex]\n').runtimes.map((r) => r.id),
      ['codex'],
    );
    assert.deepStrictEqual(
      contextOf(files, ['gemini-cli']).runtimes.map((r) => r.id),
      ['gemini-cli'],
    );
  });

  it("a file read by several runtimes is priced on each runtime's own model", () => {
    const context = contextOf({ 'AGENTS.md': ALWAYS }, ['codex', 'cursor']);
    const [codex, cursor] = context.runtimes;
    const codexItem = codex!.items.find((i) => i.path === 'AGENTS.md')!;
    const cursorItem = cursor!.items.find((i) => i.path === 'AGENTS.md')!;
    assert.strictEqual(codexItem.exact, true, 'gpt-5-codex counts exactly (o200k)');
    assert.strictEqual(cursorItem.exact, false, 'claude-sonnet-4-5 is an estimate');
    assert.notStrictEqual(codexItem.perUseUsd, cursorItem.perUseUsd);
  });

  it('user overrides replace figures and say where they were written', () => {
    const yaml =
      'runtimes:\n  scopedShare: 0.5\n  claude-code:\n    model: claude-haiku-4-5\n    systemPrompt: 1000\n    tools: {Bash: 0}\n';
    const context = contextOf({ 'CLAUDE.md': ALWAYS }, ['claude-code'], yaml);
    const runtime = context.runtimes[0]!;
    assert.strictEqual(context.scopedShare.value, 0.5);
    assert.ok(runtime.pricing.ok && runtime.pricing.rates.modelId === 'claude-haiku-4-5');
    const system = runtime.items.find((i) => i.kind === 'system-prompt')!;
    assert.strictEqual(system.inputTokens, 1000);
    assert.strictEqual(system.basis, 'override');
    assert.match(system.source!, /runtimes\.claude-code\.systemPrompt/);
    assert.strictEqual(runtime.items.find((i) => i.label === 'tool schema: Bash')!.inputTokens, 0);
  });
});
