import type { UnitEstimate } from './types';

export interface Totals {
  units: number;
  pricedUnits: number;
  /** Units whose model has no price: their cost is unknown, not zero. */
  unpricedUnits: number;
  inputTokens: number;
  exact: boolean;
  perDay: number;
  perMonth: number;
}

export function totals(units: readonly UnitEstimate[]): Totals {
  const result: Totals = { units: units.length, pricedUnits: 0, unpricedUnits: 0, inputTokens: 0, exact: true, perDay: 0, perMonth: 0 };
  for (const unit of units) {
    result.inputTokens += unit.input.tokens;
    result.exact &&= unit.input.exact;
    if (unit.cost) {
      result.pricedUnits++;
      result.perDay += unit.cost.perDay;
      result.perMonth += unit.cost.perMonth;
    } else {
      result.unpricedUnits++;
    }
  }
  return result;
}
