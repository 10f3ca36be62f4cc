import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { parseScenarios } from '../../../src/core/simulate/parseScenarios';
import { SCENARIO_KEYS } from '../../../src/core/simulate/spec';
import { repoRoot } from '../repoRoot';

const ROOT = repoRoot();

function messages(raw: unknown): string[] {
  return parseScenarios(raw).problems.map((p) => `${p.severity}: ${p.message}`);
}

describe('simulate: parseScenarios', () => {
  it("reads the issue's support-agent example", () => {
    const raw = parse(`
support-agent:
  model: claude-sonnet-4-5
  systemPrompt: prompts/support/system.md
  sessionsPerDay: 50000
  turns: 4
  userTokens: {p50: 60, p90: 200}
  outputTokens: {p50: 200, p90: 600}
  toolCallsPerTurn: 1
  toolResultTokens: {p50: 800, p90: 3000}
  retryRate: 0.15
  cacheHitRate: 0.6
  summarizeAfterTurns: 8
  routing: {model: claude-haiku-4-5, share: 0.6}
  budget: {perSessionUsd: 0.50, perDayUsd: 8000}
`);
    const { scenarios, problems } = parseScenarios(raw);
    assert.deepStrictEqual(problems, []);
    const s = scenarios[0]!;
    assert.strictEqual(s.name, 'support-agent');
    assert.deepStrictEqual(s.systemPrompt, { file: 'prompts/support/system.md' });
    assert.deepStrictEqual(s.turns, { kind: 'fixed', value: 4 });
    assert.deepStrictEqual(s.userTokens, { kind: 'lognormal', p50: 60, p90: 200 });
    assert.deepStrictEqual(s.routing, { model: 'claude-haiku-4-5', share: 0.6, per: 'call' });
    assert.deepStrictEqual(s.budget, { perSessionUsd: 0.5, perDayUsd: 8000 });
  });

  it('names the key of every error, and leaves only the broken scenario out', () => {
    const { scenarios, problems } = parseScenarios({
      good: { turns: 3 },
      bad: {
        turns: 'four',
        userTokens: { p50: 200, p90: 60 },
        retryRate: 15,
        cacheHitRate: -0.1,
        routing: { model: 'claude-haiku-4-5' },
        budget: { perSessionUsd: 0 },
        outputTokens: { p50: 0, p90: 10 },
        toolResultTokens: { fromLog: 'x.jsonl' },
        maxTurns: 2.5,
      },
    });
    assert.deepStrictEqual(
      scenarios.map((s) => s.name),
      ['good'],
    );
    const text = problems.map((p) => p.message).join('\n');
    for (const expected of [
      'scenarios.bad.turns: expected a number, {p50: …, p90: …} or {samples: [ … ]}, got "four"',
      'scenarios.bad.userTokens: p90 (60) must be at least p50 (200)',
      'scenarios.bad.retryRate: is a share between 0 and 1 (e.g. 0.15 for 15%), got 15',
      'scenarios.bad.cacheHitRate: must be at least 0, got -0.1',
      'scenarios.bad.routing.share: missing',
      'scenarios.bad.budget.perSessionUsd: must be above 0',
      'scenarios.bad.outputTokens.p50: must be above 0 for a log-normal',
      'scenarios.bad.toolResultTokens: fromLog is only for outputTokens and cacheHitRate',
      'scenarios.bad.maxTurns: must be a whole number, got 2.5',
      'scenarios.bad: not simulated until the errors above are fixed',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}\n---\n${text}`);
    }
  });

  it('warns about unknown keys with a suggestion, and keeps the scenario', () => {
    const { scenarios, problems } = parseScenarios({ s: { turnz: 4, retryrate: 0.1 } });
    assert.strictEqual(scenarios.length, 1);
    assert.deepStrictEqual(
      problems.map((p) => `${p.severity}: ${p.message}`),
      [
        'warning: scenarios.s.turnz: unknown key, ignored — did you mean turns?',
        'warning: scenarios.s.retryrate: unknown key, ignored — did you mean retryRate?',
      ],
    );
  });

  it('reads samples, fromLog, token counts, routing per session and presets', () => {
    const { scenarios, problems } = parseScenarios({
      s: {
        systemPrompt: 1200,
        outputTokens: { fromLog: 'logs/usage.jsonl' },
        cacheHitRate: { fromLog: 'logs/usage.jsonl' },
        userTokens: { samples: [10, 20, 30] },
        routing: { model: 'claude-haiku-4-5', share: 0.2, per: 'session' },
        presets: {
          stress: {
            scale: { sessionsPerDay: 10, userTokens: { p50: 1, p90: 12 } },
            set: { cacheHitRate: 0.2, turns: { p50: 6, p90: 20 } },
          },
          launch: { scale: { sessionsPerDay: 3 } },
        },
      },
    });
    assert.deepStrictEqual(problems, []);
    const s = scenarios[0]!;
    assert.deepStrictEqual(s.systemPrompt, { tokens: 1200 });
    assert.deepStrictEqual(s.outputTokens, { fromLog: 'logs/usage.jsonl' });
    assert.deepStrictEqual(s.cacheHitRate, { fromLog: 'logs/usage.jsonl' });
    assert.strictEqual(s.userTokens?.kind, 'empirical');
    assert.strictEqual(s.routing?.per, 'session');
    assert.deepStrictEqual(s.presets.stress?.scale, { sessionsPerDay: 10, userTokens: { p50: 1, p90: 12 } });
    assert.deepStrictEqual(s.presets.stress?.set?.turns, { kind: 'lognormal', p50: 6, p90: 20 });
    assert.deepStrictEqual(Object.keys(s.presets), ['stress', 'launch']);
  });

  it('rejects presets that touch keys a preset cannot change, and a preset called base', () => {
    const text = messages({ s: { presets: { base: {}, bull: { scale: { model: 2, sessionsPerDy: 2 } } } } }).join('\n');
    assert.ok(text.includes('scenarios.s.presets.base: base is the scenario itself'));
    assert.ok(text.includes('scenarios.s.presets.bull.scale.model: cannot be scaled'));
    assert.ok(text.includes('did you mean sessionsPerDay?'));
  });

  it('bounds the counts a file can set: a turn cap or tool-call cap of 1e9 is an error naming the bound, never a hang', () => {
    const problems = messages({ loop: { maxTurns: 1e9, maxToolCallsPerTurn: 1e9, dayCorrelation: 1 } });
    assert.ok(
      problems.includes('error: scenarios.loop.maxTurns: must be at most 1000, got 1000000000'),
      problems.join('\n'),
    );
    assert.ok(
      problems.includes('error: scenarios.loop.maxToolCallsPerTurn: must be at most 200, got 1000000000'),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((m) => m.startsWith('error: scenarios.loop.dayCorrelation: must be at most 0.99')),
      problems.join('\n'),
    );
    assert.strictEqual(parseScenarios({ loop: { maxTurns: 1e9 } }).scenarios.length, 0);
  });

  it('is silent on a missing block and clear on a wrong one', () => {
    assert.deepStrictEqual(parseScenarios(undefined), { scenarios: [], problems: [], byScenario: new Map() });
    assert.deepStrictEqual(messages([1, 2]), [
      'error: scenarios: expected a mapping of scenario names to scenarios, got a list',
    ]);
    assert.deepStrictEqual(
      messages({ s: 3 })[0],
      'error: scenarios.s: expected a mapping of scenario keys (model, turns, …), got 3',
    );
  });

  it("lists each problem under its own scenario: a's are not ab's or a.b's, and the block's are under none", () => {
    const parsed = parseScenarios({
      a: { turns: 2, bogus: 1 },
      ab: { turns: 'four' },
      'a.b': { retryRate: 15 },
      c: { subagents: [{ scenario: 'nobody' }] },
    });
    const own = (name: string) => (parsed.byScenario.get(name) ?? []).map((p) => p.message);
    assert.deepStrictEqual(own('a'), ['scenarios.a.bogus: unknown key, ignored']);
    assert.deepStrictEqual(own('ab'), [
      'scenarios.ab.turns: expected a number, {p50: …, p90: …} or {samples: [ … ]}, got "four"',
      'scenarios.ab: not simulated until the errors above are fixed',
    ]);
    assert.deepStrictEqual(own('a.b'), [
      'scenarios.a.b.retryRate: is a share between 0 and 1 (e.g. 0.15 for 15%), got 15',
      'scenarios.a.b: not simulated until the errors above are fixed',
    ]);
    assert.deepStrictEqual(own('c'), ['scenarios.c.subagents[0].scenario: no valid scenario "nobody"']);
    assert.deepStrictEqual(
      [...parsed.byScenario.values()].flat(),
      parsed.problems.filter((p) => !p.message.startsWith('scenarios:')),
    );
    assert.deepStrictEqual(parseScenarios([1]).byScenario, new Map());
  });

  it('reads every scenario of examples/.burnrate.yaml without a problem', () => {
    const raw = parse(fs.readFileSync(path.join(ROOT, 'examples/.burnrate.yaml'), 'utf8')) as { scenarios: unknown };
    const { scenarios, problems } = parseScenarios(raw.scenarios);
    assert.deepStrictEqual(problems, []);
    assert.ok(scenarios.length >= 3);
  });

  it('the JSON Schema lists exactly the keys the parser reads', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/scenarios.schema.json'), 'utf8')) as {
      definitions: { scenario: { properties: Record<string, unknown> } };
    };
    assert.deepStrictEqual(Object.keys(schema.definitions.scenario.properties).sort(), [...SCENARIO_KEYS].sort());
  });
});

describe('simulate: scenarios JSON Schema', () => {
  // ajv (a dev dependency) checks the schema as editors will read it: plain draft-07.
  const Ajv = require('ajv') as new (options: object) => {
    compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null };
  };
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/scenarios.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  it('accepts the example scenarios', () => {
    const raw = parse(fs.readFileSync(path.join(ROOT, 'examples/.burnrate.yaml'), 'utf8')) as { scenarios: unknown };
    assert.ok(validate(raw.scenarios), JSON.stringify(validate.errors));
  });

  it('rejects what the parser rejects', () => {
    for (const bad of [
      { s: { turns: 'four' } },
      { s: { retryRate: 15 } },
      { s: { routing: { model: 'x' } } },
      { s: { turnz: 4 } },
      { s: { toolResultTokens: { fromLog: 'x.jsonl' } } },
      { s: { presets: { base: {} } } },
      { s: { presets: { bull: { scale: { model: 2 } } } } },
    ]) {
      assert.strictEqual(validate(bad), false, JSON.stringify(bad));
      assert.ok(parseScenarios(bad).problems.length > 0);
    }
  });
});
