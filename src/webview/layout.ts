// The panel's fixed skeleton: scenario picker, levers, run status, results (charts and tables) and exports. Built
// once; the app fills the parts. Every region has a stable class or id that tests and the stylesheet use.
import { el } from './dom';
import { SESSION_CHOICES } from './protocol';

export interface Layout {
  root: HTMLElement;
  scenario: HTMLSelectElement;
  reload: HTMLButtonElement;
  origin: HTMLElement;
  description: HTMLElement;
  leversSlot: HTMLElement;
  sessions: HTMLSelectElement;
  cancel: HTMLButtonElement;
  progress: HTMLProgressElement;
  status: HTMLElement;
  problems: HTMLElement;
  results: HTMLElement;
  changes: HTMLElement;
  cards: HTMLElement;
  chartPreset: HTMLSelectElement;
  histogram: HTMLCanvasElement;
  histogramNote: HTMLElement;
  turnsChart: HTMLCanvasElement;
  presets: HTMLElement;
  components: HTMLElement;
  gates: HTMLElement;
  turns: HTMLElement;
  notes: HTMLElement;
  exportSlot: HTMLElement;
}

export function buildLayout(doc: Document): Layout {
  const section = (title: string, className: string, ...children: HTMLElement[]) =>
    el(doc, 'section', { className }, el(doc, 'h2', { text: title }), ...children);

  const scenario = el(doc, 'select', { id: 'scenario' });
  const reload = el(doc, 'button', {
    className: 'secondary',
    attrs: { type: 'button', title: 'Read .burnrate.yaml and the open files again' },
    text: 'Reload scenarios',
  });
  const origin = el(doc, 'p', { className: 'origin' });
  const description = el(doc, 'p', { className: 'description' });
  const leversSlot = el(doc, 'div', { className: 'levers-slot' });
  const sessions = el(
    doc,
    'select',
    { id: 'sessions' },
    ...SESSION_CHOICES.map((n) =>
      el(doc, 'option', {
        attrs: { value: String(n) },
        text: n === 'auto' ? 'Sessions for a P99 within ±1%' : `${n.toLocaleString('en-US')} sessions per preset`,
      }),
    ),
  );
  const cancel = el(doc, 'button', { className: 'secondary', attrs: { type: 'button' }, text: 'Cancel' });
  cancel.hidden = true;
  const progress = el(doc, 'progress', { attrs: { max: '1', value: '0', 'aria-label': 'Simulation progress' } });
  progress.hidden = true;
  const status = el(doc, 'span', { className: 'status-text', attrs: { role: 'status', 'aria-live': 'polite' } });
  const problems = el(doc, 'div', { className: 'problems' });

  const changes = el(doc, 'p', { className: 'changes' });
  const cards = el(doc, 'div', { className: 'cards' });
  const chartPreset = el(doc, 'select', { id: 'chart-preset' });
  const histogram = el(doc, 'canvas', {
    id: 'histogram',
    attrs: { role: 'img', 'aria-label': 'Histogram of cost per session with P50, P90 and P99 marked' },
  });
  const histogramNote = el(doc, 'p', { className: 'note histogram-note' });
  const turnsChart = el(doc, 'canvas', {
    id: 'turns-chart',
    attrs: { role: 'img', 'aria-label': 'Mean cost of each turn and share of sessions reaching it' },
  });
  const presets = el(doc, 'div', { className: 'table-slot presets-slot' });
  const components = el(doc, 'div', { className: 'table-slot components-slot' });
  const gates = el(doc, 'div', { className: 'table-slot gates-slot' });
  const turns = el(doc, 'div', { className: 'table-slot turns-slot' });
  const notes = el(doc, 'ul', { className: 'notes' });
  const exportSlot = el(doc, 'div', { className: 'export-slot' });

  const results = el(
    doc,
    'div',
    { className: 'results', attrs: { 'aria-live': 'off' } },
    changes,
    el(
      doc,
      'div',
      { className: 'chart-toolbar' },
      el(doc, 'label', { attrs: { for: 'chart-preset' }, text: 'Charts and breakdown for' }),
      chartPreset,
    ),
    cards,
    section(
      'Cost per session',
      'histogram-section',
      el(doc, 'div', { className: 'chart-box' }, histogram),
      histogramNote,
    ),
    section('Base, bull and stress side by side', 'presets-section', presets),
    section('Where the money goes', 'components-section', components),
    section('Budget gates', 'gates-section', gates),
    section('Cost per turn', 'turns-section', el(doc, 'div', { className: 'chart-box' }, turnsChart), turns),
    section('Export', 'export-section', exportSlot),
    section('Assumptions and notes', 'notes-section', notes),
  );
  results.hidden = true;

  const root = el(
    doc,
    'div',
    { className: 'panel' },
    el(
      doc,
      'header',
      {},
      el(doc, 'h1', { text: 'Burnrate simulation' }),
      el(
        doc,
        'div',
        { className: 'scenario-row' },
        el(doc, 'label', { attrs: { for: 'scenario' }, text: 'Scenario' }),
        scenario,
        reload,
      ),
      origin,
      description,
    ),
    leversSlot,
    el(doc, 'div', { className: 'run-row' }, sessions, progress, status, cancel),
    problems,
    results,
  );
  return {
    root,
    scenario,
    reload,
    origin,
    description,
    leversSlot,
    sessions,
    cancel,
    progress,
    status,
    problems,
    results,
    changes,
    cards,
    chartPreset,
    histogram,
    histogramNote,
    turnsChart,
    presets,
    components,
    gates,
    turns,
    notes,
    exportSlot,
  };
}
