import * as assert from 'assert';
import { fixed, lognormal } from '../../../src/core/simulate/distribution';
import { toCsv } from '../../../src/core/simulate/export/csv';
import { toJson } from '../../../src/core/simulate/export/json';
import { toMarkdown } from '../../../src/core/simulate/export/markdown';
import { toText } from '../../../src/core/simulate/export/text';
import { presetRuns } from '../../../src/core/simulate/presets';
import type { SimulationReport } from '../../../src/core/simulate/result';
import { simulatePlan } from '../../../src/core/simulate/run';
import { fixedSlices } from '../../../src/core/simulate/slicing';
import { scenarioWithDefaults } from '../../../src/core/simulate/scenario';
import { HAIKU, SONNET } from './cards';

const scenario = scenarioWithDefaults('support-agent', SONNET, {
  systemPromptTokens: 1500,
  turns: lognormal(4, 9),
  userTokens: lognormal(60, 200),
  toolCallsPerTurn: fixed(1),
  toolResultTokens: lognormal(800, 3000),
  retryRate: 0.15,
  cacheHitRate: 0.6,
  routing: { rates: HAIKU, share: 0.6, per: 'call' },
  sessionsPerDay: fixed(50_000),
  budget: { perSessionUsd: 0.5, perDayUsd: 8000 },
});

async function report(): Promise<SimulationReport> {
  const outcome = await simulatePlan([{ scenario: 'support-agent', runs: presetRuns(scenario) }], {
    sessions: 2000,
    seed: 1,
  });
  assert.ok(outcome.ok);
  return outcome.value;
}

describe('simulate: plan, progress, cancellation and exports', () => {
  it('reports progress over every preset and can be cancelled between batches', async () => {
    const seen: number[] = [];
    const controller = new AbortController();
    const outcome = await simulatePlan([{ scenario: 's', runs: presetRuns(scenario) }], {
      sessions: 1000,
      seed: 1,
      slices: fixedSlices(100),
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.done);
        assert.strictEqual(p.total, 3000);
        if (p.done >= 1500) controller.abort();
      },
    });
    assert.deepStrictEqual(outcome, { ok: false, error: { cancelled: true, done: 1500 } });
    assert.deepStrictEqual(
      seen,
      Array.from({ length: 15 }, (_, i) => (i + 1) * 100),
    );
  });

  it('JSON: each scenario keyed by name, base figures on top, other presets under presets', async () => {
    const json = toJson(await report());
    const s = json.scenarios['support-agent']!;
    assert.strictEqual(s.preset, 'base');
    for (const key of ['p50', 'p90', 'p99', 'mean'] as const) assert.ok(s.perSession[key] > 0);
    for (const key of ['p50', 'p90', 'p99'] as const) assert.ok(s.perMonth[key] > s.perDay[key]);
    assert.deepStrictEqual(Object.keys(s.presets), ['bull', 'stress']);
    assert.strictEqual(json.month.hours, 730);
    // Survives a round trip: plain data only.
    assert.deepStrictEqual(JSON.parse(JSON.stringify(json)), json);
  });

  it('CSV: long form with one header and a row per figure, quoted where needed', async () => {
    const r = await report();
    const csv = toCsv(r);
    const lines = csv.trimEnd().split('\n');
    assert.strictEqual(lines[0], 'scenario,preset,section,item,stat,value');
    const base = r.scenarios[0]!.runs[0]!;
    assert.ok(lines.includes(`support-agent,base,perSession,usd,p90,${base.perSession.p90}`));
    assert.ok(lines.includes(`support-agent,stress,perMonth,usd,p99,${r.scenarios[0]!.runs[2]!.perMonth.p99}`));
    assert.ok(lines.some((l) => l.startsWith('support-agent,base,gate.perSession,stop,share,')));
    assert.ok(lines.some((l) => l.startsWith('support-agent,base,component,history,share,')));
    assert.ok(lines.every((l) => l.split(',').length === 6));
  });

  it('Markdown and text: presets side by side, components, gates, growth, and the month convention', async () => {
    const r = await report();
    const md = toMarkdown(r);
    assert.ok(md.includes('| figure | base | bull | stress |'));
    assert.ok(md.includes('a month is 730 hours'));
    for (const heading of ['### Where the money goes', '### Budget gates', '### Cost per turn', '### Assumptions'])
      assert.ok(md.includes(heading), heading);
    const text = toText(r);
    assert.ok(/per session P90\s+\$/.test(text));
    assert.ok(text.includes('stop at $0.5000'));
    assert.ok(text.includes('30.42 days'));
  });
});
