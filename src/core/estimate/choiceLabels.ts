// The engine names the highest input layer after CLI flags ("--model option"). When an editor command supplied that
// layer instead, the breakdown should say so; this words those origins from the key the flag set (and keeps the notes
// after it, "capped at …"), and leaves everything else as it is.
import type { UsageDefaults } from '../usage/usageConfig';
import type { Sourced } from '../usage/resolveInputs';
import type { FileEstimate, UnitEstimate } from './types';

export function relabelFlagSources(
  estimate: FileEstimate,
  describe: (key: keyof UsageDefaults) => string,
): FileEstimate {
  const relabel = <T>(value: Sourced<T>): Sourced<T> =>
    value.flag ? { ...value, detail: [describe(value.flag.key), ...value.flag.notes].join(', ') } : value;
  const units = estimate.units.map((u): UnitEstimate => {
    const unit: UnitEstimate = {
      ...u,
      model: relabel(u.model),
      callsPerDay: relabel(u.callsPerDay),
      output: { ...u.output, expected: relabel(u.output.expected) },
    };
    if (u.session) unit.session = { ...u.session, turns: relabel(u.session.turns) };
    return unit;
  });
  return { ...estimate, units };
}
