// A pull-request comment: the total first, then one table row per changed unit, then what could not be compared.
import { priceDataLine } from '../../pricing/freshness';
import { signedUsd, usd } from '../../present/money';
import { callChange, costPercent, monthlyRange, signedPercent, signedTokens, tokenChange } from '../present';
import type { DiffReport, FileDiff, UnitDiff } from '../types';
import { plural, unitSigil } from './sigils';
import { usageSentence } from './usageSentence';
import { markdownCode, markdownText } from '../../present/markdownEscape';

export function renderDiffMarkdown(report: DiffReport): string {
  const { delta, before, after } = report.totals;
  const out: string[] = ['### Burnrate cost diff', ''];
  const percent = delta.costPercent !== undefined ? ` (${signedPercent(delta.costPercent)})` : '';
  const label = report.totals.unpricedUnits > 0 ? 'Monthly cost change of the priced units' : 'Monthly cost change';
  out.push(
    `**${label}: ${signedUsd(delta.perMonth ?? 0)}${percent}** (${usd(before.perMonth ?? 0)} → ${usd(after.perMonth ?? 0)}) · ${markdownText(report.baseLabel)} → ${markdownText(report.headLabel)}`,
  );
  out.push('');
  if (report.files.length === 0) {
    out.push('No changed prompt or agent file prices differently.');
  } else {
    out.push('| | Unit | Model | Input tokens | $/call | $/month |', '|---|---|---|---:|---:|---:|');
    for (const file of report.files) for (const unit of file.units) out.push(row(file, unit));
    const notes = report.files.flatMap((f) => f.notes.map((n) => `${markdownCode(f.path)}: ${markdownText(n)}`));
    if (notes.length > 0) out.push('', ...notes.map((n) => `- ${n}`));
  }
  out.push(
    '',
    `${plural(report.totals.files, 'file')}, ${plural(report.totals.units, 'unit')} changed · input tokens ${signedTokens(delta.tokens, before.exact && after.exact)}`,
  );
  if (report.totals.unpricedUnits > 0)
    out.push(
      `${plural(report.totals.unpricedUnits, 'unit')} without a price ${report.totals.unpricedUnits === 1 ? 'is' : 'are'} not in the dollar total.`,
    );
  if (report.uncompared.length > 0) {
    out.push('', '**Not compared**', '');
    for (const file of report.uncompared) out.push(`- ${markdownCode(file.path)}: ${markdownText(file.reason)}`);
  }
  out.push(
    '',
    `<sub>${markdownText(usageSentence(report))} ≈ = estimated count. Month = ${report.monthHours} hours. Prices: ${markdownText(priceDataLine())}.</sub>`,
  );
  return out.join('\n') + '\n';
}

function row(file: FileDiff, unit: UnitDiff): string {
  const exact = (unit.before?.exact ?? true) && (unit.after?.exact ?? true);
  const zero = { inputTokens: 0, exact: true, perMonth: 0 };
  const model =
    unit.before && unit.after && unit.before.model !== unit.after.model
      ? `${unit.before.model} → ${unit.after.model}`
      : (unit.after ?? unit.before)!.model;
  const noPrice = [unit.before, unit.after].some((s) => s && !s.priced);
  const monthly =
    unit.delta.perMonth === undefined
      ? 'no price'
      : `**${signedUsd(unit.delta.perMonth)}**${costPercent(unit.delta) ? ` (${costPercent(unit.delta)})` : ''} ${monthlyRange(unit.before ?? zero, unit.after ?? zero) ?? ''}`.trim();
  return `| ${unitSigil(unit)} | ${markdownCode(file.path, { inTable: true })}#${markdownText(unit.name)} | ${markdownText(model)}${noPrice ? ' (no price)' : ''} | ${tokenChange(unit.delta, unit.before ?? zero, exact)} | ${callChange(unit.delta)?.replace('/call', '') ?? '—'} | ${monthly} |`;
}
