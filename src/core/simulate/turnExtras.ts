// Money a turn spends outside its model calls: server-tool fees per tool call and embedding calls per turn. One home
// for the arithmetic, so the engine and the closed form cannot disagree on it.
import type { Scenario } from './scenario';

export function turnExtras(scenario: Pick<Scenario, 'toolFees' | 'embeddings'>): {
  perToolCallUsd: number;
  perTurnUsd: number;
} {
  const fees = scenario.toolFees;
  const perToolCallUsd = fees ? Math.max(0, fees.perCallUsd) * Math.min(1, Math.max(0, fees.share)) : 0;
  const e = scenario.embeddings;
  const perTurnUsd = e ? (Math.max(0, e.callsPerTurn) * Math.max(0, e.tokens) * e.rates.inputPerMTok) / 1e6 : 0;
  return { perToolCallUsd, perTurnUsd };
}
