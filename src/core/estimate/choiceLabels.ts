// The engine names the highest input layer after CLI flags ("--model option"). When an editor command supplied that
// layer instead, the breakdown should say so; this renames those origins and leaves everything else as it is.
import type { Sourced } from '../usage/resolveInputs';
import type { FileEstimate, UnitEstimate } from './types';

export function relabelFlagSources(estimate: FileEstimate, describe: (key: string) => string): FileEstimate {
  const relabel = <T>(value: Sourced<T>, key: string): Sourced<T> =>
    value.source === 'flag' ? { ...value, detail: value.detail.replace(/^--[\w-]+ option/, describe(key)) } : value;
  const units = estimate.units.map((u): UnitEstimate => {
    const unit: UnitEstimate = {
      ...u,
      model: relabel(u.model, 'model'),
      callsPerDay: relabel(u.callsPerDay, 'callsPerDay'),
      output: { ...u.output, expected: relabel(u.output.expected, 'outputTokens') },
    };
    if (u.session) unit.session = { ...u.session, turns: relabel(u.session.turns, 'turns') };
    return unit;
  });
  return { ...estimate, units };
}
