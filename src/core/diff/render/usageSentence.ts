import type { DiffReport } from '../types';

/** Which usage file priced the sides, and whether it changed: shown with every report, since it moves every figure. */
export function usageSentence(report: DiffReport): string {
  const { usage } = report;
  if (usage.pricing === 'explicit') return `Both sides priced with ${usage.file}.`;
  if (!usage.file && usage.pricing === 'base-for-both' && usage.changed) {
    return `No .burnrate.yaml in ${report.baseLabel}: both sides priced with the built-in defaults (the head's is not applied).`;
  }
  if (!usage.file) return 'No .burnrate.yaml: both sides priced with the built-in defaults.';
  if (usage.pricing === 'head-for-both') {
    return `Both sides priced with the ${report.headLabel}'s ${usage.file}${usage.changed ? ' (it changed; its own effect is not shown)' : ''}.`;
  }
  if (usage.pricing === 'base-for-both') {
    return `Both sides priced with the ${report.baseLabel}'s ${usage.file}${usage.changed ? ' (the head changed it; that change is not applied)' : ''}.`;
  }
  return usage.changed
    ? `${usage.file} changed: each side is priced with its own, so unchanged prompts it covers are re-priced too.`
    : `Each side priced with its own ${usage.file} (unchanged).`;
}
