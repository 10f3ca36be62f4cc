// Titles for the editor's lenses on a changed prompt file:
// "+312 tokens (+18%) vs HEAD · +$0.0009/call · +$1,404/mo" at the top, and one per changed section.
import { usd } from '../../present/money';
import { callChange, monthlyChange, signedPercent, signedTokens, tokenChange } from '../present';
import type { CostSide, Delta, FileDiff, SectionDiff, UnitDiff } from '../types';

export function fileLensTitle(file: FileDiff, baseName: string): string {
  return changeTitle(file.delta, file.before, file.after, baseName, file.status === 'added', modelChange(file.units));
}

export function unitLensTitle(unit: UnitDiff, baseName: string): string {
  const before = unit.before ?? { inputTokens: 0, exact: true, perCall: 0, perMonth: 0 };
  const after = unit.after ?? { inputTokens: 0, exact: true, perCall: 0, perMonth: 0 };
  return `${unit.name}: ${changeTitle(unit.delta, before, after, baseName, unit.status === 'added', modelChange([unit]))}`;
}

export function sectionLensTitle(section: SectionDiff, baseName: string): string {
  const percent =
    section.delta.tokensPercent !== undefined
      ? ` (${signedPercent(section.delta.tokensPercent)})`
      : section.status === 'added'
        ? ' (new section)'
        : '';
  const money = monthlyChange(section.delta);
  return `§ ${signedTokens(section.delta.tokens, section.exact)} tokens${percent} vs ${baseName}${money ? ` · ≈${money}` : ''}`;
}

function changeTitle(
  change: Delta,
  before: CostSide,
  after: CostSide,
  baseName: string,
  added: boolean,
  model: string | undefined,
): string {
  const exact = before.exact && after.exact;
  if (added) {
    const cost =
      after.perMonth !== undefined ? ` · ${usd(after.perCall ?? 0)}/call · ${usd(after.perMonth)}/mo` : ' · no price';
    return `new vs ${baseName}: ${signedTokens(change.tokens, exact)} tokens${cost}`;
  }
  const parts = [`${tokenChange(change, before, exact)} vs ${baseName}`];
  if (model) parts.push(model);
  const perCall = callChange(change);
  const perMonth = monthlyChange(change);
  if (perCall && perMonth) parts.push(perCall, perMonth);
  else parts.push('cost change unknown (no price)');
  return parts.join(' · ');
}

function modelChange(units: readonly UnitDiff[]): string | undefined {
  const switched = units.find((u) => u.before && u.after && u.before.model !== u.after.model);
  return switched ? `${switched.before!.model} → ${switched.after!.model}` : undefined;
}
