// Plain-text report for the terminal: the same tables as the Markdown export, aligned.
import { usd } from '../../present/money';
import type { ScenarioRuns, SimulationReport } from '../result';
import { componentsTable, gatesTable, growthTable, precisionSentence, renderText, summaryTable } from './tables';

export function toText(report: SimulationReport): string {
  const parts = report.scenarios.map(scenarioText);
  parts.push(`${precisionSentence(report)}.`);
  return parts.join('\n\n') + '\n';
}

function scenarioText(scenario: ScenarioRuns): string {
  const base = scenario.runs[0];
  if (!base) return scenario.name;
  const lines = [
    `${scenario.name} — ${base.model.id} ($${base.model.inputPerMTok} / $${base.model.outputPerMTok} per M)`,
  ];
  if (base.routing)
    lines.push(
      `  routing ${Math.round(base.routing.share * 100)}% of ${base.routing.per}s to ${base.routing.model.id}`,
    );
  lines.push('', renderText(summaryTable(scenario)));
  for (const run of scenario.runs.filter((r) => r.presetDescription))
    lines.push(`  ${run.preset}: ${run.presetDescription}`);
  lines.push(
    '',
    `  Where the money goes (${base.preset}, mean ${usd(base.perSession.mean)}/session):`,
    renderText(componentsTable(base), '    '),
  );
  const gates = gatesTable(base);
  if (gates) lines.push('', `  Budget gates (${base.preset}):`, renderText(gates, '    '));
  const growth = growthTable(base, 8);
  lines.push('', `  ${growth.title} (${base.preset}):`, renderText(growth.table, '    '));
  lines.push('', `  · ${base.periods.description}`);
  if (base.notes.length > 0) lines.push('', ...base.notes.map((n) => `  · ${n}`));
  return lines.join('\n');
}
