// Which usage file prices each side. By default each side is priced with its own `.burnrate.yaml`, so a changed
// default model or call rate shows up as a cost change of every prompt it covers; `head-for-both` prices both sides
// with the head's file so that only the prompts' own changes show; `base-for-both` prices both with the base's, so a
// pull request's own usage file (a $0 price, a lower call rate) cannot lower what its gate measures.
import type { Problem } from '../types';
import { parseUsageFile } from '../usage/parseUsageFile';
import { EMPTY_USAGE, type UsageConfig } from '../usage/usageConfig';
import { isUnreadable, type GitOutcome, type GitSource, type SideContent } from './gitSource';
import type { UsagePricing, UsageReport } from './types';

export interface ExplicitUsage {
  config: UsageConfig;
  problems: Problem[];
  /** Shown in the report. */
  file: string;
}

export interface UsageSides {
  base: UsageConfig;
  head: UsageConfig;
  report: UsageReport;
}

export async function loadUsageSides(
  git: GitSource,
  usageFile: string | undefined,
  pricing: Exclude<UsagePricing, 'explicit'>,
  explicit?: ExplicitUsage,
): Promise<GitOutcome<UsageSides>> {
  if (explicit) {
    return {
      ok: true,
      value: {
        base: explicit.config,
        head: explicit.config,
        report: { file: explicit.file, pricing: 'explicit', changed: false, problems: explicit.problems },
      },
    };
  }
  if (usageFile === undefined) {
    return {
      ok: true,
      value: { base: EMPTY_USAGE, head: EMPTY_USAGE, report: { pricing, changed: false, problems: [] } },
    };
  }
  const [base, head] = await Promise.all([
    git.read('base', [{ path: usageFile }]),
    git.read('head', [{ path: usageFile }]),
  ]);
  if (!base.ok) return base;
  if (!head.ok) return head;
  const name = usageFile.slice(usageFile.lastIndexOf('/') + 1);
  const parsedBase = parse(readable(base.value[0]), name);
  const parsedHead = parse(readable(head.value[0]), name);
  const changed = fingerprint(parsedBase.config) !== fingerprint(parsedHead.config);
  const inBase = (p: Problem) => ({ ...p, message: `in the base: ${p.message}` });
  const problems =
    pricing === 'base-for-both'
      ? parsedBase.problems.map(inBase)
      : [...parsedHead.problems, ...(pricing === 'each-side' ? parsedBase.problems.map(inBase) : [])];
  const report: UsageReport = { pricing, changed, problems };
  const present =
    pricing === 'base-for-both'
      ? base.value[0] !== undefined
      : base.value[0] !== undefined || head.value[0] !== undefined;
  if (present) report.file = usageFile;
  const sides =
    pricing === 'each-side'
      ? { base: parsedBase.config, head: parsedHead.config }
      : pricing === 'base-for-both'
        ? { base: parsedBase.config, head: parsedBase.config }
        : { base: parsedHead.config, head: parsedHead.config };
  return { ok: true, value: { ...sides, report } };
}

/** A usage file that may not be read (a symlink out of the repository) prices nothing. */
function readable(content: SideContent): Uint8Array | undefined {
  return isUnreadable(content) ? undefined : content;
}

function parse(bytes: Uint8Array | undefined, name: string): { config: UsageConfig; problems: Problem[] } {
  if (bytes === undefined) return { config: EMPTY_USAGE, problems: [] };
  return parseUsageFile(new TextDecoder('utf-8').decode(bytes), name);
}

/** The settings only: line numbers and origins move when a comment is added, and that changes no price. */
export function fingerprint(config: UsageConfig): string {
  return JSON.stringify(config, (key, value: unknown) => (key === 'line' || key === 'origin' ? undefined : value));
}
