import { joinPaths } from '../formats/paths';
import type { UnitEstimate } from './types';

export interface Totals {
  units: number;
  pricedUnits: number;
  /** Units whose model has no price: their cost is unknown, not zero. */
  unpricedUnits: number;
  /** Units whose cost is already inside another unit's (`countedElsewhere`), left out of the sums. */
  coveredUnits: number;
  inputTokens: number;
  /** False when any summed figure is an estimate (≈). */
  exact: boolean;
  perDay: number;
  perMonth: number;
}

export function totals(units: readonly UnitEstimate[]): Totals {
  const covered = countedElsewhere(units);
  const result: Totals = {
    units: units.length,
    pricedUnits: 0,
    unpricedUnits: 0,
    coveredUnits: covered.size,
    inputTokens: 0,
    exact: true,
    perDay: 0,
    perMonth: 0,
  };
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
  const runByTasks = new Set(
    units.filter((u) => u.format === 'crewai-tasks' && u.agent).map((u) => key(u.path, u.agent!)),
  );
  return new Set(units.filter((u) => u.format === 'crewai-agents' && runByTasks.has(key(u.path, u.name))));
}

/** Where a unit's cost is already counted: in the CrewAI task that runs it, or in the promptfoo config that reads it. */
export type CountedIn = 'task' | 'config';

/** Units left out of totals because another unit of the same walk carries their text and cost. */
export function countedElsewhere(units: readonly UnitEstimate[]): Map<UnitEstimate, CountedIn> {
  const counted = new Map<UnitEstimate, CountedIn>();
  for (const unit of coveredByTasks(units)) counted.set(unit, 'task');
  for (const unit of coveredByConfigs(units)) if (!counted.has(unit)) counted.set(unit, 'config');
  return counted;
}

/**
 * A prompt file a promptfoo config reads (`file://chat.json`, `file://prompts.txt`) is also a prompt file of its own
 * family; the config's units price it at the eval's volume, so its own units would count the same text twice.
 */
export function coveredByConfigs(units: readonly UnitEstimate[]): Set<UnitEstimate> {
  const folder = (path: string) => path.slice(0, path.replace(/\\/g, '/').lastIndexOf('/') + 1);
  const read = new Set(
    units
      .filter((u) => u.format === 'promptfoo' && u.promptFile !== undefined)
      .map((u) => joinPaths(folder(u.path), u.promptFile!)),
  );
  if (read.size === 0) return new Set();
  return new Set(units.filter((u) => u.format !== 'promptfoo' && read.has(joinPaths('', u.path))));
}
