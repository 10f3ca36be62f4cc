// Draws one result into the layout: P50/P90/P99 cards and the histogram for the chosen preset, the presets side by
// side, where the money goes, the budget gates, cost per turn, and the notes. Keeps the Chart.js instances so they
// are destroyed before their canvas is drawn on again (a theme change redraws only the charts).
import { integer, percent, usd } from '../core/present/money';
import { withInterval } from '../core/simulate/export/tables';
import type { ScenarioResult, ScenarioRuns } from '../core/simulate/result';
import { histogramMarkers, histogramSpec, turnsSpec, type ChartFactory, type ChartHandle } from './charts';
import { el, fill } from './dom';
import type { Layout } from './layout';
import type { RenderedSummary } from './protocol';
import type { ShownResult } from './state';
import { componentsTable, gatesTable, presetsTable, turnTable } from './tables';
import { chartColors } from './theme';

export type DrawnParts = Pick<
  RenderedSummary,
  'presets' | 'markers' | 'histogramInk' | 'chartsDrawn' | 'rows' | 'contextFull'
>;

export class ResultView {
  private handles: { histogram?: ChartHandle; turns?: ChartHandle } = {};

  constructor(
    private readonly doc: Document,
    private readonly layout: Layout,
    private readonly charts: ChartFactory,
  ) {}

  /** Draws `shown`, with charts and breakdowns for `preset` (base when the run has no such preset). */
  draw(shown: ShownResult, preset: string): DrawnParts | undefined {
    const runs = shown.report.scenarios[0];
    const result = runs?.runs.find((r) => r.preset === preset) ?? runs?.runs[0];
    if (!runs || !result) return undefined;
    const { layout, doc } = this;

    fill(
      layout.chartPreset,
      ...runs.runs.map((r) => el(doc, 'option', { attrs: { value: r.preset }, text: r.preset })),
    );
    layout.chartPreset.value = result.preset;
    fill(
      layout.changes,
      shown.changes.length > 0
        ? `Levers moved: ${shown.changes.join('; ')}.`
        : 'The scenario as written (no lever moved).',
      ` ${result.sessionsSimulated.toLocaleString('en-US')} sessions per preset, seed ${result.seed}, ${(shown.elapsedMs / 1000).toFixed(1)} s.`,
    );
    fill(layout.cards, ...cards(doc, result));
    const presets = presetsTable(doc, runs);
    fill(layout.presets, presets.element);
    const components = componentsTable(doc, result);
    fill(layout.components, components.element);
    const gates = gatesTable(doc, runs);
    fill(
      layout.gates,
      gates
        ? gates.element
        : el(doc, 'p', {
            className: 'note',
            text: 'No budget in this scenario: add budget: {perSessionUsd: …, perDayUsd: …} to see how many sessions and days reach each gate.',
          }),
    );
    const turns = turnTable(doc, result);
    fill(layout.turns, turns.element);
    fill(layout.notes, ...notes(doc, runs, result));
    // Visible before drawing: Chart.js sizes the canvas from its container, which has no size while hidden.
    layout.results.hidden = false;
    this.drawCharts(result);
    const h = result.histogram;
    fill(
      layout.histogramNote,
      `${result.preset}: ${integer(result.sessionsSimulated)} sessions in ${h.counts.length} bins of ${usd(h.binWidthUsd)}` +
        (h.overflow > 0
          ? `; ${integer(h.overflow)} sessions above ${usd(h.upperUsd)} are off the chart (max ${usd(result.perSession.max)}).`
          : '.'),
    );

    const markers = histogramMarkers(result, chartColors(doc));
    const hits = windowHits(result);
    return {
      contextFull: { preset: result.preset, action: result.contextFull.action, ...hits },
      presets: runs.runs.map((r) => ({
        preset: r.preset,
        model: r.model.id,
        p50: r.perSession.p50,
        p90: r.perSession.p90,
        p99: r.perSession.p99,
        mean: r.perSession.mean,
        perMonthP50: r.perMonth.p50,
      })),
      markers: { preset: result.preset, p50: markers[0]!.usd, p90: markers[1]!.usd, p99: markers[2]!.usd },
      histogramInk: this.handles.histogram?.ink() ?? 0,
      chartsDrawn: (this.handles.histogram ? 1 : 0) + (this.handles.turns ? 1 : 0),
      rows: { components: components.rows, turns: turns.rows, gates: gates?.rows ?? 0 },
    };
  }

  /** Draws the charts of `result` again (new theme colours). */
  drawCharts(result: ScenarioResult): void {
    this.destroyCharts();
    const colors = chartColors(this.doc);
    const histogram = this.charts.histogram(this.layout.histogram, histogramSpec(result, colors));
    const turns = this.charts.turns(this.layout.turnsChart, turnsSpec(result, colors));
    this.handles = { ...(histogram ? { histogram } : {}), ...(turns ? { turns } : {}) };
  }

  destroyCharts(): void {
    this.handles.histogram?.destroy();
    this.handles.turns?.destroy();
    this.handles = {};
  }
}

function cards(doc: Document, result: ScenarioResult): HTMLElement[] {
  const card = (label: string, value: string, detail: string, marker?: string) =>
    el(
      doc,
      'div',
      { className: `card${marker ? ` marker-${marker}` : ''}`, attrs: { 'data-stat': label } },
      el(doc, 'span', { className: 'card-label', text: label }),
      el(doc, 'span', { className: 'card-value', text: value }),
      el(doc, 'span', { className: 'card-detail', text: detail }),
    );
  const users = result.users
    ? [
        card(
          'top 20% users',
          percent(result.users.topShare),
          `of a month's spend · ${integer(result.users.users)} users · user-day P99 ${withInterval(result.users.perUserDay, 'p99')}`,
        ),
      ]
    : [];
  return [
    card('P50', usd(result.perSession.p50), `per session (median) · ${withInterval(result.perSession, 'p50')}`, 'p50'),
    card('P90', usd(result.perSession.p90), `per session · ${withInterval(result.perSession, 'p90')}`, 'p90'),
    card('P99', usd(result.perSession.p99), `per session · ${withInterval(result.perSession, 'p99')}`, 'p99'),
    card('mean', usd(result.perSession.mean), `per session · ${result.meanPerSession.calls.toFixed(1)} calls`),
    card('per month', usd(result.perMonth.p50), `P50 of summed days · P90 ${withInterval(result.perMonth, 'p90')}`),
    card(
      'from cache',
      percent(result.inputCache.readShare),
      `of input tokens read from the cache · ${percent(result.inputCache.writeShare)} written`,
    ),
    ...users,
    windowCard(card, result),
  ];
}

/** A result saved by an older panel has no hit counts: none are shown rather than NaN. */
function windowHits(result: ScenarioResult): { hitSessions: number; hitShare: number } {
  const { hitSessions, hitShare } = result.contextFull;
  return typeof hitSessions === 'number' && typeof hitShare === 'number'
    ? { hitSessions, hitShare }
    : { hitSessions: 0, hitShare: 0 };
}

const WINDOW_ACTION: Record<string, string> = {
  compact: 'compacted (a summary replaced the history)',
  truncate: 'truncated (oldest tokens dropped)',
  fail: 'ended there (onContextFull: fail)',
  flag: 'priced over the window (onContextFull: flag)',
};

function windowCard(
  card: (label: string, value: string, detail: string) => HTMLElement,
  result: ScenarioResult,
): HTMLElement {
  const { hitSessions, hitShare } = windowHits(result);
  const full = result.contextFull;
  const window = result.overContextWindow.windowTokens;
  const at =
    full.action === 'compact' && full.compactAtTokens !== undefined
      ? ` at ${integer(full.compactAtTokens)} tokens`
      : window !== undefined
        ? ` of ${integer(window)} tokens`
        : '';
  const extra = full.action === 'compact' ? ` · ${full.compactionsPerSession.toFixed(2)} summaries per session` : '';
  return card(
    'window full',
    percent(hitShare),
    `of sessions hit the window${at}: ${integer(hitSessions)} ${WINDOW_ACTION[full.action] ?? full.action}${extra}`,
  );
}

function notes(doc: Document, runs: ScenarioRuns, result: ScenarioResult): HTMLElement[] {
  const items: string[] = [];
  const base = runs.runs[0];
  if (base)
    items.push(
      `Model ${base.model.id}: $${base.model.inputPerMTok} in / $${base.model.outputPerMTok} out per M (${base.model.source}).`,
    );
  if (result.routing)
    items.push(
      `Routing: ${Math.round(result.routing.share * 100)}% of ${result.routing.per === 'session' ? 'sessions' : 'calls'} on ${result.routing.model.id}.`,
    );
  for (const r of runs.runs) if (r.presetDescription) items.push(`${r.preset}: ${r.presetDescription}.`);
  for (const [key, value] of Object.entries(result.assumptions)) items.push(`${key}: ${value}`);
  items.push(...result.notes, result.month.description, `${result.periods.description}.`);
  if (result.users) items.push(`Users: ${result.users.description}.`);
  items.push(
    `${integer(result.sessionsSimulated)} sessions simulated; the per-session P99 is known to ±${(result.precision.relativeP99HalfWidth * 100).toFixed(1)}% (95% interval).`,
  );
  return items.map((text) => el(doc, 'li', { text }));
}
