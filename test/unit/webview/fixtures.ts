// Shared pieces for the panel's tests: scenario sources priced with hand-made cards, real engine results, and a
// jsdom page running the webview app with a fake VS Code API and a chart factory that records what it was asked
// to draw.
import { JSDOM } from 'jsdom';
import { lookupFromCards } from '../../../src/core/simulate/modelLookup';
import { lognormal } from '../../../src/core/simulate/distribution';
import type { ScenarioSpec } from '../../../src/core/simulate/spec';
import { preparedSource, type ScenarioSource } from '../../../src/extension/simulation/scenarioSources';
import { runScenario } from '../../../src/extension/simulation/runScenario';
import { App, type WebviewApi } from '../../../src/webview/app';
import type { ChartFactory, HistogramSpec, TurnsSpec } from '../../../src/webview/charts';
import type { HostMessage, Levers, WebviewMessage } from '../../../src/webview/protocol';
import type { PanelState } from '../../../src/webview/state';
import { HAIKU, SONNET } from '../simulate/cards';

export const lookup = lookupFromCards([SONNET, HAIKU]);

export function agentSpec(name = 'support', extra: Partial<ScenarioSpec> = {}): ScenarioSpec {
  return {
    name,
    model: 'claude-sonnet-4-5',
    systemPrompt: { tokens: 1500 },
    toolDefinitions: { tokens: 800 },
    sessionsPerDay: lognormal(2000, 3500),
    turns: lognormal(4, 9),
    userTokens: lognormal(60, 200),
    outputTokens: lognormal(200, 600),
    toolCallsPerTurn: lognormal(0.5, 2),
    toolResultTokens: lognormal(400, 1500),
    retryRate: 0.05,
    cacheHitRate: 0.6,
    budget: { perSessionUsd: 0.5, perDayUsd: 900 },
    presets: {},
    ...extra,
  };
}

export function agentSource(name = 'support', extra: Partial<ScenarioSpec> = {}): ScenarioSource {
  return preparedSource(`usage:test#${name}`, name, '.burnrate.yaml (test)', agentSpec(name, extra), {
    lookup,
    countFile: () => ({ error: 'no files here' }),
  });
}

/** A real result message for `source` at its own lever values. */
export async function resultMessage(
  source: ScenarioSource,
  requestId: string,
  sessions = 2000,
  levers?: Levers,
): Promise<Extract<HostMessage, { type: 'result' }>> {
  const outcome = await runScenario(source, levers ?? source.choice.defaults!, { sessions, seed: 7 });
  if (!outcome.ok) throw new Error(`fixture run failed: ${JSON.stringify(outcome)}`);
  return {
    type: 'result',
    requestId,
    scenarioId: source.choice.id,
    report: outcome.value.report,
    problems: outcome.value.problems,
    changes: outcome.value.changes,
    elapsedMs: 12,
  };
}

export function initMessage(
  sources: ScenarioSource[],
  extra: Partial<Extract<HostMessage, { type: 'init' }>> = {},
): Extract<HostMessage, { type: 'init' }> {
  return {
    type: 'init',
    scenarios: sources.map((s) => s.choice),
    models: [
      { id: 'claude-sonnet-4-5', detail: '$3/M in · $15/M out' },
      { id: 'claude-haiku-4-5', detail: '$1/M in · $5/M out' },
    ],
    problems: [],
    ...extra,
  };
}

export interface Page {
  dom: JSDOM;
  doc: Document;
  app: App;
  posted: WebviewMessage[];
  states: PanelState[];
  charts: { histograms: HistogramSpec[]; turns: TurnsSpec[]; destroyed: number };
  /** Messages of one type posted so far. */
  sent<T extends WebviewMessage['type']>(type: T): Extract<WebviewMessage, { type: T }>[];
  close(): void;
}

export function openPage(savedState?: unknown, debounceMs = 20): Page {
  const dom = new JSDOM('<!DOCTYPE html><html><body><main id="app" aria-busy="true"></main></body></html>');
  const doc = dom.window.document;
  const posted: WebviewMessage[] = [];
  const states: PanelState[] = [];
  const charts = { histograms: [] as HistogramSpec[], turns: [] as TurnsSpec[], destroyed: 0 };
  const handle = () => ({ ink: () => 0.25, destroy: () => void charts.destroyed++ });
  const factory: ChartFactory = {
    histogram: (_canvas, spec) => {
      charts.histograms.push(spec);
      return handle();
    },
    turns: (_canvas, spec) => {
      charts.turns.push(spec);
      return handle();
    },
  };
  const api: WebviewApi = {
    postMessage: (message) => posted.push(structuredClone(message)),
    getState: () => savedState,
    setState: (state) => states.push(structuredClone(state)),
  };
  const app = new App({
    api,
    document: doc,
    mount: doc.getElementById('app')!,
    charts: factory,
    debounceMs,
    cspViolations: () => [],
  });
  return {
    dom,
    doc,
    app,
    posted,
    states,
    charts,
    sent: <T extends WebviewMessage['type']>(type: T) =>
      posted.filter((m): m is Extract<WebviewMessage, { type: T }> => m.type === type),
    close: () => {
      app.dispose();
      dom.window.close();
    },
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sets an input's value and fires the `input` event a user's typing would. */
export function type(page: Page, selector: string, value: string): void {
  const input = page.doc.querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  input.value = value;
  input.dispatchEvent(new page.dom.window.Event('input', { bubbles: true }));
}
