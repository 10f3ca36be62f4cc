// Result tables. The presets side by side and cost per turn are the engine's own tables (export/tables.ts), the
// ones the CLI and the markdown export print, so the panel shows the same figures in the same words.
import { integer, percent, usd } from '../core/present/money';
import { shareText, summaryTable, turnsTable, type Table } from '../core/simulate/export/tables';
import type { ScenarioResult, ScenarioRuns } from '../core/simulate/result';
import { el } from './dom';

export interface Rendered {
  element: HTMLElement;
  /** Body rows (what a test or the rendered summary counts). */
  rows: number;
}

export function tableElement(doc: Document, table: Table, className: string): HTMLTableElement {
  const head = el(
    doc,
    'thead',
    {},
    el(
      doc,
      'tr',
      {},
      ...table.header.map((h, i) =>
        el(doc, 'th', { className: table.numeric[i] ? 'num' : '', attrs: { scope: 'col' }, text: h }),
      ),
    ),
  );
  const body = el(
    doc,
    'tbody',
    {},
    ...table.rows.map((row) =>
      el(
        doc,
        'tr',
        {},
        ...row.map((cell, i) =>
          el(doc, i === 0 ? 'th' : 'td', {
            className: table.numeric[i] ? 'num' : '',
            ...(i === 0 ? { attrs: { scope: 'row' } } : {}),
            text: cell,
          }),
        ),
      ),
    ),
  );
  return el(doc, 'table', { className }, head, body);
}

export function presetsTable(doc: Document, runs: ScenarioRuns): Rendered {
  const table = summaryTable(runs);
  return { element: tableElement(doc, table, 'presets'), rows: table.rows.length };
}

export function turnTable(doc: Document, result: ScenarioResult): Rendered {
  const table = turnsTable(result, 14);
  return { element: tableElement(doc, table, 'turns'), rows: table.rows.length };
}

/** Where the money goes, largest first, with a meter per component. */
export function componentsTable(doc: Document, result: ScenarioResult): Rendered {
  const components = [...result.components].sort((a, b) => b.meanUsd - a.meanUsd);
  const head = el(
    doc,
    'thead',
    {},
    el(
      doc,
      'tr',
      {},
      ...['component', 'mean per session', 'share', ''].map((h, i) =>
        el(doc, 'th', { className: i > 0 && i < 3 ? 'num' : '', attrs: { scope: 'col' }, text: h }),
      ),
    ),
  );
  const body = el(
    doc,
    'tbody',
    {},
    ...components.map((c) =>
      el(
        doc,
        'tr',
        { attrs: { 'data-component': c.id } },
        el(doc, 'th', { attrs: { scope: 'row' }, text: c.label }),
        el(doc, 'td', { className: 'num', text: usd(c.meanUsd) }),
        el(doc, 'td', { className: 'num', text: percent(c.share) }),
        el(
          doc,
          'td',
          {},
          el(doc, 'meter', {
            attrs: { min: '0', max: '1', value: String(c.share), 'aria-label': `${c.label}: ${percent(c.share)}` },
          }),
        ),
      ),
    ),
  );
  return { element: el(doc, 'table', { className: 'components' }, head, body), rows: components.length };
}

/** Budget gates of every preset side by side: the share reaching each gate, and the volume that means. */
export function gatesTable(doc: Document, runs: ScenarioRuns): Rendered | undefined {
  const base = runs.runs[0];
  if (!base) return undefined;
  const rows: string[][] = [];
  const session = base.gates.perSession;
  if (session) {
    session.gates.forEach((gate, i) => {
      rows.push([
        `per session ${usd(session.budgetUsd)}: ${gate.level} at ${usd(gate.thresholdUsd)}`,
        ...runs.runs.map((r) => {
          const g = r.gates.perSession?.gates[i];
          return g ? `${shareText(g.share)} of sessions · ≈${integer(g.perDay)}/day` : '—';
        }),
      ]);
    });
  }
  const day = base.gates.perDay;
  if (day) {
    day.gates.forEach((gate, i) => {
      rows.push([
        `per day ${usd(day.budgetUsd)}: ${gate.level} at ${usd(gate.thresholdUsd)}`,
        ...runs.runs.map((r) => {
          const g = r.gates.perDay?.gates[i];
          return g ? `${shareText(g.daysShare)} of days · ≈${integer(g.sessionsPastPerDay)} sessions/day past it` : '—';
        }),
      ]);
    });
  }
  const userDay = base.gates.perUserPerDay;
  if (userDay) {
    userDay.gates.forEach((gate, i) => {
      rows.push([
        `per user per day ${usd(userDay.budgetUsd)}: ${gate.level} at ${usd(gate.thresholdUsd)}`,
        ...runs.runs.map((r) => {
          const g = r.gates.perUserPerDay?.gates[i];
          return g ? `${shareText(g.daysShare)} of user-days` : '—';
        }),
      ]);
    });
  }
  const call = base.gates.perCall;
  if (call) {
    call.gates.forEach((gate, i) => {
      rows.push([
        `per call ${usd(call.budgetUsd)}: ${gate.level} at ${usd(gate.thresholdUsd)}`,
        ...runs.runs.map((r) => {
          const g = r.gates.perCall?.gates[i];
          return g ? `${shareText(g.share)} of calls · ≈${integer(g.perDay)}/day` : '—';
        }),
      ]);
    });
  }
  if (rows.length === 0) return undefined;
  const table: Table = {
    header: ['gate', ...runs.runs.map((r) => r.preset)],
    rows,
    numeric: [false, ...runs.runs.map(() => true)],
  };
  const element = tableElement(doc, table, 'gates');
  runs.runs.forEach((r, i) => {
    const tripped =
      r.gates.perSession?.tripped ||
      r.gates.perDay?.tripped ||
      r.gates.perUserPerDay?.tripped ||
      r.gates.perCall?.tripped;
    const cell = element.tHead?.rows[0]?.cells[i + 1];
    if (cell && tripped) {
      cell.classList.add('tripped');
      cell.textContent = `${r.preset} (tripped)`;
    }
  });
  return { element, rows: rows.length };
}
