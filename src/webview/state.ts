// What the panel remembers across reloads (vscode.getState/setState, and VS Code's serializer after a window
// reload): the chosen scenario, its levers, the run size, the preset the charts show, and the last result so it is
// drawn again at once instead of a blank panel while the host re-runs it. Anything unreadable falls back to defaults.
import type { SessionCount } from '../core/simulate/precision';
import type { SimulationReport } from '../core/simulate/result';
import type { Problem } from '../core/types';
import { DEFAULT_SESSIONS, isLevers, type Levers } from './protocol';

export interface ShownResult {
  requestId: string;
  scenarioId: string;
  report: SimulationReport;
  problems: Problem[];
  changes: string[];
  elapsedMs: number;
}

export interface PanelState {
  version: 1;
  scenarioId?: string;
  levers?: Levers;
  /** The scenario's own lever values when `levers` were saved: if the scenario changed since, the levers reset. */
  defaults?: Levers;
  sessions: SessionCount;
  chartPreset: string;
  last?: ShownResult;
}

export const INITIAL_STATE: PanelState = { version: 1, sessions: DEFAULT_SESSIONS, chartPreset: 'base' };

export function restoreState(raw: unknown): PanelState {
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== 1)
    return { ...INITIAL_STATE };
  const r = raw as Record<string, unknown>;
  const state: PanelState = { ...INITIAL_STATE };
  if (typeof r.scenarioId === 'string') state.scenarioId = r.scenarioId;
  if (isLevers(r.levers)) state.levers = r.levers;
  if (isLevers(r.defaults)) state.defaults = r.defaults;
  if (r.sessions === 'auto' || (typeof r.sessions === 'number' && Number.isInteger(r.sessions) && r.sessions >= 1))
    state.sessions = r.sessions;
  if (typeof r.chartPreset === 'string') state.chartPreset = r.chartPreset;
  if (isShownResult(r.last)) state.last = r.last;
  return state;
}

function isShownResult(value: unknown): value is ShownResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const report = v.report as { scenarios?: unknown } | undefined;
  return (
    typeof v.requestId === 'string' &&
    typeof v.scenarioId === 'string' &&
    typeof report === 'object' &&
    report !== null &&
    Array.isArray(report.scenarios) &&
    Array.isArray(v.problems) &&
    Array.isArray(v.changes)
  );
}

export function sameLevers(a: Levers | undefined, b: Levers | undefined): boolean {
  if (!a || !b) return a === b;
  return (Object.keys(a) as (keyof Levers)[]).every((key) => a[key] === b[key]);
}
