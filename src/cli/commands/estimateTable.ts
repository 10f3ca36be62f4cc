// The estimate table: one row per cost unit. By default it fits a 120-column terminal (the format becomes a short
// loading kind, long paths keep their end, names and models are shortened in the middle; $/day, output caps and calls
// per eval run are left to --wide and --json);
// `--wide` shows every column in full.
import type { UnitEstimate } from '../../core/estimate/types';
import { compact, integer, usd } from '../../core/present/money';
import type { LoadingKind } from '../../core/types';
import { isAssumedModel } from '../../core/usage/resolveInputs';
import { renderTable, type Column } from '../table';

const LOADING_SHORT: Record<LoadingKind, string> = {
  'one-call': 'call',
  session: 'session',
  'always-on': 'always',
  scoped: 'scoped',
  'on-invocation': 'invoked',
};

/** Column widths of the narrow table's text columns: with the number columns they stay within 120. */
const NARROW = { path: 21, unit: 18, model: 17 };

export function estimateTable(
  units: readonly UnitEstimate[],
  covered: { has(unit: UnitEstimate): boolean },
  wide: boolean,
): string {
  const rows = units.map((u) => row(u, covered.has(u)));
  if (wide) {
    const columns: Column[] = [
      { title: 'path' },
      { title: 'unit' },
      { title: 'format' },
      { title: 'loads' },
      { title: 'model' },
      { title: 'input', align: 'right' },
      { title: 'output', align: 'right' },
      { title: '$/call', align: 'right' },
      { title: 'calls/day', align: 'right' },
      { title: '$/day', align: 'right' },
      { title: '$/month', align: 'right' },
    ];
    return renderTable(
      columns,
      rows.map((r) => [
        r.path,
        r.unit,
        r.format,
        r.loads,
        r.model,
        r.input,
        r.outputWide,
        r.perCall,
        r.callsWide,
        r.perDay,
        r.perMonth,
      ]),
    );
  }
  const columns: Column[] = [
    { title: 'path' },
    { title: 'unit' },
    { title: 'loads' },
    { title: 'model' },
    { title: 'input', align: 'right' },
    { title: 'output', align: 'right' },
    { title: '$ each', align: 'right' },
    { title: 'calls/day', align: 'right' },
    { title: '$/month', align: 'right' },
  ];
  return renderTable(
    columns,
    rows.map((r) => [
      shortenStart(r.path, NARROW.path),
      shortenEnd(r.name, NARROW.unit),
      r.loadsTurns,
      shorten(r.model, NARROW.model),
      r.input,
      r.output,
      r.each,
      r.calls,
      r.perMonth,
    ]),
  );
}

function row(u: UnitEstimate, countedElsewhere: boolean) {
  const approx = u.input.exact ? '' : '≈';
  // For multi-turn units the money column is per session (all turns with carry), which is what calls/day multiplies.
  const runLabel = u.session ? 'sess' : u.callsPerRun ? 'run' : undefined;
  const dagger = countedElsewhere ? ' †' : '';
  return {
    path: u.path,
    name: u.name,
    loadsTurns: u.session ? `${LOADING_SHORT[u.loading]}×${u.session.turns.value}` : LOADING_SHORT[u.loading],
    unit: u.session ? `${u.name} (${u.session.turns.value} turns)` : u.name,
    format: u.kind === 'always-on' ? `${u.formatLabel} (always-on)` : u.formatLabel,
    loads: LOADING_SHORT[u.loading],
    model: `${u.pricing.ok ? u.pricing.rates.modelId : `${u.model.value} (no price)`}${isAssumedModel(u.model) ? '*' : ''}`,
    input: u.input.exact ? integer(u.input.tokens) : `≈${integer(u.input.tokens)}`,
    output: u.kind === 'always-on' ? '—' : integer(u.output.expected.value),
    outputWide:
      u.kind === 'always-on'
        ? '—'
        : `${integer(u.output.expected.value)}${u.output.limit ? ` (≤${integer(u.output.limit.value)})` : ''}`,
    // Narrow: what one call, session or run costs; the calls/day column says which ("sess", "runs", "req").
    each: !u.cost ? 'no price' : `${approx}${usd(u.cost.perRun)}`,
    perCall: !u.cost
      ? 'no price'
      : runLabel
        ? `${approx}${usd(u.cost.perRun)}/${runLabel}`
        : `${approx}${usd(u.cost.perCall)}`,
    calls: `${compact(u.callsPerDay.value)}${u.kind === 'always-on' ? ' req' : u.session ? ' sess' : u.callsPerRun ? ' runs' : ''}`,
    callsWide: `${compact(u.callsPerDay.value)}${u.kind === 'always-on' ? ' req' : u.session ? ' sess' : u.callsPerRun ? ` runs of ${u.callsPerRun}` : ''}`,
    perDay: u.cost ? `${approx}${usd(u.cost.perDay)}${dagger}` : '—',
    perMonth: u.cost ? `${approx}${usd(u.cost.perMonth)}${dagger}` : '—',
  };
}

/** A name keeps its start: `research_task_with_…`. */
export function shortenEnd(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A path keeps its end, where the file name is: `…/agents/test-runner.md`. */
export function shortenStart(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `…${chars.slice(chars.length - max + 1).join('')}`;
}

/** `research_task (4 turns)` → `research_…(4 turns)`: both ends stay readable. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const tail = Math.ceil((max - 1) / 2);
  return `${chars.slice(0, max - 1 - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

export const LOADING_LEGEND =
  'loads: call = one API call · session×N = an agent run of N turns · always = every request · scoped =\n' +
  '       requests on matching files or in one mode · invoked = only when invoked (/name, or pulled in by the model)';
