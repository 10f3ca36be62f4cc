// The runtime-overhead status bar text: it reads the runtime's per-request figures from the workspace context (the
// object the Agent Context view lists) for the runtime that loads the active file.
import * as assert from 'assert';
import { compact, integer, usd } from '../../../src/core/present/money';
import { runtimeOfFile, runtimeStatusText } from '../../../src/core/present/runtimeStatusText';
import { contextOf } from '../runtimes/memoryWorkspace';

describe('runtime overhead status text', () => {
  const context = contextOf(
    {
      'CLAUDE.md': '# Rules\n\nUse pnpm. Money is integer cents.\n',
      '.claude/skills/release/SKILL.md': '---\nname: release\ndescription: Cut a release\n---\nTag, build, publish.\n',
      'src/app.ts': 'export {};\n',
    },
    ['claude-code'],
  );
  const claude = context.runtimes[0]!;

  it('finds the runtime that loads the file, and none for a file no runtime reads', () => {
    assert.strictEqual(runtimeOfFile(context.runtimes, 'CLAUDE.md')?.runtime, claude);
    assert.strictEqual(runtimeOfFile(context.runtimes, '.claude/skills/release/SKILL.md')?.kind, 'skill listing');
    assert.strictEqual(runtimeOfFile(context.runtimes, 'src/app.ts'), undefined);
  });

  it('says the per-request tokens with ≈ and band, the model and $/request, and how to open the view', () => {
    const p = claude.perRequest;
    assert.ok(!p.exact && p.costUsd !== undefined && p.band > 0);
    const status = runtimeStatusText(claude, 'always-on file');
    assert.strictEqual(status.text, `Claude Code ≈${compact(p.inputTokens)} tok/req · ≈${usd(p.costUsd)}`);
    assert.ok(
      status.tooltip.includes(`≈${integer(p.inputTokens)} input tokens (±${Math.round(p.band * 100)}%)`),
      status.tooltip,
    );
    assert.ok(
      status.tooltip.includes(`Model: ${claude.pricing.ok ? claude.pricing.rates.modelId : ''}`),
      status.tooltip,
    );
    assert.ok(status.tooltip.includes(`≈${usd(p.costUsd)}/request`), status.tooltip);
    assert.match(status.tooltip, /This file: always-on file of Claude Code/);
    assert.match(status.tooltip, /Agent Context view/);
  });

  it('an unpriced model says so instead of a $0', () => {
    const unpriced = contextOf(
      { 'CLAUDE.md': 'Rules.\n' },
      ['claude-code'],
      'runtimes:\n  claude-code:\n    model: no-such-model-9\n',
    ).runtimes[0]!;
    const status = runtimeStatusText(unpriced, 'always-on file');
    assert.doesNotMatch(status.text, /\$/);
    assert.match(status.tooltip, /no price for no-such-model-9/);
  });
});
