// The one message protocol between the simulation panel's host (src/extension/simulation) and its webview app. Both
// sides import these unions; messages crossing the boundary are checked with the parse functions below, because
// postMessage hands over `any`. The webview speaks first (`ready`); the host posts nothing before that. Requests
// (`run`, `export`) carry an id that every reply to them repeats, so a late reply to an old request is recognised.
import type { SessionCount } from '../core/simulate/precision';
import type { SimulationReport } from '../core/simulate/result';
import {
  CACHE_TTLS,
  CACHING_MODES,
  CONTEXT_FULL_ACTIONS,
  type CacheTtl,
  type CachingMode,
  type ContextFullAction,
} from '../core/simulate/scenario';
import type { Problem } from '../core/types';

export const VIEW_TYPE = 'burnrate.simulation';

/** The main levers the panel lets the user move; everything else comes from the scenario as written. */
export interface Levers {
  model: string;
  /** Median user turns per session (the spread of a {p50, p90} scenario is kept). */
  turns: number;
  /** 0-1. */
  cacheHitRate: number;
  /** 0-1. */
  retryRate: number;
  /** Median sessions per day. */
  sessionsPerDay: number;
  /** Share of calls on the routing model, 0-1 (0 = no routing). */
  routingShare: number;
  routingModel: string;
  /** The turn cap: what stops a runaway session. */
  maxTurns: number;
  /** Share of sessions that loop until the cap, 0-1. */
  runawayRate: number;
  /** Sessions each user runs a day; 0 = sessions independent of users (no per-user figures). */
  sessionsPerUserPerDay: number;
  /** Spread of the users' log-normal intensity (σ): how much the heavy users outspend the rest. */
  userIntensitySigma: number;
  /** What the runtime does when a call would not fit the context window. */
  onContextFull: ContextFullAction;
  /** What the prompt cache holds: the growing conversation, only the system prompt and tools, or nothing. */
  caching: CachingMode;
  /** The cache lifetime asked for, against the think time between turns. */
  cacheTtl: CacheTtl;
  /** USD at which the runtime stops a session after its turn; 0 = no stop. */
  sessionStopUsd: number;
}

export const LEVER_KEYS = [
  'model',
  'turns',
  'cacheHitRate',
  'retryRate',
  'sessionsPerDay',
  'routingShare',
  'routingModel',
  'maxTurns',
  'runawayRate',
  'sessionsPerUserPerDay',
  'userIntensitySigma',
  'onContextFull',
  'caching',
  'cacheTtl',
  'sessionStopUsd',
] as const satisfies readonly (keyof Levers)[];

export interface ScenarioChoice {
  id: string;
  label: string;
  /** Where it comes from: ".burnrate.yaml (folder)" or "prompts/x.md (open file)". */
  origin: string;
  description?: string;
  /** The scenario's own values of the levers; absent when the scenario cannot run (see problems). */
  defaults?: Levers;
  problems: Problem[];
}

export interface ModelOption {
  id: string;
  /** "$3/M in · $15/M out". */
  detail: string;
}

export type ExportFormat = 'json' | 'csv' | 'markdown';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'markdown'];

/** 'auto': as many as a ±1% P99 needs (the CLI's default), or a fixed count for a quick look. */
export const SESSION_CHOICES: readonly SessionCount[] = ['auto', 5_000, 20_000, 100_000];
/** The CLI's defaults, so the panel's figures equal `burnrate simulate`'s for the same scenario. */
export const DEFAULT_SESSIONS: SessionCount = 'auto';
export const DEFAULT_SEED = 1;

/** What the webview reports after drawing a result: read back by tests and by the host's command. */
export interface RenderedSummary {
  requestId: string;
  scenarioId: string;
  /** 'run': a fresh result; 'restored': the result kept in the webview's state, drawn again after a reload. */
  source: 'run' | 'restored';
  presets: {
    preset: string;
    model: string;
    p50: number;
    p90: number;
    p99: number;
    mean: number;
    perMonthP50: number;
  }[];
  /** The P50/P90/P99 markers drawn on the histogram, in USD per session, and the preset it shows. */
  markers: { preset: string; p50: number; p90: number; p99: number };
  /** Share of the histogram canvas with paint on it (0 when no chart could be drawn). */
  histogramInk: number;
  chartsDrawn: number;
  /** The shown preset's onContextFull and how many of its sessions reached the window. */
  contextFull: { preset: string; action: string; hitSessions: number; hitShare: number };
  /** Rows of the component breakdown, the per-turn table and the gate table. */
  rows: { components: number; turns: number; gates: number };
  /** Content-Security-Policy violations the document saw (should stay empty). */
  cspViolations: string[];
}

export type HostMessage =
  | {
      type: 'init';
      scenarios: ScenarioChoice[];
      models: ModelOption[];
      /** Selects a scenario (a command argument); `levers` override its defaults. */
      select?: { scenarioId: string; levers?: Partial<Levers> };
      problems: Problem[];
    }
  | { type: 'progress'; requestId: string; done: number; total: number; preset: string }
  | {
      type: 'result';
      requestId: string;
      scenarioId: string;
      report: SimulationReport;
      problems: Problem[];
      changes: string[];
      elapsedMs: number;
    }
  | { type: 'runFailed'; requestId: string; message: string; problems: Problem[] }
  | { type: 'cancelled'; requestId: string }
  | { type: 'exported'; requestId: string; ok: boolean; message: string };

export type WebviewMessage =
  | { type: 'ready'; restoredScenarioId?: string }
  | { type: 'run'; requestId: string; scenarioId: string; levers: Levers; sessions: SessionCount; seed: number }
  | { type: 'cancel'; requestId: string }
  | { type: 'export'; requestId: string; runRequestId: string; format: ExportFormat; to: 'file' | 'clipboard' }
  | { type: 'reloadScenarios' }
  | { type: 'rendered'; summary: RenderedSummary }
  | { type: 'webviewError'; message: string };

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isSessionCount = (v: unknown): v is SessionCount => v === 'auto' || isNumber(v);

export function isLevers(value: unknown): value is Levers {
  if (!isObject(value)) return false;
  return (
    isString(value.model) &&
    isString(value.routingModel) &&
    isNumber(value.turns) &&
    isNumber(value.cacheHitRate) &&
    isNumber(value.retryRate) &&
    isNumber(value.sessionsPerDay) &&
    isNumber(value.routingShare) &&
    isNumber(value.maxTurns) &&
    isNumber(value.runawayRate) &&
    isNumber(value.sessionsPerUserPerDay) &&
    isNumber(value.userIntensitySigma) &&
    (CONTEXT_FULL_ACTIONS as readonly unknown[]).includes(value.onContextFull) &&
    (CACHING_MODES as readonly unknown[]).includes(value.caching) &&
    (CACHE_TTLS as readonly unknown[]).includes(value.cacheTtl) &&
    isNumber(value.sessionStopUsd)
  );
}

/** A message from the webview, or undefined for anything else (never trusted blindly: the webview is a web page). */
export function parseWebviewMessage(data: unknown): WebviewMessage | undefined {
  if (!isObject(data) || !isString(data.type)) return undefined;
  const m = data;
  switch (m.type) {
    case 'ready':
      return { type: 'ready', ...(isString(m.restoredScenarioId) ? { restoredScenarioId: m.restoredScenarioId } : {}) };
    case 'run':
      return isString(m.requestId) &&
        isString(m.scenarioId) &&
        isLevers(m.levers) &&
        isSessionCount(m.sessions) &&
        isNumber(m.seed)
        ? {
            type: 'run',
            requestId: m.requestId,
            scenarioId: m.scenarioId,
            levers: m.levers,
            sessions: m.sessions,
            seed: m.seed,
          }
        : undefined;
    case 'cancel':
      return isString(m.requestId) ? { type: 'cancel', requestId: m.requestId } : undefined;
    case 'export':
      return isString(m.requestId) &&
        isString(m.runRequestId) &&
        (EXPORT_FORMATS as readonly unknown[]).includes(m.format) &&
        (m.to === 'file' || m.to === 'clipboard')
        ? {
            type: 'export',
            requestId: m.requestId,
            runRequestId: m.runRequestId,
            format: m.format as ExportFormat,
            to: m.to,
          }
        : undefined;
    case 'reloadScenarios':
      return { type: 'reloadScenarios' };
    case 'rendered':
      return isObject(m.summary) && isString(m.summary.requestId) && Array.isArray(m.summary.presets)
        ? { type: 'rendered', summary: m.summary as unknown as RenderedSummary }
        : undefined;
    case 'webviewError':
      return isString(m.message) ? { type: 'webviewError', message: m.message } : undefined;
    default:
      return undefined;
  }
}

const HOST_TYPES: ReadonlySet<string> = new Set(['init', 'progress', 'result', 'runFailed', 'cancelled', 'exported']);

/** A message from the host. Its payloads come from our own extension, so only the envelope is checked. */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  if (!isObject(data) || !isString(data.type) || !HOST_TYPES.has(data.type)) return undefined;
  if (data.type !== 'init' && !isString(data.requestId)) return undefined;
  if (data.type === 'init' && !(Array.isArray(data.scenarios) && Array.isArray(data.models))) return undefined;
  if (data.type === 'result' && !(isObject(data.report) && Array.isArray(data.report.scenarios))) return undefined;
  return data as unknown as HostMessage;
}
