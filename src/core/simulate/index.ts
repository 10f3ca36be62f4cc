// The simulation engine's public surface, for the CLI, the extension host and a webview panel.
export {
  BATCH_SESSIONS,
  BatchedRun,
  batchSeed,
  batchSizes,
  simulateBatch,
  type BatchJob,
  type BatchRunner,
  type SessionRunner,
} from './batches';
export { closedFormSession, type ClosedForm, type ClosedFormResult } from './closedForm';
export { COMPONENTS, type ComponentId } from './components';
export { fixed, lognormal, lognormalParams, describeDist, type Dist } from './distribution';
export { SessionEngine, type EngineOptions, type RawRun, type SharesMode } from './engine';
export { toCsv } from './export/csv';
export { toJson, type ScenarioJson, type SimulationJson } from './export/json';
export { toMarkdown } from './export/markdown';
export { toText } from './export/text';
export { GATE_LEVELS, GATE_TRIP_SHARE, type DayGateReport, type SessionGateReport } from './gates';
export { mergeRuns } from './merge';
export { lookupFromCards, type ModelLookup } from './modelLookup';
export { parseScenarios, type ParsedScenarios } from './parseScenarios';
export { prepareScenario, type PrepareDeps, type PreparedScenario } from './prepare';
export { BUILTIN_PRESETS, presetRuns, type PresetRun, type PresetSpec } from './presets';
export { DEFAULT_MONTH_HOURS, monthConvention, type MonthConvention } from './projection';
export { readUsageLog, replayUsageLog, type ReplayResult, type UsageLog } from './replay/replay';
export type {
  Band,
  CallStat,
  ComponentShare,
  ScenarioResult,
  ScenarioRuns,
  SimulationReport,
  TurnStat,
} from './result';
export {
  simulateInBatches,
  simulatePlan,
  simulateScenario,
  type Outcome,
  type PlanOptions,
  type Progress,
  type SimulateOptions,
  type SimulationJob,
} from './run';
export { DEFAULT_BATCH, DEFAULT_SLICE_MS, fixedSlices, timedSlices, type Slicing } from './slicing';
export { SCENARIO_DEFAULTS, scenarioWithDefaults, type Scenario } from './scenario';
export type { ScenarioSpec } from './spec';
export type { Histogram } from './stats';
