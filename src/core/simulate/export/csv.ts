// CSV export in long form — scenario, preset, section, item, stat, value — so every figure of every preset fits one
// sheet and pivots without reshaping.
import type { ScenarioResult, SimulationReport } from '../result';

export function toCsv(report: SimulationReport): string {
  const rows: (string | number)[][] = [['scenario', 'preset', 'section', 'item', 'stat', 'value']];
  for (const scenario of report.scenarios) {
    for (const run of scenario.runs) rows.push(...runRows(scenario.name, run));
  }
  return rows.map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

function runRows(name: string, r: ScenarioResult): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const add = (section: string, item: string, stat: string, value: number | string) =>
    rows.push([name, r.preset, section, item, stat, value]);
  for (const section of ['perSession', 'perDay', 'perMonth', 'sessionsPerDay'] as const) {
    for (const stat of ['p50', 'p90', 'p99', 'mean'] as const)
      add(section, section === 'sessionsPerDay' ? 'sessions' : 'usd', stat, r[section][stat]);
  }
  add('perSession', 'usd', 'min', r.perSession.min);
  add('perSession', 'usd', 'max', r.perSession.max);
  add('month', 'days', 'value', r.month.days);
  for (const c of r.components) {
    add('component', c.id, 'meanUsd', c.meanUsd);
    add('component', c.id, 'share', c.share);
  }
  for (const t of r.perTurn) {
    add('turn', String(t.turn), 'meanCostUsd', t.meanCostUsd);
    add('turn', String(t.turn), 'reachedShare', t.reachedShare);
    add('turn', String(t.turn), 'meanFirstCallInputTokens', t.meanFirstCallInputTokens);
  }
  const session = r.gates.perSession;
  if (session) {
    for (const g of session.gates) {
      add('gate.perSession', g.level, 'thresholdUsd', g.thresholdUsd);
      add('gate.perSession', g.level, 'share', g.share);
      add('gate.perSession', g.level, 'sessionsPerDay', g.perDay);
    }
  }
  const day = r.gates.perDay;
  if (day) {
    for (const g of day.gates) {
      add('gate.perDay', g.level, 'thresholdUsd', g.thresholdUsd);
      add('gate.perDay', g.level, 'daysShare', g.daysShare);
      add('gate.perDay', g.level, 'sessionsPastPerDay', g.sessionsPastPerDay);
    }
  }
  const userDay = r.gates.perUserPerDay;
  if (userDay) {
    for (const g of userDay.gates) {
      add('gate.perUserPerDay', g.level, 'thresholdUsd', g.thresholdUsd);
      add('gate.perUserPerDay', g.level, 'userDaysShare', g.daysShare);
      add('gate.perUserPerDay', g.level, 'sessionsPastPerUserDay', g.sessionsPastPerDay);
    }
  }
  const call = r.gates.perCall;
  if (call) {
    for (const g of call.gates) {
      add('gate.perCall', g.level, 'thresholdUsd', g.thresholdUsd);
      add('gate.perCall', g.level, 'share', g.share);
      add('gate.perCall', g.level, 'callsPerDay', g.perDay);
    }
  }
  if (r.users) {
    add('users', 'all', 'users', r.users.users);
    add('users', 'all', 'topShare', r.users.topShare);
    add('users', 'all', 'intensityTopShare', r.users.intensityTopShare);
    for (const key of ['p50', 'p90', 'p99', 'mean'] as const) {
      add('users', 'perUserDay', key, r.users.perUserDay[key]);
      add('users', 'perUserMonth', key, r.users.perUserMonth[key]);
    }
  }
  r.histogram.counts.forEach((count, i) =>
    add('histogram', r.histogram.lowerUsd[i]!.toPrecision(6), 'sessions', count),
  );
  add('histogram', `>${r.histogram.upperUsd.toPrecision(6)}`, 'sessions', r.histogram.overflow);
  return rows;
}

function cell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : neutralised(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A scenario or model name that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM`, `+cmd`) stays text. */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
