// The text of an export, from the same exporters as `burnrate simulate --format …`, so a file saved from the panel
// reads like the CLI's output for the same scenario and levers.
import { toCsv } from '../../core/simulate/export/csv';
import { toJson } from '../../core/simulate/export/json';
import { toMarkdown } from '../../core/simulate/export/markdown';
import type { SimulationReport } from '../../core/simulate/result';
import type { ExportFormat } from '../../webview/protocol';

export interface ExportDocument {
  text: string;
  fileName: string;
  /** For the save dialog's filter. */
  filterName: string;
  extensions: string[];
}

export function exportDocument(report: SimulationReport, format: ExportFormat): ExportDocument {
  const base = `burnrate-simulation-${slug(report.scenarios.map((s) => s.name).join('-')) || 'report'}`;
  switch (format) {
    case 'json':
      return {
        text: JSON.stringify(toJson(report), null, 2) + '\n',
        fileName: `${base}.json`,
        filterName: 'JSON',
        extensions: ['json'],
      };
    case 'csv':
      return { text: toCsv(report), fileName: `${base}.csv`, filterName: 'CSV', extensions: ['csv'] };
    case 'markdown':
      return { text: toMarkdown(report), fileName: `${base}.md`, filterName: 'Markdown', extensions: ['md'] };
  }
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
