// The panel's levers against a scenario as written: their starting values come from the prepared scenario (so a
// fromLog cache hit rate shows the observed rate), and moving one edits the written scenario before it is prepared
// again — a new model re-prices and re-counts the system prompt with its own tokenizer. Only levers that moved are
// applied, so an untouched scenario runs exactly as `burnrate simulate` runs it. No vscode import: tested in Node.
import { fixed, type Dist } from '../../core/simulate/distribution';
import { scaleDist } from '../../core/simulate/presets';
import {
  CACHE_TTLS,
  CACHING_MODES,
  CONTEXT_FULL_ACTIONS,
  SCENARIO_DEFAULTS,
  SCENARIO_LIMITS,
  USERS_DEFAULTS,
  type Scenario,
} from '../../core/simulate/scenario';
import type { ScenarioSpec } from '../../core/simulate/spec';
import type { Levers } from '../../webview/protocol';

/** The median a lever shows for a distribution: the value, the p50, or the middle observed sample. */
export function medianOf(dist: Dist): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.value;
    case 'lognormal':
      return dist.p50;
    case 'empirical': {
      const sorted = [...dist.samples].sort((a, b) => a - b);
      return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
    }
  }
}

/** `dist` moved so that its median is `target`, keeping its spread (p90/p50 ratio, or the samples' shape). */
export function withMedian(dist: Dist, target: number): Dist {
  const median = medianOf(dist);
  return median > 0 ? scaleDist(dist, target / median) : fixed(target);
}

export function leverDefaults(spec: ScenarioSpec, prepared: Scenario, routingFallback: string): Levers {
  return {
    model: spec.model ?? prepared.rates.modelId,
    turns: round(medianOf(prepared.turns)),
    cacheHitRate: prepared.cacheHitRate,
    retryRate: prepared.retryRate,
    sessionsPerDay: round(medianOf(prepared.sessionsPerDay)),
    routingShare: prepared.routing?.share ?? 0,
    routingModel: spec.routing?.model ?? routingFallback,
    maxTurns: prepared.maxTurns,
    runawayRate: prepared.runawayRate,
    sessionsPerUserPerDay: prepared.users?.sessionsPerUserPerDay ?? 0,
    userIntensitySigma: prepared.users?.intensitySigma ?? USERS_DEFAULTS.intensitySigma,
    onContextFull: prepared.onContextFull,
    caching: prepared.caching,
    cacheTtl: prepared.cacheTtl,
    sessionStopUsd: prepared.budget.stopSessions ? (prepared.budget.perSessionUsd ?? 0) : 0,
  };
}

export interface LeveredSpec {
  spec: ScenarioSpec;
  /** What moved, for the panel and the exports' notes: "turns p50 4 → 6". */
  changes: string[];
}

export function applyLevers(written: ScenarioSpec, levers: Levers, defaults: Levers): LeveredSpec {
  const spec: ScenarioSpec = { ...written };
  const changes: string[] = [];
  const moved = (key: keyof Levers) =>
    typeof levers[key] === 'number'
      ? Math.abs((levers[key] as number) - (defaults[key] as number)) > 1e-9
      : levers[key] !== defaults[key];

  if (moved('model') && levers.model.trim()) {
    spec.model = levers.model.trim();
    changes.push(`model ${defaults.model} → ${spec.model}`);
  }
  if (moved('maxTurns')) {
    spec.maxTurns = Math.min(SCENARIO_LIMITS.maxTurns, Math.max(1, Math.round(levers.maxTurns)));
    changes.push(`turn cap ${defaults.maxTurns} → ${spec.maxTurns}`);
  }
  if (moved('runawayRate')) {
    spec.runawayRate = clampShare(levers.runawayRate);
    changes.push(`runaway sessions ${pct(defaults.runawayRate)} → ${pct(spec.runawayRate)}`);
  }
  if (moved('turns')) {
    // A message from the webview is not trusted to have kept the form's bound.
    const turns = Math.min(SCENARIO_LIMITS.maxTurns, Math.max(1, levers.turns));
    spec.turns = withMedian(written.turns ?? fixed(SCENARIO_DEFAULTS.turns), turns);
    changes.push(`turns p50 ${defaults.turns} → ${turns}`);
    const cap = spec.maxTurns ?? SCENARIO_DEFAULTS.maxTurns;
    if (Math.ceil(turns) > cap && cap < SCENARIO_LIMITS.maxTurns && !moved('maxTurns')) {
      spec.maxTurns = Math.min(SCENARIO_LIMITS.maxTurns, Math.ceil(turns));
      changes.push(`maxTurns ${cap} → ${spec.maxTurns}`);
    }
  }
  if (moved('sessionsPerDay')) {
    const sessions = Math.max(0, levers.sessionsPerDay);
    spec.sessionsPerDay = withMedian(written.sessionsPerDay ?? fixed(SCENARIO_DEFAULTS.sessionsPerDay), sessions);
    changes.push(`sessions/day p50 ${defaults.sessionsPerDay} → ${sessions}`);
  }
  if (moved('cacheHitRate')) {
    spec.cacheHitRate = clampShare(levers.cacheHitRate);
    changes.push(`cache hit rate ${pct(defaults.cacheHitRate)} → ${pct(spec.cacheHitRate)}`);
  }
  if (moved('retryRate')) {
    spec.retryRate = clampShare(levers.retryRate);
    changes.push(`retry rate ${pct(defaults.retryRate)} → ${pct(spec.retryRate)}`);
  }
  if (moved('sessionsPerUserPerDay') || moved('userIntensitySigma')) {
    // Not trusted to have kept the form's bounds either.
    const rate = Math.min(SCENARIO_LIMITS.sessionsPerUserPerDay, Math.max(0, levers.sessionsPerUserPerDay));
    const sigma = Math.min(SCENARIO_LIMITS.intensitySigma, Math.max(0, levers.userIntensitySigma));
    if (rate === 0) {
      delete spec.users;
      if (defaults.sessionsPerUserPerDay > 0) changes.push('users → off');
    } else {
      spec.users = { sessionsPerUserPerDay: rate, intensitySigma: sigma };
      changes.push(
        defaults.sessionsPerUserPerDay > 0
          ? `users ${defaults.sessionsPerUserPerDay}/day σ ${defaults.userIntensitySigma} → ${rate}/day σ ${sigma}`
          : `users off → ${rate} sessions/user/day, σ ${sigma}`,
      );
    }
  }
  if (moved('onContextFull') && (CONTEXT_FULL_ACTIONS as readonly string[]).includes(levers.onContextFull)) {
    spec.onContextFull = levers.onContextFull;
    changes.push(`onContextFull ${defaults.onContextFull} → ${levers.onContextFull}`);
  }
  if (moved('caching') && (CACHING_MODES as readonly string[]).includes(levers.caching)) {
    spec.caching = levers.caching;
    changes.push(`caching ${defaults.caching} → ${levers.caching}`);
  }
  if (moved('cacheTtl') && (CACHE_TTLS as readonly string[]).includes(levers.cacheTtl)) {
    spec.cacheTtl = levers.cacheTtl;
    changes.push(`cache lifetime ${defaults.cacheTtl} → ${levers.cacheTtl}`);
  }
  if (moved('sessionStopUsd')) {
    // The stop and the per-session gate are one key in the engine (budget.perSessionUsd): a stop moves the gate too.
    const stop = Number.isFinite(levers.sessionStopUsd) ? Math.max(0, levers.sessionStopUsd) : 0;
    spec.budget =
      stop > 0
        ? { ...written.budget, perSessionUsd: stop, stopSessions: true }
        : { ...written.budget, stopSessions: false };
    changes.push(`session stop ${usdOrOff(defaults.sessionStopUsd)} → ${usdOrOff(stop)}`);
  }
  const share = clampShare(levers.routingShare);
  const routingModel = levers.routingModel.trim() || defaults.routingModel;
  if (share === 0) {
    if (moved('routingShare')) {
      delete spec.routing;
      changes.push(`routing ${pct(defaults.routingShare)} → off`);
    }
  } else if (moved('routingShare') || (moved('routingModel') && routingModel !== defaults.routingModel)) {
    spec.routing = { model: routingModel, share, per: written.routing?.per ?? 'call' };
    changes.push(
      `routing ${defaults.routingShare > 0 ? `${pct(defaults.routingShare)} on ${defaults.routingModel}` : 'off'} → ${pct(share)} on ${routingModel}`,
    );
  }
  return { spec, changes };
}

function clampShare(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function usdOrOff(x: number): string {
  return x > 0 ? `$${x}` : 'off';
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}
