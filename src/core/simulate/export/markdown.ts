// Markdown report: per scenario, presets side by side, where the money goes, the gates, and how cost grows per turn.
import { markdownText } from '../../present/markdownEscape';
import { usd } from '../../present/money';
import type { ScenarioRuns, SimulationReport } from '../result';
import { componentsTable, gatesTable, growthTable, precisionSentence, renderMarkdown, summaryTable } from './tables';

export function toMarkdown(report: SimulationReport): string {
  const parts = [`# Burnrate simulation`, '', `${precisionSentence(report)}.`];
  for (const scenario of report.scenarios) parts.push('', scenarioMarkdown(scenario));
  return parts.join('\n') + '\n';
}

export function scenarioMarkdown(scenario: ScenarioRuns): string {
  const base = scenario.runs[0];
  if (!base) return `## ${markdownText(scenario.name)}\n\nNo runs.`;
  const parts = [
    `## ${markdownText(scenario.name)}`,
    '',
    `Model ${markdownText(base.model.id)} ($${base.model.inputPerMTok} in / $${base.model.outputPerMTok} out per M, ${markdownText(base.model.source)}).`,
  ];
  parts.push('', renderMarkdown(summaryTable(scenario)));
  const described = scenario.runs.filter((r) => r.presetDescription);
  if (described.length > 0)
    parts.push(
      '',
      ...described.map((r) => `- **${markdownText(r.preset)}**: ${markdownText(r.presetDescription ?? '')}`),
    );
  parts.push(
    '',
    `### Where the money goes (${markdownText(base.preset)}, mean ${usd(base.perSession.mean)} per session)`,
    '',
    renderMarkdown(componentsTable(base)),
  );
  const gates = gatesTable(base);
  if (gates) parts.push('', `### Budget gates (${markdownText(base.preset)})`, '', renderMarkdown(gates));
  const growth = growthTable(base);
  parts.push('', `### ${markdownText(growth.title)} (${markdownText(base.preset)})`, '', renderMarkdown(growth.table));
  parts.push('', `${markdownText(base.periods.description)}.`);
  parts.push(
    '',
    '### Assumptions',
    '',
    ...Object.entries(base.assumptions).map(([k, v]) => `- ${markdownText(k)}: ${markdownText(String(v))}`),
  );
  if (base.notes.length > 0) parts.push(...base.notes.map((n) => `- ${markdownText(n)}`));
  return parts.join('\n');
}
