// The terminal report, read like `infracost diff`: one row per changed unit, then the total with its percent.
import { priceDataLine } from '../../pricing/freshness';
import { usd } from '../../present/money';
import {
  callChange,
  costPercent,
  monthlyChange,
  monthlyRange,
  signedPercent,
  signedTokens,
  tokenChange,
} from '../present';
import type { DiffReport, FileDiff, SectionDiff, UnitDiff } from '../types';
import { plural, unitLabel, unitSigil } from './sigils';
import { usageSentence } from './usageSentence';

const MAX_SECTIONS = 5;

export function renderDiffText(report: DiffReport): string {
  const out: string[] = [`Cost diff: ${report.baseLabel} → ${report.headLabel}`, usageSentence(report), ''];
  if (report.files.length === 0) {
    out.push(
      report.uncompared.length > 0
        ? 'No comparable cost changes.'
        : 'No cost changes: no changed prompt or agent file prices differently.',
    );
  } else {
    const rows: string[][] = [];
    const details = new Map<number, string[]>();
    for (const file of report.files) {
      const extra = file.notes;
      if (file.units.length === 0) {
        rows.push([
          `~ ${file.path}`,
          '',
          '',
          '',
          tokenChange(file.delta, file.before, file.before.exact && file.after.exact),
          '',
        ]);
        details.set(rows.length - 1, extra);
      }
      file.units.forEach((unit, i) => {
        rows.push(unitRow(file, unit));
        details.set(rows.length - 1, [...(i === 0 ? extra : []), ...sectionLines(unit.sections)]);
      });
    }
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    rows.forEach((row, i) => {
      out.push(
        (
          '  ' + row.map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ')
        ).trimEnd(),
      );
      for (const line of details.get(i) ?? []) out.push(`      ${line}`);
    });
  }
  out.push('', totalLine(report));
  out.push(
    `  ${plural(report.totals.files, 'file')}, ${plural(report.totals.units, 'unit')} changed · input tokens ${signedTokens(report.totals.delta.tokens, report.totals.before.exact && report.totals.after.exact)}`,
  );
  if (report.totals.unpricedUnits > 0) {
    out.push(
      `  ${plural(report.totals.unpricedUnits, 'unit')} without a price ${report.totals.unpricedUnits === 1 ? 'is' : 'are'} not in the dollar total (add prices: in .burnrate.yaml)`,
    );
  }
  if (report.uncompared.length > 0) {
    out.push('', 'Not compared:');
    for (const file of report.uncompared)
      out.push(`  ${file.severity === 'error' ? '!' : '?'} ${file.path}: ${file.reason}`);
  }
  for (const problem of report.usage.problems) out.push(`  warning: ${problem.message}`);
  out.push('', `≈ = estimated count. Month = ${report.monthHours} hours. Prices: ${priceDataLine()}.`);
  return out.join('\n') + '\n';
}

function unitRow(file: FileDiff, unit: UnitDiff): string[] {
  const exact = (unit.before?.exact ?? true) && (unit.after?.exact ?? true);
  const before = unit.before ?? { inputTokens: 0, exact: true, perMonth: 0 };
  const after = unit.after ?? { inputTokens: 0, exact: true, perMonth: 0 };
  const monthly = monthlyChange(unit.delta);
  const noPrice = [unit.before, unit.after].find((side) => side && !side.priced);
  return [
    `${unitSigil(unit)} ${unitLabel(file, unit)}`,
    monthly ?? `no price for ${noPrice?.model ?? 'the model'}`,
    monthly ? (monthlyRange(before, after) ?? '') : '',
    costPercent(unit.delta) ?? (unit.status === 'added' ? 'new' : ''),
    tokenChange(unit.delta, before, exact),
    callChange(unit.delta) ?? '',
  ];
}

function sectionLines(sections: readonly SectionDiff[]): string[] {
  const ordered = [...sections].sort((a, b) => Math.abs(b.delta.tokens) - Math.abs(a.delta.tokens));
  const lines = ordered.slice(0, MAX_SECTIONS).map((s) => {
    const status = s.status === 'added' ? ' (new section)' : s.status === 'removed' ? ' (removed section)' : '';
    const percent = s.delta.tokensPercent !== undefined ? ` (${signedPercent(s.delta.tokensPercent)})` : '';
    const money = monthlyChange(s.delta);
    return `§ ${s.title}${status}: ${signedTokens(s.delta.tokens, s.exact)} tokens${percent}${money ? ` ≈ ${money}` : ''}`;
  });
  if (ordered.length > MAX_SECTIONS) lines.push(`§ … ${ordered.length - MAX_SECTIONS} more changed sections`);
  return lines;
}

function totalLine(report: DiffReport): string {
  const { delta, before, after } = report.totals;
  const money = delta.perMonth ?? 0;
  const percent = delta.costPercent !== undefined ? ` (${signedPercent(delta.costPercent)})` : '';
  const label = report.totals.unpricedUnits > 0 ? 'Monthly cost change of the priced units' : 'Monthly cost change';
  return `${label}: ${money > 0 ? '+' : ''}${usd(money)}${percent}  (${usd(before.perMonth ?? 0)} → ${usd(after.perMonth ?? 0)})`;
}
