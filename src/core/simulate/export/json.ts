// JSON export: one object per scenario, keyed by name, holding its base run's figures at the top level
// (`.scenarios["support-agent"].perSession.p90`) and the other presets under `presets`.
import type { SessionCount } from '../precision';
import type { ScenarioResult, SimulationReport } from '../result';

export interface ScenarioJson extends ScenarioResult {
  presets: Record<string, ScenarioResult>;
}

export interface SimulationJson {
  seed: number;
  sessions: SessionCount;
  month: SimulationReport['month'];
  scenarios: Record<string, ScenarioJson>;
}

export function toJson(report: SimulationReport): SimulationJson {
  const scenarios: Record<string, ScenarioJson> = {};
  for (const scenario of report.scenarios) {
    const [first, ...rest] = scenario.runs;
    if (!first) continue;
    scenarios[scenario.name] = { ...first, presets: Object.fromEntries(rest.map((r) => [r.preset, r])) };
  }
  return { seed: report.seed, sessions: report.sessions, month: report.month, scenarios };
}
