import * as assert from 'assert';
import { countTokens } from '../../../src/core/tokenize/count';
import { resolve } from '../../../src/core/runtimes/context';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';
import { contextOf } from './memoryWorkspace';

const claude = resolve('claude-code', { usage: structuredClone(EMPTY_USAGE), overrides: [] });

describe('loading rules', () => {
  it('Cursor: alwaysApply rules ride on every request, glob rules at the scoped share, description rules cost their description', () => {
    const context = contextOf(
      {
        '.cursor/rules/always.mdc': '---\nalwaysApply: true\n---\nAlways.\n',
        '.cursor/rules/py.mdc': '---\nglobs: "**/*.py"\nalwaysApply: false\n---\nPython only.\n',
        '.cursor/rules/db.mdc':
          '---\ndescription: Database migrations and schema changes\nalwaysApply: false\n---\n' +
          'Migration rules. '.repeat(50),
        '.cursor/rules/manual.mdc': '---\nalwaysApply: false\n---\nOnly when mentioned.\n',
      },
      ['cursor'],
    );
    const items = context.runtimes[0]!.items;
    const kind = (path: string) => items.filter((i) => i.path === path).map((i) => [i.kind, i.share]);
    assert.deepStrictEqual(kind('.cursor/rules/always.mdc'), [['always-on', 1]]);
    assert.deepStrictEqual(kind('.cursor/rules/py.mdc'), [['scoped', 0.25]]);
    assert.deepStrictEqual(kind('.cursor/rules/db.mdc'), [
      ['rule-description', 1],
      ['on-demand', 0],
    ]);
    assert.deepStrictEqual(kind('.cursor/rules/manual.mdc'), [['on-invocation', 0]]);
    const description = items.find((i) => i.kind === 'rule-description')!;
    const body = items.find((i) => i.kind === 'on-demand')!;
    assert.ok(description.inputTokens < body.inputTokens, 'the description, not the body, rides on every request');
  });

  it('Copilot: applyTo ** is always-on, a narrower applyTo is scoped', () => {
    const context = contextOf(
      {
        '.github/instructions/all.instructions.md': '---\napplyTo: "**"\n---\nEverywhere.\n',
        '.github/instructions/ts.instructions.md': '---\napplyTo: "src/**/*.ts"\n---\nTypeScript.\n',
      },
      ['copilot'],
    );
    const items = context.runtimes[0]!.items;
    assert.strictEqual(items.find((i) => i.path?.endsWith('all.instructions.md'))!.kind, 'always-on');
    const ts = items.find((i) => i.path?.endsWith('ts.instructions.md'))!;
    assert.strictEqual(ts.kind, 'scoped');
    assert.match(ts.rule, /src\/\*\*\/\*\.ts/);
  });

  it('skills: name and description on every request, the body only per invocation', () => {
    const body = Array.from({ length: 200 }, () => 'Step one.').join(' ');
    const skill = `---\nname: release\ndescription: Cut a release and write the changelog\n---\n${body}`;
    const context = contextOf({ '.claude/skills/release/SKILL.md': skill, 'CLAUDE.md': 'x' }, ['claude-code']);
    const runtime = context.runtimes[0]!;
    const listing = runtime.items.find((i) => i.kind === 'skill-metadata')!;
    const bodyItem = runtime.items.find((i) => i.kind === 'skill-body')!;
    assert.strictEqual(listing.share, 1);
    assert.strictEqual(bodyItem.share, 0);
    const expected =
      countTokens('release: Cut a release and write the changelog', claude.tokenizer).tokens +
      claude.listingEntry!.tokens;
    assert.strictEqual(listing.inputTokens, expected);
    assert.strictEqual(bodyItem.inputTokens, countTokens(body.trim(), claude.tokenizer).tokens);
    const hidden = contextOf(
      { '.claude/skills/x/SKILL.md': `---\nname: x\ndescription: d\ndisable-model-invocation: true\n---\nBody` },
      ['claude-code'],
    );
    assert.ok(
      !hidden.runtimes[0]!.items.some((i) => i.kind === 'skill-metadata'),
      'disable-model-invocation: not listed at all',
    );
  });

  it("subagents: the parent pays the description; the session carries the preamble, its tools' schemas (all when tools is absent) and the body", () => {
    const agent = (tools?: string) =>
      `---\nname: tester\ndescription: Runs the tests\n${tools ? `tools: ${tools}\n` : ''}maxTurns: 8\n---\nYou run tests.\n`;
    const limited = contextOf({ '.claude/agents/tester.md': agent('Read, Bash, mcp__github__pr') }, ['claude-code'])
      .runtimes[0]!;
    const all = contextOf({ '.claude/agents/tester.md': agent() }, ['claude-code']).runtimes[0]!;
    assert.ok(limited.items.some((i) => i.kind === 'subagent-description' && i.share === 1));
    const session = (r: typeof limited) => r.items.find((i) => i.kind === 'session')!.session!;
    const tools = (r: typeof limited) =>
      session(r)
        .prefix.filter((p) => p.label.startsWith('tool schema:'))
        .map((p) => p.label.slice(13));
    assert.deepStrictEqual(tools(limited), ['Read', 'Bash']);
    assert.ok(session(limited).notes.some((n) => /mcp__github__pr/.test(n)));
    assert.strictEqual(tools(all).length, claude.tools.length);
    assert.strictEqual(session(limited).prefix[0]!.label, 'Claude Code subagent preamble');
    assert.strictEqual(session(limited).prefix[0]!.tokens, claude.subagentPreamble!.tokens);
    const schema = (name: string) => claude.tools.find((t) => t.name === name)!.figure.tokens;
    const ownBody = countTokens('You run tests.', claude.tokenizer).tokens;
    assert.strictEqual(
      session(limited).prefixTokens,
      claude.subagentPreamble!.tokens + schema('Read') + schema('Bash') + ownBody,
    );
    assert.strictEqual(session(limited).maxCalls, 8);
  });

  it("a subagent session carries the project memory, not the parent's listings", () => {
    const context = contextOf(
      {
        'CLAUDE.md': 'Memory.',
        '.claude/agents/a.md': '---\nname: a\ndescription: d\n---\nBody',
        '.claude/skills/s/SKILL.md': '---\nname: s\ndescription: d\n---\nS',
      },
      ['claude-code'],
    );
    const prefix = context.runtimes[0]!.items.find((i) => i.kind === 'session')!.session!.prefix.map((p) => p.label);
    assert.ok(prefix.includes('project memory: CLAUDE.md'));
    assert.ok(!prefix.some((l) => /listing/.test(l)));
  });
});
