import type { UnitEstimate } from './types';

export interface Totals {
  units: number;
  pricedUnits: number;
  /** Units whose model has no price: their cost is unknown, not zero. */
  unpricedUnits: number;
  /** CrewAI agents whose cost is already inside their tasks' estimates, left out of the sums. */
  coveredUnits: number;
  inputTokens: number;
  /** False when any summed figure is an estimate (≈). */
  exact: boolean;
  perDay: number;
  perMonth: number;
}

export function totals(units: readonly UnitEstimate[]): Totals {
  const covered = coveredByTasks(units);
  const result: Totals = { units: units.length, pricedUnits: 0, unpricedUnits: 0, coveredUnits: covered.size, inputTokens: 0, exact: true, perDay: 0, perMonth: 0 };
  for (const unit of units) {
    if (covered.has(unit)) continue;
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

/**
 * A CrewAI agent never runs alone: each task runs on its agent, and a task's estimate already carries the agent's
 * prompt, model and turn cap. Summing agents and tasks would count every crew run twice.
 */
export function coveredByTasks(units: readonly UnitEstimate[]): Set<UnitEstimate> {
  const key = (path: string, name: string) => `${path.slice(0, path.lastIndexOf('/') + 1)}\u0000${name}`;
  const runByTasks = new Set(units.filter((u) => u.format === 'crewai-tasks' && u.agent).map((u) => key(u.path, u.agent!)));
  return new Set(units.filter((u) => u.format === 'crewai-agents' && runByTasks.has(key(u.path, u.name))));
}
