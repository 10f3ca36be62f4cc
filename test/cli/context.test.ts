// `burnrate context` as a user runs it: the built CLI over the examples workspace and a fresh temporary one.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './runCli';

describe('burnrate context (built CLI)', () => {
  it('--json gives each runtime id, model, perRequest and items; the examples use Claude Code and Copilot', () => {
    const run = runCli(['context', 'examples', '--json']);
    assert.strictEqual(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout);
    const ids = doc.runtimes.map((r: { id: string }) => r.id);
    assert.ok(ids.includes('claude-code') && ids.includes('copilot'), ids.join());
    for (const r of doc.runtimes) {
      assert.ok(
        r.model && r.perRequest.inputTokens > 1000 && r.perRequest.exact === false && r.perRequest.costUsd > 0,
        r.id,
      );
      const sum = r.items.reduce(
        (s: number, i: { inputTokens: number; share: number }) => s + i.inputTokens * i.share,
        0,
      );
      assert.strictEqual(r.perRequest.inputTokens, Math.round(sum), `${r.id}: the total is the sum of its parts`);
      for (const i of r.items)
        assert.ok(
          typeof i.kind === 'string' && typeof i.inputTokens === 'number' && typeof i.exact === 'boolean' && i.rule,
          JSON.stringify(i),
        );
    }
    const claude = doc.runtimes.find((r: { id: string }) => r.id === 'claude-code');
    const memory = claude.items.find((i: { path: string }) => i.path === 'CLAUDE.md');
    assert.deepStrictEqual(memory.imports, ['docs/agent-guide.md']);
    const estimate = JSON.parse(runCli(['estimate', 'examples/CLAUDE.md', '--json']).stdout);
    assert.strictEqual(
      estimate.units[0].inputTokens,
      memory.inputTokens,
      'estimate and context agree on an always-on file',
    );
    const subagent = claude.items.find(
      (i: { kind: string; path: string }) => i.kind === 'session' && i.path === '.claude/agents/test-runner.md',
    );
    const estimated = JSON.parse(runCli(['estimate', 'examples/.claude/agents/test-runner.md', '--json']).stdout)
      .units[0];
    assert.strictEqual(
      estimated.costPerSessionUsd,
      subagent.session.costUsd,
      'the subagent is priced per session the same way',
    );
  });

  it("prints each runtime's per-request total with every part named, and rejects an unknown runtime", () => {
    const run = runCli(['context', 'examples', '--runtime', 'claude-code']);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stdout, /Claude Code \(claude-code\)/);
    assert.match(run.stdout, /Every request: ≈[\d,]+ tokens/);
    assert.match(run.stdout, /tool schema: Bash/);
    assert.match(run.stdout, /imports docs\/agent-guide\.md/);
    assert.doesNotMatch(run.stdout, /GitHub Copilot/);
    const bad = runCli(['context', 'examples', '--runtime', 'vim']);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /unknown runtime "vim"/);
  });

  it('lists a link that leaves the workspace as skipped and never reads it', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-context-'));
    try {
      const root = path.join(base, 'ws');
      fs.mkdirSync(path.join(root, '.git'), { recursive: true });
      fs.writeFileSync(path.join(base, 'outside.md'), 'SECRET\n');
      fs.symlinkSync(path.join(base, 'outside.md'), path.join(root, 'CLAUDE.md'));
      const run = runCli(['context', root, '--json']);
      assert.strictEqual(run.code, 0, run.stderr);
      const doc = JSON.parse(run.stdout);
      assert.ok(
        doc.skipped.some(
          (s: { path: string; reason: string }) => s.path === 'CLAUDE.md' && /outside the workspace/.test(s.reason),
        ),
      );
      assert.doesNotMatch(run.stdout, /SECRET/);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
