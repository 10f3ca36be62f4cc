// The user's say over runtime figures: `.burnrate.yaml` `runtimes:` and the `burnrate.runtimes` setting share one shape
// and one reader. Anything malformed is reported and ignored; the rest applies.
//
//   runtimes:
//     use: [claude-code, copilot]      # which runtimes this workspace uses (default: the ones its files imply)
//     scopedShare: 0.25                # share of requests that carry a scoped rule
//     claude-code:
//       model: claude-opus-4-5
//       systemPrompt: 6200             # tokens
//       tools: {Bash: 4000, WebSearch: 0}
//       subagentPreamble: 900
//       listingEntry: 12
//       importDepth: 5
//       compaction: 0.8                # fraction of the context window
//       requestsPerDay: 3000
//     copilot: {mode: ask}
import { isDict } from '../formats/values';
import { isRuntimeId, RUNTIME_IDS, type RuntimeId } from './profile';

export interface RuntimeFigureOverrides {
  model?: string;
  mode?: string;
  systemPrompt?: number;
  tools?: Record<string, number>;
  subagentPreamble?: number;
  listingEntry?: number;
  importDepth?: number;
  compaction?: number;
  requestsPerDay?: number;
}

export interface RuntimeOverrides {
  use?: RuntimeId[];
  scopedShare?: number;
  byRuntime: Partial<Record<RuntimeId, RuntimeFigureOverrides>>;
  /** Where these were written ("`.burnrate.yaml` line 40", "burnrate.runtimes setting"), for "why this figure". */
  origin: string;
}

const TOKEN_KEYS = ['systemPrompt', 'subagentPreamble', 'listingEntry', 'requestsPerDay'] as const;
const KNOWN_KEYS = new Set(['model', 'mode', 'tools', 'importDepth', 'compaction', ...TOKEN_KEYS]);

/** `problems` are worded for the user, each naming the key that was ignored. */
export function readRuntimeOverrides(
  value: unknown,
  origin: string,
): { overrides: RuntimeOverrides; problems: string[] } {
  const problems: string[] = [];
  const overrides: RuntimeOverrides = { byRuntime: {}, origin };
  if (!isDict(value)) {
    problems.push(
      `runtimes: expected a mapping of use:, scopedShare: and runtime ids (${RUNTIME_IDS.join(', ')}) — ignored`,
    );
    return { overrides, problems };
  }
  for (const [key, raw] of Object.entries(value)) {
    if (key === 'use') {
      const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : undefined;
      const ids = (list ?? []).filter((id): id is RuntimeId => typeof id === 'string' && isRuntimeId(id));
      if (!list || ids.length !== list.length)
        problems.push(
          `runtimes.use: expected a list of runtime ids (${RUNTIME_IDS.join(', ')}) — unknown entries ignored`,
        );
      if (list) overrides.use = ids;
    } else if (key === 'scopedShare') {
      if (isFraction(raw)) overrides.scopedShare = raw;
      else problems.push('runtimes.scopedShare: expected a share between 0 and 1 — ignored');
    } else if (isRuntimeId(key)) {
      overrides.byRuntime[key] = readFigures(key, raw, problems);
    } else {
      problems.push(`runtimes: unknown key "${key}" (known: use, scopedShare, ${RUNTIME_IDS.join(', ')})`);
    }
  }
  return { overrides, problems };
}

function readFigures(id: RuntimeId, raw: unknown, problems: string[]): RuntimeFigureOverrides {
  const result: RuntimeFigureOverrides = {};
  if (!isDict(raw)) {
    problems.push(`runtimes.${id}: expected a mapping (model, systemPrompt, tools, …) — ignored`);
    return result;
  }
  for (const [key, value] of Object.entries(raw)) {
    const where = `runtimes.${id}.${key}`;
    if (!KNOWN_KEYS.has(key)) {
      problems.push(`runtimes.${id}: unknown key "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
    } else if (key === 'model' || key === 'mode') {
      if (typeof value === 'string' && value.trim()) result[key] = value.trim();
      else problems.push(`${where}: expected a name — ignored`);
    } else if (key === 'tools') {
      if (!isDict(value)) {
        problems.push(`${where}: expected {toolName: tokens} — ignored`);
        continue;
      }
      const tools: Record<string, number> = {};
      for (const [tool, tokens] of Object.entries(value)) {
        if (isCount(tokens)) tools[tool] = tokens;
        else problems.push(`${where}.${tool}: expected a token count ≥ 0 — ignored`);
      }
      result.tools = tools;
    } else if (key === 'importDepth') {
      if (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 20)
        result.importDepth = value as number;
      else problems.push(`${where}: expected a whole number of hops, 0 to 20 — ignored`);
    } else if (key === 'compaction') {
      if (isFraction(value) && value > 0) result.compaction = value;
      else problems.push(`${where}: expected a fraction of the context window, above 0 and at most 1 — ignored`);
    } else if (isCount(value)) {
      result[key as (typeof TOKEN_KEYS)[number]] = value;
    } else {
      problems.push(`${where}: expected a number ≥ 0 — ignored`);
    }
  }
  return result;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1e9;
}

function isFraction(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}
