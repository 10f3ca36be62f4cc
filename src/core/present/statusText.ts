// The status bar's short text and its tooltip: the active file's tokens and cost, or the selection's.
import type { SelectionCount } from '../estimate/selection';
import type { SourceEstimate } from '../estimate/estimateSource';
import { integer, tokenText, usd } from './money';
import { noPriceText } from './lensTitles';
import type { Skip } from '../problems/skips';
import { skipText } from '../problems/skipText';

export interface StatusText {
  /** Short, for the status bar (without an icon). */
  text: string;
  tooltip: string;
}

export function fileStatusText(result: SourceEstimate, wordSkip: (skip: Skip) => string = skipText): StatusText {
  if (!result.ok) return { text: 'skipped', tooltip: `Burnrate skipped this file: ${wordSkip(result.skipped.skip)}` };
  const units = result.estimate.units;
  if (units.length === 0) return { text: '0 tokens', tooltip: 'Nothing in this file is sent to a model.' };
  const exact = units.every((u) => u.input.exact);
  const approx = exact ? '' : '≈';
  const tokens = units.reduce((sum, u) => sum + u.input.tokens, 0);
  const tokensShort = `${approx}${integer(tokens)} tok`;
  if (units.length === 1) {
    const u = units[0]!;
    const model = u.pricing.ok ? u.pricing.rates.modelId : u.model.value;
    const tooltipHead = `${tokenText(u.input.tokens, u.input.exact, u.input.band)} on ${model}`;
    if (!u.cost)
      return {
        text: `${tokensShort} · no price`,
        tooltip: `${tooltipHead}\n${noPriceText(u)}\nClick to pick a model.`,
      };
    const money =
      u.kind === 'always-on' ? `${approx}${usd(u.cost.perMonth)}/mo` : `${approx}${usd(u.cost.perCall)}/call`;
    return {
      text: `${tokensShort} · ${money}`,
      tooltip:
        `${tooltipHead}: ${approx}${usd(u.cost.perCall)} per ${u.kind === 'always-on' ? 'request' : 'call'}, ` +
        `${approx}${usd(u.cost.perMonth)}/month\nClick to pick a model.`,
    };
  }
  const month = units.reduce((sum, u) => sum + (u.cost?.perMonth ?? 0), 0);
  const unpriced = units.filter((u) => !u.cost).length;
  return {
    text: `${units.length} units · ${tokensShort} · ${approx}${usd(month)}/mo`,
    tooltip:
      `${units.length} cost units, ${approx}${integer(tokens)} input tokens, ${approx}${usd(month)}/month together` +
      (unpriced > 0 ? ` (${unpriced} without a price, not included)` : '') +
      '\nClick to pick a model.',
  };
}

export function selectionStatusText(selection: SelectionCount): StatusText {
  const approx = selection.exact ? '' : '≈';
  const cost = selection.inputCost === undefined ? 'no price' : `${approx}${usd(selection.inputCost)} in`;
  return {
    text: `selection ${approx}${integer(selection.tokens)} tok · ${cost}`,
    tooltip:
      `Selected text: ${tokenText(selection.tokens, selection.exact, selection.band)} on ${selection.model}` +
      (selection.inputCost === undefined ? '' : `, ${approx}${usd(selection.inputCost)} as input of one call`),
  };
}
