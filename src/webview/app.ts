// The webview app: says `ready`, takes the scenario list from the host, runs the chosen scenario with the levers
// (debounced while they move; each run supersedes the previous one, which the host cancels), draws each result
// and reports what it drew (`rendered`). State is saved after every change so a reload shows the same panel at once.
// Everything VS Code-specific comes in through AppOptions, so the app runs in jsdom under mocha.
import type { Problem } from '../core/types';
import type { ChartFactory } from './charts';
import { el, fill } from './dom';
import { ExportBar } from './exportBar';
import { buildLayout, type Layout } from './layout';
import { LeversForm } from './leversForm';
import {
  DEFAULT_SEED,
  parseHostMessage,
  type ExportFormat,
  type HostMessage,
  type Levers,
  type ModelOption,
  type RenderedSummary,
  type ScenarioChoice,
  type WebviewMessage,
} from './protocol';
import { ResultView } from './resultView';
import { restoreState, sameLevers, type PanelState, type ShownResult } from './state';
import { watchTheme } from './theme';

export interface WebviewApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}

export interface AppOptions {
  api: WebviewApi;
  document: Document;
  /** Where the app mounts (the host page's <main id="app">). */
  mount: HTMLElement;
  charts: ChartFactory;
  /** Pause after the last lever change before a run starts. */
  debounceMs?: number;
  /** CSP violations seen so far (main.ts listens from the first moment). */
  cspViolations?: () => string[];
}

export const LEVER_DEBOUNCE_MS = 300;

type InitMessage = Extract<HostMessage, { type: 'init' }>;

export class App {
  private state: PanelState;
  private scenarios: ScenarioChoice[] = [];
  private models: ModelOption[] = [];
  private loadProblems: Problem[] = [];
  private running: string | undefined;
  private shown: { result: ShownResult; source: RenderedSummary['source'] } | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private counter = 0;
  private readonly layout: Layout;
  private readonly levers: LeversForm;
  private readonly exports: ExportBar;
  private readonly view: ResultView;
  private readonly stopThemeWatch: () => void;

  constructor(private readonly options: AppOptions) {
    const doc = options.document;
    this.state = restoreState(options.api.getState());
    this.layout = buildLayout(doc);
    this.levers = new LeversForm(doc, {
      onChange: (levers) => this.leversChanged(levers),
      onReset: () => this.resetLevers(),
    });
    this.exports = new ExportBar(doc, (format, to) => this.exportResult(format, to));
    this.view = new ResultView(doc, this.layout, options.charts);
    this.layout.leversSlot.append(this.levers.element);
    this.layout.exportSlot.append(this.exports.element);
    this.layout.sessions.value = String(this.state.sessions);
    fill(options.mount, this.layout.root);
    options.mount.removeAttribute('aria-busy');
    this.levers.setEnabled(false);

    this.layout.scenario.addEventListener('change', () => this.selectScenario(this.layout.scenario.value));
    this.layout.reload.addEventListener('click', () => this.post({ type: 'reloadScenarios' }));
    this.layout.sessions.addEventListener('change', () => {
      const value = this.layout.sessions.value;
      this.state.sessions = value === 'auto' ? 'auto' : Number(value);
      this.save();
      this.runNow();
    });
    this.layout.cancel.addEventListener('click', () => {
      if (this.running) this.post({ type: 'cancel', requestId: this.running });
    });
    this.layout.chartPreset.addEventListener('change', () => {
      this.state.chartPreset = this.layout.chartPreset.value;
      this.save();
      if (this.shown) this.view.draw(this.shown.result, this.state.chartPreset);
    });
    this.stopThemeWatch = watchTheme(doc, () => this.redrawCharts());
  }

  /** Draws the result kept in the state (if any), then tells the host the webview is ready. */
  start(): void {
    const last = this.state.last;
    if (last) this.showResult(last, 'restored');
    this.post({ type: 'ready', ...(this.state.scenarioId ? { restoredScenarioId: this.state.scenarioId } : {}) });
  }

  receive(data: unknown): void {
    const message = parseHostMessage(data);
    if (!message) return;
    switch (message.type) {
      case 'init':
        this.init(message);
        break;
      case 'progress':
        if (message.requestId !== this.running) return;
        this.layout.progress.max = Math.max(1, message.total);
        this.layout.progress.value = message.done;
        this.layout.status.textContent = `Simulating ${message.preset}… ${Math.floor((100 * message.done) / Math.max(1, message.total))}%`;
        break;
      case 'result':
        if (message.requestId !== this.running) return;
        this.runSettled();
        this.state.last = {
          requestId: message.requestId,
          scenarioId: message.scenarioId,
          report: message.report,
          problems: message.problems,
          changes: message.changes,
          elapsedMs: message.elapsedMs,
        };
        this.save();
        this.showResult(this.state.last, 'run');
        break;
      case 'runFailed':
        if (message.requestId !== this.running) return;
        this.runSettled();
        this.layout.status.textContent = 'The simulation did not run.';
        this.showProblems([{ severity: 'error', message: message.message }, ...message.problems]);
        break;
      case 'cancelled':
        if (message.requestId !== this.running) return;
        this.runSettled();
        this.layout.status.textContent = 'Cancelled.';
        break;
      case 'exported':
        this.exports.showStatus(message.message, message.ok);
        break;
    }
  }

  dispose(): void {
    clearTimeout(this.debounce);
    this.stopThemeWatch();
    this.view.destroyCharts();
  }

  private init(message: InitMessage): void {
    this.scenarios = message.scenarios;
    this.models = message.models;
    this.loadProblems = message.problems;
    const doc = this.options.document;
    fill(
      this.layout.scenario,
      ...this.scenarios.map((s) =>
        el(doc, 'option', {
          attrs: { value: s.id },
          text: `${s.label} — ${s.origin}${s.defaults ? '' : ' (cannot run)'}`,
        }),
      ),
    );
    const requested = message.select && this.scenarios.find((s) => s.id === message.select!.scenarioId);
    if (requested) {
      this.selectScenario(requested.id, { ...requested.defaults!, ...message.select!.levers });
      return;
    }
    const kept = this.scenarios.find((s) => s.id === this.state.scenarioId);
    const chosen = kept ?? this.scenarios.find((s) => s.defaults) ?? this.scenarios[0];
    if (!chosen) {
      this.state.scenarioId = undefined;
      this.layout.origin.textContent = '';
      this.layout.description.textContent = '';
      this.levers.setEnabled(false);
      this.showProblems([
        ...this.loadProblems,
        {
          severity: 'info',
          message:
            'No scenario to simulate. Add a scenarios: block to .burnrate.yaml (Burnrate: Open or Create Usage File), or open a prompt file and run Burnrate: Run Simulation again to start from it.',
        },
      ]);
      return;
    }
    // Levers saved for this scenario survive a reload, unless the scenario itself changed since.
    const keepLevers = kept && this.state.levers && sameLevers(this.state.defaults, kept.defaults);
    this.selectScenario(chosen.id, keepLevers ? this.state.levers : undefined);
  }

  private selectScenario(id: string, levers?: Levers): void {
    const choice = this.scenarios.find((s) => s.id === id);
    if (!choice) return;
    clearTimeout(this.debounce);
    this.layout.scenario.value = id;
    this.layout.origin.textContent = `From ${choice.origin}`;
    this.layout.description.textContent = choice.description ?? '';
    this.state.scenarioId = id;
    if (!choice.defaults) {
      this.state.levers = undefined;
      this.state.defaults = undefined;
      this.levers.setEnabled(false);
      this.exports.setEnabled(false);
      this.layout.results.hidden = true;
      this.showProblems([...this.loadProblems, ...choice.problems]);
      this.save();
      return;
    }
    this.state.defaults = choice.defaults;
    this.state.levers = levers ?? choice.defaults;
    this.levers.show(this.state.levers, choice.defaults, this.models);
    this.levers.setEnabled(true);
    this.save();
    this.runNow();
  }

  private leversChanged(levers: Levers): void {
    this.state.levers = levers;
    this.save();
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.runNow(), this.options.debounceMs ?? LEVER_DEBOUNCE_MS);
  }

  private resetLevers(): void {
    const choice = this.current();
    if (!choice?.defaults) return;
    this.state.levers = choice.defaults;
    this.levers.show(choice.defaults, choice.defaults, this.models);
    this.save();
    this.runNow();
  }

  private runNow(): void {
    clearTimeout(this.debounce);
    const choice = this.current();
    const levers = this.state.levers;
    if (!choice?.defaults || !levers) return;
    const requestId = `${Date.now().toString(36)}-${++this.counter}`;
    this.running = requestId;
    this.layout.results.classList.add('stale');
    this.layout.progress.hidden = false;
    this.layout.progress.value = 0;
    this.layout.cancel.hidden = false;
    this.layout.status.textContent = 'Simulating…';
    this.exports.setEnabled(false);
    this.post({
      type: 'run',
      requestId,
      scenarioId: choice.id,
      levers,
      sessions: this.state.sessions,
      seed: DEFAULT_SEED,
    });
  }

  private runSettled(): void {
    this.running = undefined;
    this.layout.progress.hidden = true;
    this.layout.cancel.hidden = true;
    this.layout.results.classList.remove('stale');
    if (this.shown?.source === 'run') this.exports.setEnabled(true);
  }

  private showResult(result: ShownResult, source: RenderedSummary['source']): void {
    const drawn = this.view.draw(result, this.state.chartPreset);
    if (!drawn) {
      this.showProblems([{ severity: 'error', message: 'The result holds no scenario run.' }]);
      return;
    }
    this.shown = { result, source };
    this.layout.status.textContent =
      source === 'restored'
        ? 'Showing the last result; running it again…'
        : `Done in ${(result.elapsedMs / 1000).toFixed(1)} s.`;
    this.exports.setEnabled(source === 'run' && !this.running);
    this.showProblems([...this.loadProblems, ...result.problems]);
    this.post({
      type: 'rendered',
      summary: {
        requestId: result.requestId,
        scenarioId: result.scenarioId,
        source,
        ...drawn,
        cspViolations: this.options.cspViolations?.() ?? [],
      },
    });
  }

  private redrawCharts(): void {
    const runs = this.shown?.result.report.scenarios[0]?.runs;
    const result = runs?.find((r) => r.preset === this.state.chartPreset) ?? runs?.[0];
    if (result) this.view.drawCharts(result);
  }

  private exportResult(format: ExportFormat, to: 'file' | 'clipboard'): void {
    if (!this.shown || this.shown.source !== 'run') return;
    this.exports.showStatus(to === 'file' ? 'Choose where to save…' : 'Copying…', true);
    this.post({
      type: 'export',
      requestId: `${Date.now().toString(36)}-${++this.counter}`,
      runRequestId: this.shown.result.requestId,
      format,
      to,
    });
  }

  private showProblems(problems: readonly Problem[]): void {
    const doc = this.options.document;
    fill(
      this.layout.problems,
      ...problems.map((p) =>
        el(doc, 'p', {
          className: `problem ${p.severity}`,
          attrs: { role: p.severity === 'error' ? 'alert' : 'note' },
          text: p.message,
        }),
      ),
    );
  }

  private current(): ScenarioChoice | undefined {
    return this.scenarios.find((s) => s.id === this.state.scenarioId);
  }

  private save(): void {
    this.options.api.setState(this.state);
  }

  private post(message: WebviewMessage): void {
    this.options.api.postMessage(message);
  }
}
