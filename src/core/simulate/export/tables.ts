// The simulation's results as plain tables (header + rows of cells), rendered to Markdown or aligned text by the
// exporters, so the CLI, a report and a panel all show the same figures.
import { integer, percent, usd } from '../../present/money';
import { PRECISION_TARGET } from '../precision';
import type { Band, ScenarioResult, ScenarioRuns, SimulationReport } from '../result';
import { markdownText } from '../../present/markdownEscape';

/** How many sessions each run simulated and what the ± means: the line under every report. */
export function precisionSentence(report: SimulationReport): string {
  const count =
    report.sessions === 'auto'
      ? `sessions per run chosen so that each per-session P99's 95% interval is within ±${PRECISION_TARGET.relativeP99 * 100}% ` +
        `(${integer(PRECISION_TARGET.initialSessions)} to ${integer(PRECISION_TARGET.maxSessions)} sessions, at most ${integer(PRECISION_TARGET.maxCalls)} calls)`
      : `${integer(report.sessions)} sessions per run`;
  return (
    `${count}, seed ${report.seed}; ± is the larger side of each percentile's 95% interval (order statistics of the simulated ` +
    `sessions, days or months); ${report.month.description}`
  );
}

/** "231,000 (P99 ±0.9%)", with the bound that stopped an auto run short. */
export function sessionsCell(result: ScenarioResult): string {
  const p = result.precision;
  const bound = p.limitedBy ? `, ${p.limitedBy} bound` : '';
  return `${integer(result.sessionsSimulated)} (P99 ±${(p.relativeP99HalfWidth * 100).toFixed(1)}%${bound})`;
}

/** "$0.8812 ± 0.0093": a percentile with the larger side of its 95% interval, in the figure's own precision. */
export function withInterval(band: Band, key: 'p50' | 'p90' | 'p99'): string {
  const value = band[key];
  const text = usd(value);
  const ci = band.ci?.[key];
  if (!ci) return text;
  const half = Math.max(value - ci[0], ci[1] - value);
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  const shown = half.toFixed(decimals);
  return `${text} ± ${Number(shown) === 0 && half > 0 ? `<${(10 ** -decimals).toFixed(decimals)}` : Number(shown).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}`;
}

export interface Table {
  header: string[];
  rows: string[][];
  /** Columns whose cells are right-aligned (numbers). */
  numeric: boolean[];
}

/** Per session, per day and per month at P50 / P90 / P99 / mean, one column per preset. */
export function summaryTable(scenario: ScenarioRuns): Table {
  const runs = scenario.runs;
  const rows: string[][] = [];
  const line = (label: string, pick: (r: ScenarioResult) => string) => rows.push([label, ...runs.map(pick)]);
  line('sessions simulated', sessionsCell);
  line('sessions/day (mean)', (r) => integer(r.sessionsPerDay.mean));
  for (const [label, key] of [
    ['per session', 'perSession'],
    ['per day', 'perDay'],
    ['per month', 'perMonth'],
  ] as const) {
    line(`${label} P50`, (r) => withInterval(r[key], 'p50'));
    line(`${label} P90`, (r) => withInterval(r[key], 'p90'));
    line(`${label} P99`, (r) => withInterval(r[key], 'p99'));
    line(`${label} mean`, (r) => usd(r[key].mean));
  }
  line('calls/session (mean)', (r) => r.meanPerSession.calls.toFixed(1));
  line('input read from cache', (r) => percent(r.inputCache.readShare));
  line('input written to cache', (r) => percent(r.inputCache.writeShare));
  if (runs.some((r) => r.contextFull.hitSessions > 0))
    line(`sessions that hit the window (${runs[0]!.contextFull.action})`, (r) => percent(r.contextFull.hitShare));
  if (runs.some((r) => r.users)) {
    line('users', (r) => (r.users ? integer(r.users.users) : '—'));
    line("top 20% of users' spend", (r) => (r.users ? percent(r.users.topShare) : '—'));
    line('per user-day P99', (r) => (r.users ? withInterval(r.users.perUserDay, 'p99') : '—'));
    line('per user-month P90', (r) => (r.users ? withInterval(r.users.perUserMonth, 'p90') : '—'));
  }
  return { header: ['figure', ...runs.map((r) => r.preset)], rows, numeric: [false, ...runs.map(() => true)] };
}

export function componentsTable(result: ScenarioResult): Table {
  const rows = [...result.components]
    .sort((a, b) => b.meanUsd - a.meanUsd)
    .map((c) => [c.label, usd(c.meanUsd), percent(c.share)]);
  return { header: ['component', 'mean per session', 'share'], rows, numeric: [false, true, true] };
}

export function gatesTable(result: ScenarioResult): Table | undefined {
  const rows: string[][] = [];
  const session = result.gates.perSession;
  if (session) {
    for (const gate of session.gates) {
      rows.push([
        `per session ${usd(session.budgetUsd)}`,
        `${gate.level} at ${usd(gate.thresholdUsd)}`,
        `${shareText(gate.share)} of sessions`,
        `≈${integer(gate.perDay)} sessions/day`,
      ]);
    }
  }
  const day = result.gates.perDay;
  if (day) {
    for (const gate of day.gates) {
      rows.push([
        `per day ${usd(day.budgetUsd)}`,
        `${gate.level} at ${usd(gate.thresholdUsd)}`,
        `${shareText(gate.daysShare)} of days`,
        `≈${integer(gate.sessionsPastPerDay)} sessions/day past it`,
      ]);
    }
  }
  const userDay = result.gates.perUserPerDay;
  if (userDay) {
    for (const gate of userDay.gates) {
      rows.push([
        `per user per day ${usd(userDay.budgetUsd)}`,
        `${gate.level} at ${usd(gate.thresholdUsd)}`,
        `${shareText(gate.daysShare)} of user-days`,
        `≈${gate.sessionsPastPerDay.toFixed(2)} sessions/user-day past it`,
      ]);
    }
  }
  const call = result.gates.perCall;
  if (call) {
    for (const gate of call.gates) {
      rows.push([
        `per call ${usd(call.budgetUsd)}`,
        `${gate.level} at ${usd(gate.thresholdUsd)}`,
        `${shareText(gate.share)} of calls`,
        `≈${integer(gate.perDay)} calls/day`,
      ]);
    }
  }
  if (rows.length === 0) return undefined;
  return { header: ['budget', 'gate', 'reached by', 'volume'], rows, numeric: [false, false, true, true] };
}

/** The first turns and the last, so a 50-turn tail still fits a screen. */
export function turnsTable(result: ScenarioResult, maxRows = 12): Table {
  const rows = headAndTail(
    result.perTurn,
    maxRows,
    (t) => t.turn,
    (t) => [String(t.turn), shareText(t.reachedShare), integer(t.meanFirstCallInputTokens), usd(t.meanCostUsd)],
  );
  return {
    header: ['turn', 'sessions reaching it', 'input tokens (1st call)', 'mean cost'],
    rows,
    numeric: [true, true, true, true],
  };
}

/** How the k-th call of a session grows: the view for single-turn agents, whose calls are all in one turn. */
export function callsTable(result: ScenarioResult, maxRows = 12): Table {
  const rows = headAndTail(
    result.perCall,
    maxRows,
    (c) => c.call,
    (c) => [String(c.call), shareText(c.reachedShare), integer(c.meanInputTokens), usd(c.meanCostUsd)],
  );
  return {
    header: ['call', 'sessions reaching it', 'input tokens', 'mean cost'],
    rows,
    numeric: [true, true, true, true],
  };
}

/** Rows of numbered stats, at most `maxRows`: the first ones and the last two, with a '…' row where numbers are skipped. */
function headAndTail<T>(
  stats: readonly T[],
  maxRows: number,
  numberOf: (stat: T) => number,
  row: (stat: T) => string[],
): string[][] {
  const shown = stats.length <= maxRows ? stats : [...stats.slice(0, maxRows - 2), ...stats.slice(-2)];
  const rows: string[][] = [];
  shown.forEach((stat, i) => {
    const cells = row(stat);
    if (i > 0 && numberOf(stat) !== numberOf(shown[i - 1]!) + 1)
      rows.push(cells.map((_, column) => (column === 0 ? '…' : '')));
    rows.push(cells);
  });
  return rows;
}

/** Per turn for multi-turn scenarios, per call when every session is a single turn. */
export function growthTable(result: ScenarioResult, maxRows = 12): { title: string; table: Table } {
  return result.perTurn.length > 1
    ? { title: 'Cost per turn', table: turnsTable(result, maxRows) }
    : { title: 'Cost per call', table: callsTable(result, maxRows) };
}

/** 0.1% rather than 0% for small, non-zero shares: a gate reached by 3 sessions in 10,000 is not "none". */
export function shareText(share: number): string {
  if (share === 0) return '0%';
  if (share < 0.001) return '<0.1%';
  if (share < 0.1) return `${(share * 100).toFixed(1)}%`;
  return percent(share);
}

export function renderMarkdown(table: Table): string {
  const escape = markdownText; // cells carry scenario, preset and component names from the scenario file
  const lines = [
    `| ${table.header.map(escape).join(' | ')} |`,
    `|${table.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`,
    ...table.rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ];
  return lines.join('\n');
}

export function renderText(table: Table, indent = '  '): string {
  const widths = table.header.map((h, i) => Math.max(h.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const format = (row: string[]) =>
    indent +
    row
      .map((cell, i) => (table.numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [format(table.header), ...table.rows.map(format)].join('\n');
}
