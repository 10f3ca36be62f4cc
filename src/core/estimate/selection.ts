// Counting a piece of a file (the editor's selection) the way the file's unit is counted: same model, same tokenizer
// profile, priced as input only (a selection is part of a prompt, not a call of its own).
import { callCost } from '../pricing/rateCard';
import { countTokens } from '../tokenize/count';
import { profileForModel, type ProfileOverride } from '../tokenize/families';
import type { UnitEstimate } from './types';

export interface SelectionCount {
  tokens: number;
  exact: boolean;
  band: number;
  /** The model the selection was counted and priced for. */
  model: string;
  /** Input cost of the selected text in one call; absent when the model has no price. */
  inputCost?: number;
}

export function countSelection(
  text: string,
  unit: UnitEstimate,
  tokenizer: Readonly<Record<string, ProfileOverride>> = {},
): SelectionCount {
  const model = unit.pricing.ok ? unit.pricing.rates.modelId : unit.model.value;
  const count = countTokens(text, profileForModel(model, tokenizer));
  const result: SelectionCount = { tokens: count.tokens, exact: count.exact, band: count.band, model };
  if (unit.pricing.ok) result.inputCost = callCost(unit.pricing.rates, { input: count.tokens, output: 0 });
  return result;
}

/** The unit a line belongs to (innermost by start line), else the file's first unit. */
export function unitAtLine<T extends { range: { startLine: number; endLine: number } }>(
  units: readonly T[],
  line: number,
): T | undefined {
  let best: T | undefined;
  for (const unit of units) {
    if (
      unit.range.startLine <= line &&
      line <= unit.range.endLine &&
      (!best || unit.range.startLine >= best.range.startLine)
    )
      best = unit;
  }
  return best ?? units[0];
}
