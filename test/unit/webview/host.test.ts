// The panel's host side without VS Code: levers against written scenarios, runs with progress and cancellation,
// scenario sources from a real usage file, scenarios from a prompt file's estimate, the HTML shell, the protocol.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import { fixed, lognormal } from '../../../src/core/simulate/distribution';
import { prepareScenario } from '../../../src/core/simulate/prepare';
import { presetRuns } from '../../../src/core/simulate/presets';
import { simulatePlan } from '../../../src/core/simulate/run';
import { timedSlices } from '../../../src/core/simulate/slicing';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';
import { exportDocument } from '../../../src/extension/simulation/exportContent';
import { fileScenarioSources, unitScenarioSpec } from '../../../src/extension/simulation/fileScenario';
import { contentSecurityPolicy, newNonce, panelHtml } from '../../../src/extension/simulation/html';
import { applyLevers, leverDefaults, medianOf } from '../../../src/extension/simulation/levers';
import { PanelSession } from '../../../src/extension/simulation/panelSession';
import { runScenario } from '../../../src/extension/simulation/runScenario';
import {
  priceLookup,
  referencedFiles,
  usageScenarioSources,
  type FileText,
} from '../../../src/extension/simulation/scenarioSources';
import { parseScenarios } from '../../../src/core/simulate/parseScenarios';
import { parseWebviewMessage, type HostMessage } from '../../../src/webview/protocol';
import { repoRoot } from '../repoRoot';
import { agentSource, agentSpec, lookup } from './fixtures';

const deps = { lookup, countFile: () => ({ error: 'no files' }) };

describe('panel levers', () => {
  it('start at the prepared scenario’s values', () => {
    const spec = agentSpec('s', { routing: { model: 'claude-haiku-4-5', share: 0.4, per: 'session' } });
    const prepared = prepareScenario(spec, deps).scenario!;
    assert.deepStrictEqual(leverDefaults(spec, prepared, 'fallback'), {
      model: 'claude-sonnet-4-5',
      turns: 4,
      cacheHitRate: 0.6,
      retryRate: 0.05,
      sessionsPerDay: 2000,
      routingShare: 0.4,
      routingModel: 'claude-haiku-4-5',
      maxTurns: 50,
      runawayRate: 0,
      sessionsPerUserPerDay: 0,
      userIntensitySigma: 1,
      onContextFull: 'flag',
      caching: 'conversation',
      cacheTtl: '5m',
      sessionStopUsd: 0,
    });
  });

  it('the caching and cache-lifetime levers set the written keys, and change what is read from the cache', async () => {
    const source = agentSource('cached', { turns: fixed(6) });
    const defaults = source.choice.defaults!;
    const prefixOnly = applyLevers(source.spec!, { ...defaults, caching: 'prefix', cacheTtl: '1h' }, defaults);
    assert.strictEqual(prefixOnly.spec.caching, 'prefix');
    assert.strictEqual(prefixOnly.spec.cacheTtl, '1h');
    assert.deepStrictEqual(prefixOnly.changes, ['caching conversation → prefix', 'cache lifetime 5m → 1h']);
    const share = async (levers: typeof defaults) => {
      const outcome = await runScenario(source, levers, { sessions: 2000, seed: 3 });
      assert.ok(outcome.ok);
      return outcome.value.report.scenarios[0]!.runs[0]!.inputCache.readShare;
    };
    const conversation = await share(defaults);
    const prefix = await share({ ...defaults, caching: 'prefix' });
    const off = await share({ ...defaults, caching: 'off' });
    assert.ok(conversation > prefix && prefix > 0, `${conversation} > ${prefix} > 0`);
    assert.strictEqual(off, 0);
    const message = { type: 'run', requestId: 'r', scenarioId: 's', sessions: 'auto', seed: 1 };
    assert.strictEqual(parseWebviewMessage({ ...message, levers: { ...defaults, caching: 'always' } }), undefined);
    assert.strictEqual(parseWebviewMessage({ ...message, levers: { ...defaults, cacheTtl: '1d' } }), undefined);
  });

  it('the session stop lever stops sessions at a budget (the gate moves with it), and 0 takes the stop away', async () => {
    const source = agentSource('stopped', { turns: lognormal(6, 30), maxTurns: 200 });
    const defaults = source.choice.defaults!;
    assert.strictEqual(defaults.sessionStopUsd, 0, 'the fixture has a per-session gate but no stop');
    const stopped = applyLevers(source.spec!, { ...defaults, sessionStopUsd: 0.2 }, defaults);
    assert.deepStrictEqual(stopped.spec.budget, { perSessionUsd: 0.2, perDayUsd: 900, stopSessions: true });
    assert.deepStrictEqual(stopped.changes, ['session stop off → $0.2']);
    const p99 = async (levers: typeof defaults) => {
      const outcome = await runScenario(source, levers, { sessions: 4000, seed: 5 });
      assert.ok(outcome.ok);
      return outcome.value.report.scenarios[0]!.runs[0]!.perSession;
    };
    const free = await p99(defaults);
    const capped = await p99({ ...defaults, sessionStopUsd: 0.2 });
    // A session stops after the turn that reaches the stop: its last turn can take it past, never by more than a turn.
    assert.ok(free.p99 > 0.3, `the fixture's P99 ${free.p99} is above the stop`);
    assert.ok(capped.p99 < free.p99 * 0.8, `stopped P99 ${capped.p99} against ${free.p99}`);
    const off = applyLevers(stopped.spec, { ...defaults, sessionStopUsd: 0 }, { ...defaults, sessionStopUsd: 0.2 });
    assert.deepStrictEqual(off.spec.budget, { perSessionUsd: 0.2, perDayUsd: 900, stopSessions: false });
    assert.deepStrictEqual(off.changes, ['session stop $0.2 → off']);
  });

  it('the onContextFull lever sets the written key, and a value the engine does not know is refused', () => {
    const spec = agentSpec('s', { onContextFull: 'compact' });
    const defaults = leverDefaults(spec, prepareScenario(spec, deps).scenario!, 'fallback');
    assert.strictEqual(defaults.onContextFull, 'compact');
    const moved = applyLevers(spec, { ...defaults, onContextFull: 'fail' }, defaults);
    assert.strictEqual(moved.spec.onContextFull, 'fail');
    assert.deepStrictEqual(moved.changes, ['onContextFull compact → fail']);
    assert.strictEqual(prepareScenario(moved.spec, deps).scenario!.onContextFull, 'fail');
    const message = { type: 'run', requestId: 'r', scenarioId: 's', sessions: 'auto', seed: 1 };
    assert.ok(parseWebviewMessage({ ...message, levers: { ...defaults, onContextFull: 'truncate' } }));
    assert.strictEqual(
      parseWebviewMessage({ ...message, levers: { ...defaults, onContextFull: 'explode' } }),
      undefined,
    );
  });

  it("the turn cap and the runaway share move the scenario's own keys, within the engine's bound", () => {
    const spec = agentSpec('s', {});
    const defaults = leverDefaults(spec, prepareScenario(spec, deps).scenario!, 'fallback');
    const moved = applyLevers(spec, { ...defaults, maxTurns: 1e9, runawayRate: 0.05 }, defaults);
    assert.strictEqual(moved.spec.maxTurns, 1000);
    assert.strictEqual(moved.spec.runawayRate, 0.05);
    assert.deepStrictEqual(moved.changes, ['turn cap 50 → 1000', 'runaway sessions 0% → 5%']);
  });

  it('the users lever turns users on with its skew, keeps to the bounds, and 0 turns them off', () => {
    const spec = agentSpec('s', {});
    const defaults = leverDefaults(spec, prepareScenario(spec, deps).scenario!, 'fallback');
    const on = applyLevers(spec, { ...defaults, sessionsPerUserPerDay: 1e9, userIntensitySigma: 1.5 }, defaults);
    assert.deepStrictEqual(on.spec.users, { sessionsPerUserPerDay: 1000, intensitySigma: 1.5 });
    assert.deepStrictEqual(on.changes, ['users off → 1000 sessions/user/day, σ 1.5']);
    const prepared = prepareScenario(on.spec, deps).scenario!;
    const onDefaults = leverDefaults(on.spec, prepared, 'fallback');
    assert.strictEqual(onDefaults.sessionsPerUserPerDay, 1000);
    const off = applyLevers(on.spec, { ...onDefaults, sessionsPerUserPerDay: 0 }, onDefaults);
    assert.strictEqual(off.spec.users, undefined);
    assert.deepStrictEqual(off.changes, ['users → off']);
  });

  it('left where they start, change nothing: the run equals the scenario run directly', async () => {
    const source = agentSource();
    const applied = applyLevers(source.spec!, source.choice.defaults!, source.choice.defaults!);
    assert.deepStrictEqual(applied, { spec: source.spec, changes: [] });
    const outcome = await runScenario(source, source.choice.defaults!, { sessions: 3000, seed: 11 });
    const prepared = prepareScenario(source.spec!, deps).scenario!;
    const direct = await simulatePlan([{ scenario: 'support', runs: presetRuns(prepared) }], {
      sessions: 3000,
      seed: 11,
    });
    assert.ok(outcome.ok && direct.ok);
    assert.deepStrictEqual(outcome.value.report, direct.value);
  });

  it('move the median and keep the spread of a {p50, p90} distribution, raising maxTurns when needed', () => {
    const spec = agentSpec('s', { maxTurns: 10 });
    const defaults = leverDefaults(spec, prepareScenario(spec, deps).scenario!, 'x');
    const { spec: moved, changes } = applyLevers(spec, { ...defaults, turns: 12, sessionsPerDay: 500 }, defaults);
    assert.deepStrictEqual(moved.turns, lognormal(12, 27));
    assert.strictEqual(moved.maxTurns, 12);
    assert.strictEqual(medianOf(moved.sessionsPerDay!), 500);
    assert.deepStrictEqual(changes, ['turns p50 4 → 12', 'maxTurns 10 → 12', 'sessions/day p50 2000 → 500']);
  });

  it('switch routing on and off, and re-price a new model', () => {
    const spec = agentSpec();
    const defaults = leverDefaults(spec, prepareScenario(spec, deps).scenario!, 'claude-haiku-4-5');
    const on = applyLevers(spec, { ...defaults, routingShare: 0.5 }, defaults);
    assert.deepStrictEqual(on.spec.routing, { model: 'claude-haiku-4-5', share: 0.5, per: 'call' });
    const routed = { ...agentSpec(), routing: { model: 'claude-haiku-4-5', share: 0.5, per: 'call' as const } };
    const routedDefaults = leverDefaults(routed, prepareScenario(routed, deps).scenario!, 'x');
    assert.strictEqual(
      applyLevers(routed, { ...routedDefaults, routingShare: 0 }, routedDefaults).spec.routing,
      undefined,
    );
    const model = applyLevers(spec, { ...defaults, model: 'claude-haiku-4-5' }, defaults);
    assert.strictEqual(prepareScenario(model.spec, deps).scenario!.rates.modelId, 'claude-haiku-4-5');
  });

  it('move the results the way they should: more turns cost more, caching costs less, a cheaper model less still', async () => {
    const source = agentSource('s', { cacheHitRate: 0 });
    const d = source.choice.defaults!;
    const p50 = async (levers: typeof d) => {
      const outcome = await runScenario(source, levers, { sessions: 4000, seed: 3 });
      assert.ok(outcome.ok);
      return outcome.value.report.scenarios[0]!.runs[0]!.perSession.p50;
    };
    const base = await p50(d);
    assert.ok((await p50({ ...d, turns: 8 })) > base * 1.5);
    assert.ok((await p50({ ...d, cacheHitRate: 0.9 })) < base);
    assert.ok((await p50({ ...d, model: 'claude-haiku-4-5' })) < base / 2);
  });
});

describe('time-sliced runs', () => {
  const jobs = () => [{ scenario: 'support', runs: presetRuns(prepareScenario(agentSpec(), deps).scenario!) }];

  it('give the same report as simulatePlan however the slices fall', async () => {
    const direct = await simulatePlan(jobs(), { sessions: 3000, seed: 9 });
    // A clock that makes slices look fast, then slow, so the slice size swings up and down.
    let tick = 0;
    const sizes: number[] = [];
    let last = 0;
    const sliced = await simulatePlan(jobs(), {
      sessions: 3000,
      seed: 9,
      slices: timedSlices(10, () => (tick += tick % 6 < 3 ? 1 : 60)),
      onProgress: (p) => {
        sizes.push(p.done - last);
        last = p.done;
      },
    });
    assert.ok(direct.ok && sliced.ok);
    assert.deepStrictEqual(sliced.value, direct.value);
    assert.ok(new Set(sizes).size > 3, `slice sizes varied: ${[...new Set(sizes)].join(', ')}`);
  });

  it('grow slices while they are fast, and stop at the next slice once aborted', async () => {
    const sizes: number[] = [];
    let last = 0;
    const controller = new AbortController();
    const outcome = await simulatePlan(jobs(), {
      sessions: 50_000,
      seed: 1,
      slices: timedSlices(15, () => 0), // every slice takes "no time": each may double
      signal: controller.signal,
      onProgress: (p) => {
        sizes.push(p.done - last);
        last = p.done;
        if (sizes.length === 5) controller.abort();
      },
    });
    assert.deepStrictEqual(sizes, [100, 200, 400, 800, 1600]);
    assert.deepStrictEqual(outcome, { ok: false, error: { cancelled: true, done: 3100 } });
  });
});

describe('panel session', () => {
  function session() {
    const posted: HostMessage[] = [];
    let clock = 0;
    const s = new PanelSession({ post: (m) => posted.push(m), now: () => (clock += 40), sliceMs: 2 });
    return { s, posted };
  }

  it('posts progress, then the result, and keeps the report for exports', async () => {
    const { s, posted } = session();
    const source = agentSource();
    s.setSources([source]);
    await s.run({
      requestId: 'r1',
      scenarioId: source.choice.id,
      levers: source.choice.defaults!,
      sessions: 3000,
      seed: 1,
    });
    const progress = posted.filter((m) => m.type === 'progress');
    assert.ok(progress.length >= 3, `progress was posted (${progress.length})`);
    assert.deepStrictEqual(progress.at(-1), {
      type: 'progress',
      requestId: 'r1',
      done: 9000,
      total: 9000,
      preset: 'stress',
    });
    const result = posted.at(-1)!;
    assert.ok(result.type === 'result' && result.requestId === 'r1');
    assert.strictEqual(s.finishedRun('r1')?.report, result.report);
  });

  it('a new run cancels the one in flight', async () => {
    const { s, posted } = session();
    const source = agentSource();
    s.setSources([source]);
    const first = s.run({
      requestId: 'a',
      scenarioId: source.choice.id,
      levers: source.choice.defaults!,
      sessions: 20000,
      seed: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.strictEqual(s.running, 'a');
    const second = s.run({
      requestId: 'b',
      scenarioId: source.choice.id,
      levers: { ...source.choice.defaults!, turns: 2 },
      sessions: 2000,
      seed: 1,
    });
    await Promise.all([first, second]);
    const ends = posted
      .filter((m) => m.type !== 'progress')
      .map((m) => `${m.type}:${'requestId' in m ? m.requestId : ''}`);
    assert.deepStrictEqual(ends.sort(), ['cancelled:a', 'result:b']);
    assert.strictEqual(s.finishedRun('a'), undefined);
  });

  it('answers a repeated request from the last result, and an unknown scenario with a failure', async () => {
    const { s, posted } = session();
    const source = agentSource();
    s.setSources([source]);
    const request = { scenarioId: source.choice.id, levers: source.choice.defaults!, sessions: 2000, seed: 1 };
    await s.run({ requestId: 'x', ...request });
    const before = posted.length;
    await s.run({ requestId: 'y', ...request });
    const repeat = posted.slice(before);
    assert.strictEqual(repeat.length, 1, 'no progress: nothing ran again');
    const first = posted[before - 1]!;
    assert.ok(repeat[0]!.type === 'result' && first.type === 'result');
    assert.deepStrictEqual({ ...repeat[0], requestId: 'x' }, first);
    await s.run({ requestId: 'z', ...request, scenarioId: 'gone' });
    assert.strictEqual(posted.at(-1)!.type, 'runFailed');
  });

  it('reuses a result after the scenario list is re-read unchanged, and runs again when the scenario changed', async () => {
    const { s, posted } = session();
    const request = {
      requestId: 'p',
      scenarioId: agentSource().choice.id,
      levers: agentSource().choice.defaults!,
      sessions: 1000,
      seed: 1,
    };
    s.setSources([agentSource()]);
    await s.run(request);
    s.setSources([agentSource()]);
    const before = posted.length;
    await s.run({ ...request, requestId: 'q' });
    assert.deepStrictEqual(
      posted.slice(before).map((m) => m.type),
      ['result'],
    );
    s.setSources([agentSource('support', { userTokens: lognormal(90, 300) })]);
    await s.run({ ...request, requestId: 'r' });
    assert.ok(
      posted.slice(before + 1).some((m) => m.type === 'progress'),
      'the edited scenario ran again',
    );
  });

  it('reports a scenario that cannot run (a model without a price) as a failed run with the reason', async () => {
    const { s, posted } = session();
    const source = agentSource();
    s.setSources([source]);
    await s.run({
      requestId: 'm',
      scenarioId: source.choice.id,
      levers: { ...source.choice.defaults!, model: 'gpt-9-ultra' },
      sessions: 100,
      seed: 1,
    });
    const failed = posted.at(-1)!;
    assert.ok(failed.type === 'runFailed');
    assert.match(failed.message, /gpt-9-ultra/);
  });
});

describe('panel scenario sources', () => {
  const examples = path.join(repoRoot(), 'examples');
  const usage = parseUsageFile(fs.readFileSync(path.join(examples, '.burnrate.yaml'), 'utf8'));

  it('offers every scenario of examples/.burnrate.yaml, counting the system prompt file it names', () => {
    const specs = parseScenarios(usage.config.scenarios).scenarios;
    const files = new Map<string, FileText>(
      referencedFiles(specs).map((f) => [f, { text: fs.readFileSync(path.join(examples, f), 'utf8') }]),
    );
    assert.deepStrictEqual([...files.keys()], ['prompts/support/system.md']);
    const { sources, problems } = usageScenarioSources({
      config: usage.config,
      fileProblems: usage.problems,
      folderName: 'examples',
      folderKey: 'file:///examples',
      files,
    });
    assert.deepStrictEqual(problems, []);
    const onSupportPrompt = sources.filter(
      (s) =>
        s.spec?.systemPrompt &&
        'file' in s.spec.systemPrompt &&
        s.spec.systemPrompt.file === 'prompts/support/system.md',
    );
    assert.ok(onSupportPrompt.length >= 2, 'at least two scenarios use the support system prompt');
    for (const source of sources) {
      assert.ok(source.choice.defaults, `${source.choice.label} can run: ${JSON.stringify(source.choice.problems)}`);
      assert.strictEqual(source.choice.id, `usage:file:///examples#${source.choice.label}`);
    }
  });

  it('shows a scenario whose system prompt file is missing as one that cannot run, with the reason', () => {
    const { sources } = usageScenarioSources({
      config: usage.config,
      fileProblems: [],
      folderName: 'examples',
      folderKey: 'k',
      files: new Map([['prompts/support/system.md', { error: 'file not found' }]]),
    });
    const support = sources.find((s) => s.choice.label === 'support-agent')!;
    assert.strictEqual(support.choice.defaults, undefined);
    assert.match(
      support.choice.problems.map((p) => p.message).join('\n'),
      /prompts\/support\/system\.md: file not found/,
    );
  });

  it("lists a scenario's own problems with it, never those of a scenario whose name starts with its name", () => {
    const scenario = (extra: Record<string, unknown>) => ({ model: 'claude-sonnet-4-5', turns: 2, ...extra });
    const { sources, problems } = usageScenarioSources({
      config: { ...usage.config, scenarios: { a: scenario({ typoA: 1 }), 'a.b': scenario({ typoB: 1 }), ab: 3 } },
      fileProblems: [],
      folderName: 'w',
      folderKey: 'k',
      files: new Map(),
    });
    const own = (label: string) =>
      sources.find((s) => s.choice.label === label)!.choice.problems.map((p) => p.message.split(':')[0]);
    assert.deepStrictEqual(own('a'), ['scenarios.a.typoA']);
    assert.deepStrictEqual(own('a.b'), ['scenarios.a.b.typoB']);
    assert.deepStrictEqual(
      problems.map((p) => p.message),
      [
        '.burnrate.yaml (w): scenarios.ab: expected a mapping of scenario keys (model, turns, …), got 3',
        '.burnrate.yaml (w): scenarios.ab: not simulated until the errors above are fixed',
      ],
    );
  });

  it('starts a scenario from a prompt file: one call per session costs what the estimate says a call costs', async () => {
    const text = fs.readFileSync(path.join(examples, 'prompts/support/system.md'));
    const estimate = estimateSource('prompts/support/system.md', text, {
      relativePath: 'prompts/support/system.md',
      usage: usage.config,
    });
    assert.ok(estimate.ok);
    const unit = estimate.estimate.units[0]!;
    assert.ok(unit.cost && !unit.session);
    const [source] = fileScenarioSources(estimate.estimate.units, 'prompts/support/system.md', 'file:///x/system.md', {
      lookup: priceLookup(usage.config.prices),
      countFile: () => ({ error: 'unused' }),
    });
    assert.ok(source?.choice.defaults);
    assert.strictEqual(source.choice.defaults.model, unit.pricing.ok ? unit.pricing.rates.modelId : '');
    assert.deepStrictEqual(unitScenarioSpec(unit, 'n').systemPrompt, { tokens: unit.input.tokens });
    const outcome = await runScenario(source, source.choice.defaults, { sessions: 500, seed: 1 });
    assert.ok(outcome.ok);
    const base = outcome.value.report.scenarios[0]!.runs[0]!;
    assert.ok(
      Math.abs(base.perSession.p50 - unit.cost.perCall) < 1e-12,
      `${base.perSession.p50} vs ${unit.cost.perCall}`,
    );
    assert.strictEqual(base.sessionsPerDay.p50, unit.callsPerDay.value);
  });

  it('a multi-turn unit becomes a session of its turns', () => {
    const spec = unitScenarioSpec(
      {
        input: { tokens: 900, exact: true, band: 0, parts: [] },
        output: { expected: { value: 300, source: 'x' } },
        callsPerDay: { value: 40, source: 'x' },
        model: { value: 'claude-sonnet-4-5', source: 'x' },
        pricing: { ok: false, message: 'x' },
        session: {
          turns: { value: 6, source: 'x' },
          maxTurns: 20,
          userTokensPerTurn: { value: 120, source: 'x' },
          turnInputTokens: [],
          inputTokens: 0,
          outputTokens: 0,
        },
      } as unknown as Parameters<typeof unitScenarioSpec>[0],
      'agent',
    );
    assert.deepStrictEqual(
      [spec.turns, spec.maxTurns, spec.userTokens, spec.outputTokens],
      [fixed(6), 20, fixed(120), fixed(300)],
    );
  });
});

describe('panel exports', () => {
  it('are the CLI exporters’ documents, named after the scenario', async () => {
    const outcome = await runScenario(agentSource('Support Agent!'), agentSource('Support Agent!').choice.defaults!, {
      sessions: 500,
      seed: 1,
    });
    assert.ok(outcome.ok);
    const json = exportDocument(outcome.value.report, 'json');
    assert.strictEqual(json.fileName, 'burnrate-simulation-support-agent.json');
    const parsed = JSON.parse(json.text) as {
      scenarios: Record<string, { perSession: { p90: number }; presets: Record<string, unknown> }>;
    };
    assert.strictEqual(
      parsed.scenarios['Support Agent!']!.perSession.p90,
      outcome.value.report.scenarios[0]!.runs[0]!.perSession.p90,
    );
    assert.deepStrictEqual(Object.keys(parsed.scenarios['Support Agent!']!.presets), ['bull', 'stress']);
    assert.match(exportDocument(outcome.value.report, 'csv').text, /^scenario,preset,section,item,stat,value\n/);
    const markdown = exportDocument(outcome.value.report, 'markdown');
    assert.strictEqual(markdown.fileName, 'burnrate-simulation-support-agent.md');
    assert.match(markdown.text, /^# Burnrate simulation/);
  });
});

describe('panel HTML and protocol', () => {
  it('has a strict CSP with a fresh nonce on every render, and no inline script or style', () => {
    const a = newNonce();
    const b = newNonce();
    assert.notStrictEqual(a, b);
    assert.ok(a.length >= 32);
    const html = panelHtml({
      cspSource: 'vscode-resource:',
      nonce: a,
      scriptUri: 'https://x/out/webview.js',
      styleUri: 'https://x/media/simulation.css',
    });
    assert.strictEqual(
      contentSecurityPolicy('vscode-resource:', a),
      `default-src 'none'; script-src 'nonce-${a}'; style-src vscode-resource: 'nonce-${a}'; img-src vscode-resource: data:`,
    );
    assert.ok(html.includes(`content="${contentSecurityPolicy('vscode-resource:', a)}"`));
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.strictEqual(scripts.length, 1);
    assert.match(scripts[0]![1]!, new RegExp(`nonce="${a.replace(/[+/]/g, '\\$&')}" src="https://x/out/webview.js"`));
    assert.strictEqual(scripts[0]![2], '', 'no inline script');
    assert.doesNotMatch(html, /<style|style=|https?:\/\/(?!x\/)/);
  });

  it('accepts well-formed webview messages and nothing else', () => {
    const levers = agentSource().choice.defaults!;
    assert.deepStrictEqual(
      parseWebviewMessage({
        type: 'run',
        requestId: 'r',
        scenarioId: 's',
        levers,
        sessions: 10,
        seed: 1,
        extra: 'dropped',
      }),
      {
        type: 'run',
        requestId: 'r',
        scenarioId: 's',
        levers,
        sessions: 10,
        seed: 1,
      },
    );
    assert.deepStrictEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    for (const bad of [
      null,
      [],
      { type: 'run', requestId: 'r', scenarioId: 's', levers: { ...levers, turns: 'many' }, sessions: 10, seed: 1 },
      { type: 'run', requestId: 1, scenarioId: 's', levers, sessions: 10, seed: 1 },
      { type: 'export', requestId: 'e', runRequestId: 'r', format: 'pdf', to: 'file' },
      { type: 'export', requestId: 'e', runRequestId: 'r', format: 'csv', to: '/etc/passwd' },
      { type: 'eval', code: '1' },
    ]) {
      assert.strictEqual(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
