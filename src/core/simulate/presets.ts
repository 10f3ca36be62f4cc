// Base / bull / stress. A preset derives from the scenario by multipliers (`scale`) and replacements (`set`), so it
// follows the scenario when the scenario changes. The built-in figures are planning defaults from domain.md (bull: fast
// adoption and heavier users; stress: a traffic spike, adversarial long inputs, loops — more turns and more tool calls
// per turn, the self-correcting and research-spiral loops of an agent; the ×1.5 / ×3 on tool calls is a planning
// assumption, not a measurement); a scenario's own `presets:`
// entries are merged over them key by key, and a multiplier of 1 switches one off.
import { fixed, lognormal, type Dist } from './distribution';
import type { Scenario } from './scenario';

export type Multiplier = number | { p50: number; p90: number };

export const SCALABLE_DISTS = [
  'sessionsPerDay',
  'turns',
  'userTokens',
  'outputTokens',
  'toolCallsPerTurn',
  'toolResultTokens',
] as const;
export const SCALABLE_SHARES = ['retryRate', 'cacheHitRate'] as const;
export type ScalableDist = (typeof SCALABLE_DISTS)[number];
export type ScalableShare = (typeof SCALABLE_SHARES)[number];

export interface PresetSpec {
  scale?: Partial<Record<ScalableDist, Multiplier> & Record<ScalableShare, number>>;
  set?: Partial<Pick<Scenario, ScalableDist | ScalableShare>>;
}

export const BUILTIN_PRESETS: Readonly<Record<'bull' | 'stress', PresetSpec>> = {
  bull: {
    scale: {
      sessionsPerDay: 2,
      turns: { p50: 1.25, p90: 1.5 },
      userTokens: { p50: 1.25, p90: 2 },
      toolResultTokens: { p50: 1, p90: 1.5 },
    },
  },
  stress: {
    scale: {
      sessionsPerDay: 5,
      turns: { p50: 1.5, p90: 2.5 },
      userTokens: { p50: 2, p90: 8 },
      toolResultTokens: { p50: 1.5, p90: 4 },
      toolCallsPerTurn: { p50: 1.5, p90: 3 },
      retryRate: 2,
    },
  },
};

export interface PresetRun {
  preset: string;
  description: string;
  scenario: Scenario;
}

/** Base, bull, stress, then any other presets the scenario names, each as a scenario of its own. */
export function presetRuns(base: Scenario, own: Readonly<Record<string, PresetSpec>> = {}): PresetRun[] {
  const runs: PresetRun[] = [{ preset: 'base', description: '', scenario: base }];
  const names = [...Object.keys(BUILTIN_PRESETS), ...Object.keys(own).filter((name) => !(name in BUILTIN_PRESETS))];
  for (const name of names) {
    const spec = mergePresets(BUILTIN_PRESETS[name as keyof typeof BUILTIN_PRESETS], own[name]);
    runs.push({ preset: name, description: describePreset(spec), scenario: applyPreset(base, spec) });
  }
  return runs;
}

export function mergePresets(builtin: PresetSpec | undefined, own: PresetSpec | undefined): PresetSpec {
  return { scale: { ...builtin?.scale, ...own?.scale }, set: { ...builtin?.set, ...own?.set } };
}

export function applyPreset(base: Scenario, spec: PresetSpec): Scenario {
  const scenario: Scenario = { ...base, notes: [...base.notes] };
  for (const key of SCALABLE_DISTS) {
    const m = spec.scale?.[key];
    if (m !== undefined) scenario[key] = scaleDist(scenario[key], m);
  }
  for (const key of SCALABLE_SHARES) {
    const m = spec.scale?.[key];
    if (m !== undefined) scenario[key] = Math.min(1, Math.max(0, scenario[key] * m));
  }
  for (const key of SCALABLE_DISTS) {
    const value = spec.set?.[key];
    if (value !== undefined) scenario[key] = value;
  }
  for (const key of SCALABLE_SHARES) {
    const value = spec.set?.[key];
    if (value !== undefined) scenario[key] = value;
  }
  return scenario;
}

/**
 * Multiplies a distribution's p50 and p90. A fixed value with different p50 and p90 multipliers becomes a log-normal;
 * observed samples are moved by the power map that takes their p50 and p90 to the scaled ones (for one multiplier,
 * a plain product), so their shape is kept.
 */
export function scaleDist(dist: Dist, m: Multiplier): Dist {
  const m50 = typeof m === 'number' ? m : m.p50;
  const m90 = typeof m === 'number' ? m : m.p90;
  switch (dist.kind) {
    case 'fixed':
      return dist.value === 0 || m50 === m90
        ? fixed(dist.value * m50)
        : lognormal(dist.value * m50, Math.max(dist.value * m50, dist.value * m90));
    case 'lognormal': {
      const p50 = dist.p50 * m50;
      return lognormal(p50, Math.max(p50, dist.p90 * m90));
    }
    case 'empirical': {
      if (m50 === m90) return { ...dist, samples: dist.samples.map((x) => x * m50) };
      const sorted = [...dist.samples].sort((a, b) => a - b);
      const q50 = sorted[Math.floor(0.5 * (sorted.length - 1))] ?? 0;
      const q90 = sorted[Math.floor(0.9 * (sorted.length - 1))] ?? 0;
      if (!(q50 > 0) || !(q90 > q50)) return { ...dist, samples: dist.samples.map((x) => x * m50) };
      const exponent = Math.max(0, Math.log((q90 * m90) / (q50 * m50)) / Math.log(q90 / q50));
      return { ...dist, samples: dist.samples.map((x) => (x > 0 ? q50 * m50 * Math.pow(x / q50, exponent) : 0)) };
    }
  }
}

const LABELS: Record<ScalableDist | ScalableShare, string> = {
  sessionsPerDay: 'sessions/day',
  turns: 'turns',
  userTokens: 'user tokens',
  outputTokens: 'output tokens',
  toolCallsPerTurn: 'tool calls/turn',
  toolResultTokens: 'tool-result tokens',
  retryRate: 'retry rate',
  cacheHitRate: 'cache hit rate',
};

/** "sessions/day ×2, turns p50 ×1.25 p90 ×1.5, retry rate = 0.3". */
export function describePreset(spec: PresetSpec): string {
  const parts: string[] = [];
  for (const [key, m] of Object.entries(spec.scale ?? {}) as [ScalableDist | ScalableShare, Multiplier][]) {
    if (typeof m === 'number') {
      if (m !== 1) parts.push(`${LABELS[key]} ×${m}`);
    } else if (m.p50 !== 1 || m.p90 !== 1) {
      parts.push(m.p50 === m.p90 ? `${LABELS[key]} ×${m.p50}` : `${LABELS[key]} p50 ×${m.p50} p90 ×${m.p90}`);
    }
  }
  for (const [key, value] of Object.entries(spec.set ?? {}) as [ScalableDist | ScalableShare, Dist | number][]) {
    parts.push(`${LABELS[key]} = ${typeof value === 'number' ? value : describeSet(value)}`);
  }
  return parts.join(', ') || 'same as base';
}

function describeSet(dist: Dist): string {
  return dist.kind === 'fixed'
    ? String(dist.value)
    : dist.kind === 'lognormal'
      ? `p50 ${dist.p50} / p90 ${dist.p90}`
      : `${dist.samples.length} samples`;
}
