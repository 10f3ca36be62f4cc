// The context budget of a workspace: for each runtime it uses, what goes into every request (the runtime's system
// prompt and tool schemas, each always-on file with its imports, skill and subagent listings, the expected share of
// scoped rules), then what loads only sometimes (scoped rules, rule bodies pulled by description, skill bodies,
// commands) and what runs as a session of its own (subagents, agent-mode prompts). One computation for the CLI's
// `burnrate context`, the editor's Agent Context view, the always-on lenses' shares and the agent-session estimates.
import { err } from '../result';
import { estimateUnit } from '../estimate/estimateUnit';
import type { Pricing } from '../estimate/types';
import type { PriceOverride } from '../pricing/overrides';
import { callCost } from '../pricing/rateCard';
import { readFailureText } from '../problems/readText';
import { countTokens } from '../tokenize/count';
import type { Problem, SkippedFile } from '../types';
import { BUILTIN_DEFAULTS, type UsageConfig } from '../usage/usageConfig';
import { agentSession, type AgentSessionFigures, type PrefixPart, type SessionRole } from './agentSession';
import { readContextFile, type ContextFile } from './contextFile';
import type { ContextFileNames } from './contextFileNames';
import { combinedBand, type FigureBasis, type TokenFigure } from './figures';
import type { WorkspaceReader } from './imports';
import { frontmatterLoading, matchesPath, ruleFor, type FileLoading } from './loading';
import type { RuntimeOverrides } from './overrides';
import { RUNTIME_IDS, type FileRule, type RuntimeId } from './profile';
import { RUNTIME_PROFILES } from './profiles';
import { resolveRuntime, withModel, type ResolvedRuntime, type ResolvedValue } from './resolveRuntime';

export interface WorkspaceSnapshot {
  /** Workspace-relative paths with `/`, links inside the workspace under their own path. */
  paths: readonly string[];
  read: WorkspaceReader;
  /** Not read (links out of the workspace, devices, unreadable), with the reason. */
  skipped: readonly SkippedFile[];
}

export type ContextItemKind =
  | 'system-prompt'
  | 'tool-schema'
  | 'always-on'
  | 'scoped'
  | 'rule-description'
  | 'skill-metadata'
  | 'subagent-description'
  | 'on-demand'
  | 'skill-body'
  | 'on-invocation'
  | 'session';

export interface ContextItem {
  kind: ContextItemKind;
  label: string;
  path?: string;
  inputTokens: number;
  exact: boolean;
  band: number;
  /** How it loads, in words: "every request", "on requests with a file matching src/** in context". */
  rule: string;
  /** Share of requests that carry it: 1 every request, `scopedShare` for scoped items, 0 for per-use items. */
  share: number;
  /** For figures from outside: measured or estimate, with source and date. */
  basis?: FigureBasis | 'counted';
  source?: string;
  /** Files `@path` imports pulled in (their tokens are in `inputTokens`). */
  imports?: string[];
  /** USD each time it loads (input only), on the runtime's model. */
  perUseUsd?: number;
  /** Sessions (subagents, agent-mode prompts): the whole expected session. */
  session?: AgentSessionFigures;
}

export interface RuntimeContext {
  id: RuntimeId;
  name: string;
  mode: string;
  model: ResolvedValue<string>;
  pricing: Pricing;
  /** Why this runtime is listed: the files that imply it, the usage file's `use:`, or the --runtime flag. */
  why: string;
  perRequest: {
    inputTokens: number;
    exact: boolean;
    band: number;
    costUsd?: number;
    cachedCostUsd?: number;
    perDayUsd?: number;
    perMonthUsd?: number;
  };
  requestsPerDay: ResolvedValue<number>;
  items: ContextItem[];
  problems: Problem[];
  note?: string;
}

export interface WorkspaceContext {
  runtimes: RuntimeContext[];
  scopedShare: ResolvedValue<number>;
  skipped: SkippedFile[];
  monthHours: number;
}

export interface ContextOptions {
  usage: UsageConfig;
  /** Highest first: the usage file's `runtimes:`, then the setting's. */
  overrides: readonly RuntimeOverrides[];
  settingsPrices?: readonly PriceOverride[];
  settingsCallsPerDay?: number;
  /** Runtimes asked for by name (CLI --runtime); beats `use:` and what the files imply. */
  only?: readonly RuntimeId[];
  maxBytes?: number;
  /** Context files the workspace's settings rename (read by the shell before its walk: `readContextFileNames`). */
  contextFileNames?: ContextFileNames;
}

export const DEFAULT_SCOPED_SHARE = 0.25;
const BROAD_GLOBS = new Set(['**', '**/*', '*']);

export function buildWorkspaceContext(snapshot: WorkspaceSnapshot, options: ContextOptions): WorkspaceContext {
  const paths = [...new Set(snapshot.paths)].sort();
  const chosen = chooseRuntimes(paths, options);
  const scopedShare = scopedShareOf(options.overrides);
  const monthHours = options.usage.monthHours ?? BUILTIN_DEFAULTS.monthHours;
  const cache = new Map<string, ContextFile | { failed: string }>();
  const runtimes = chosen.map(({ id, why }) =>
    runtimeContext(resolve(id, options), why, paths, snapshot, options, scopedShare.value, monthHours, cache),
  );
  return { runtimes, scopedShare, skipped: [...snapshot.skipped], monthHours };
}

export function resolve(id: RuntimeId, options: ContextOptions): ResolvedRuntime {
  return resolveRuntime(id, {
    overrides: options.overrides,
    usage: options.usage,
    prices: [...options.usage.prices, ...(options.settingsPrices ?? [])],
    ...(options.settingsCallsPerDay !== undefined ? { settingsCallsPerDay: options.settingsCallsPerDay } : {}),
    ...(options.contextFileNames ? { contextFileNames: options.contextFileNames } : {}),
  });
}

/** Runtimes asked for, else the usage file's `use:`, else the ones the workspace's files imply. */
export function chooseRuntimes(
  paths: readonly string[],
  options: Pick<ContextOptions, 'only' | 'overrides'>,
): { id: RuntimeId; why: string }[] {
  if (options.only && options.only.length > 0) return options.only.map((id) => ({ id, why: 'asked for by name' }));
  const layer = options.overrides.find((o) => o.use !== undefined);
  if (layer?.use) return layer.use.map((id) => ({ id, why: `runtimes.use (${layer.origin})` }));
  const implied: { id: RuntimeId; why: string }[] = [];
  for (const id of RUNTIME_IDS) {
    const hit = paths.find((p) => RUNTIME_PROFILES[id].implies.some((glob) => matchesPath(glob, p)));
    if (hit) implied.push({ id, why: `implied by ${hit}` });
  }
  return implied;
}

function scopedShareOf(overrides: readonly RuntimeOverrides[]): ResolvedValue<number> {
  const layer = overrides.find((o) => o.scopedShare !== undefined);
  if (layer) return { value: layer.scopedShare!, basis: 'usage', detail: `runtimes.scopedShare (${layer.origin})` };
  return {
    value: DEFAULT_SCOPED_SHARE,
    basis: 'default',
    detail:
      'built-in default: one request in four has a matching file in context — set runtimes.scopedShare in .burnrate.yaml',
  };
}

function runtimeContext(
  runtime: ResolvedRuntime,
  why: string,
  paths: readonly string[],
  snapshot: WorkspaceSnapshot,
  options: ContextOptions,
  scopedShare: number,
  monthHours: number,
  cache: Map<string, ContextFile | { failed: string }>,
): RuntimeContext {
  const items: ContextItem[] = [
    figureItem(
      'system-prompt',
      `${runtime.name} system prompt${runtime.mode !== 'default' ? ` (${runtime.mode} mode)` : ''}`,
      runtime.systemPrompt,
    ),
  ];
  for (const tool of runtime.tools) items.push(figureItem('tool-schema', `tool schema: ${tool.name}`, tool.figure));
  const problems: Problem[] = runtime.profile.reads.some((r) => r.renamable)
    ? [...(options.contextFileNames?.problems ?? [])]
    : [];
  const sessions: { file: ContextFile; rule: FileRule; role: SessionRole }[] = [];
  let docBytes = 0;

  for (const path of paths) {
    const rule = ruleFor(runtime.profile, path, paths);
    if (!rule) continue;
    const key = `${path}\u0000${rule.imports ? (runtime.importDepth?.value ?? 0) : -1}`;
    let cached = cache.get(key);
    if (!cached) {
      const text = snapshot.read(path);
      const read = text.ok
        ? readContextFile(path, text.value, {
            read: snapshot.read,
            ...(rule.imports && runtime.importDepth ? { importHops: runtime.importDepth.value } : {}),
            ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
          })
        : err(readFailureText(text.error));
      cached = read.ok ? read.value : { failed: read.error };
      cache.set(key, cached);
    }
    if ('failed' in cached) {
      problems.push({ severity: 'warning', message: `${path}: ${cached.failed} — not counted` });
      continue;
    }
    const file = cached;
    for (const problem of file.file.problems)
      if (problem.severity !== 'info' || file.importProblems.includes(problem))
        problems.push({ ...problem, message: `${path}: ${problem.message}` });
    const loading = loadingOf(rule, file);
    const label = `${rule.label}: ${path}`;
    switch (loading.kind) {
      case 'always': {
        const item = fileItem(runtime, file, 'always-on', label, 'every request', 1, options, rule);
        const capped = capTotal(runtime, file, item, docBytes);
        docBytes += capped.bytes;
        if (capped.note) problems.push({ severity: 'info', message: capped.note });
        items.push(capped.item);
        break;
      }
      case 'scoped':
        items.push(
          fileItem(
            runtime,
            file,
            'scoped',
            label,
            `on requests with a file matching ${loading.scope} in context (at ${Math.round(scopedShare * 100)}% of requests)`,
            scopedShare,
            options,
            rule,
          ),
        );
        break;
      case 'description':
        items.push(
          listingItem(
            runtime,
            'rule-description',
            `description: ${path}`,
            path,
            loading.description,
            'every request (the model decides whether to pull the body in)',
          ),
        );
        items.push(
          fileItem(
            runtime,
            file,
            'on-demand',
            label,
            'when the model pulls it in by its description',
            0,
            options,
            rule,
          ),
        );
        break;
      case 'invocation':
        items.push(
          fileItem(runtime, file, 'on-invocation', label, `on invocation only (${loading.why})`, 0, options, rule),
        );
        break;
      case 'skill': {
        const disabled = file.fields?.value(['disable-model-invocation']) === true;
        const listingText =
          file.listing?.parts.map((p) => p.text).join('\n') ?? `${loading.name}: ${loading.description}`;
        if (!disabled)
          items.push(
            listingItem(
              runtime,
              'skill-metadata',
              `${rule.label} listing: ${loading.name}`,
              path,
              listingText,
              'every request (name and description)',
            ),
          );
        items.push(
          fileItem(
            runtime,
            file,
            'skill-body',
            label,
            disabled
              ? 'only when you type /name (disable-model-invocation: true, not listed)'
              : 'per invocation (the body then stays in the conversation)',
            0,
            options,
            rule,
          ),
        );
        break;
      }
      case 'subagent':
        items.push(
          listingItem(
            runtime,
            'subagent-description',
            `${rule.label} listing: ${loading.name}`,
            path,
            `${loading.name}: ${loading.description}`,
            "every request (the parent sees each subagent's description)",
          ),
        );
        break;
      case 'session':
        break;
    }
    if (rule.session && loading.kind !== 'invocation') sessions.push({ file, rule, role: rule.session });
  }

  const perRequestItems = items.filter((i) => i.share > 0);
  for (const { file, rule, role } of sessions)
    items.push(sessionItem(runtime, file, rule, role, perRequestItems, options));

  const inputTokens = Math.round(perRequestItems.reduce((sum, i) => sum + i.inputTokens * i.share, 0));
  const band = combinedBand(perRequestItems.map((i) => ({ tokens: i.inputTokens * i.share, band: i.band })));
  const perRequest: RuntimeContext['perRequest'] = { inputTokens, exact: perRequestItems.every((i) => i.exact), band };
  if (runtime.pricing.ok) {
    const rates = runtime.pricing.rates;
    perRequest.costUsd = callCost(rates, { input: inputTokens, output: 0 });
    if (rates.cacheReadPerMTok !== undefined)
      perRequest.cachedCostUsd = callCost(rates, { input: inputTokens, output: 0, cacheRead: inputTokens });
    perRequest.perDayUsd = perRequest.costUsd * runtime.requestsPerDay.value;
    perRequest.perMonthUsd = (perRequest.perDayUsd * monthHours) / 24;
    for (const item of items)
      if (item.kind !== 'session') item.perUseUsd = callCost(rates, { input: item.inputTokens, output: 0 });
  } else {
    problems.push({ severity: 'warning', message: runtime.pricing.message });
  }
  const context: RuntimeContext = {
    id: runtime.id,
    name: runtime.name,
    mode: runtime.mode,
    model: runtime.model,
    pricing: runtime.pricing,
    why,
    perRequest,
    requestsPerDay: runtime.requestsPerDay,
    items,
    problems,
  };
  const note = [runtime.profile.note, runtime.modeNote].filter(Boolean).join(' ');
  if (note) context.note = note;
  return context;
}

type Loading = FileLoading | { kind: 'skill' | 'subagent'; name: string; description: string } | { kind: 'session' };

function loadingOf(rule: FileRule, file: ContextFile): Loading {
  switch (rule.rule) {
    case 'always':
      return { kind: 'always' };
    case 'scoped':
      return {
        kind: 'scoped',
        scope: rule.scope === 'subtree' ? `${file.path.slice(0, file.path.lastIndexOf('/') + 1)}**` : rule.label,
      };
    case 'frontmatter':
      return registryLoading(file) ?? frontmatterLoading(file.fields, file.path);
    case 'description':
    case 'skill':
    case 'subagent': {
      const name = textField(file, 'name') ?? nameFromPath(file.path);
      const description = textField(file, 'description') ?? '';
      return rule.rule === 'description'
        ? { kind: 'description', description }
        : { kind: rule.rule, name, description };
    }
    case 'invocation':
      return { kind: 'invocation', why: rule.label };
    case 'session':
      return askMode(file) ? { kind: 'invocation', why: 'agent: ask — one call in ask mode' } : { kind: 'session' };
  }
}

/** The format registry's loading kind for a rule file, when a family read it (plain-text fallbacks say nothing). */
function registryLoading(file: ContextFile): FileLoading | undefined {
  const unit = file.file.units[0];
  if (!unit || file.file.format === 'plain-prompt') return undefined;
  const description = textField(file, 'description');
  switch (unit.loading) {
    case 'always-on':
      return { kind: 'always' };
    case 'scoped': {
      // `**`, `**/*` and `*` attach even with no file in context (computeAutomaticInstructions.ts).
      const globs = (unit.appliesTo ?? '')
        .split(',')
        .map((g) => g.trim())
        .filter((g) => g.length > 0);
      if (globs.length > 0 && globs.every((g) => BROAD_GLOBS.has(g))) return { kind: 'always' };
      return { kind: 'scoped', scope: unit.appliesTo ?? 'its globs' };
    }
    case 'on-invocation':
      return description
        ? { kind: 'description', description }
        : { kind: 'invocation', why: 'applied only when asked for' };
    default:
      return undefined;
  }
}

/** A prompt file that runs in ask mode is one call, not an agent loop. */
function askMode(file: ContextFile): boolean {
  const mode = textField(file, 'agent') ?? textField(file, 'mode');
  return mode?.toLowerCase() === 'ask';
}

function textField(file: ContextFile, key: string): string | undefined {
  const value = file.fields?.value([key]);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function nameFromPath(path: string): string {
  const segments = path.split('/');
  const base = segments[segments.length - 1] ?? path;
  if (base.toLowerCase() === 'skill.md') return segments[segments.length - 2] ?? base;
  return base.replace(/(\.agent|\.chatmode|\.prompt)?\.md$/i, '');
}

function figureItem(kind: ContextItemKind, label: string, figure: TokenFigure): ContextItem {
  return {
    kind,
    label,
    inputTokens: figure.tokens,
    exact: false,
    band: figure.band,
    rule: 'every request',
    share: 1,
    basis: figure.basis,
    source: `${figure.source} (${figure.date})`,
  };
}

/** A file's tokens exactly as `burnrate estimate` counts them, on the runtime's model. */
function fileItem(
  runtime: ResolvedRuntime,
  file: ContextFile,
  kind: ContextItemKind,
  label: string,
  rule: string,
  share: number,
  options: ContextOptions,
  fileRule: FileRule,
): ContextItem {
  const counted = countFile(runtime, file, options);
  const item: ContextItem = {
    kind,
    label,
    path: file.path,
    inputTokens: counted.tokens,
    exact: counted.exact,
    band: counted.band,
    rule,
    share,
    basis: 'counted',
    source: fileRule.source,
  };
  if (file.imports.length > 0) item.imports = file.imports.map((i) => i.path);
  const cap = runtime.profile.maxCharsPerFile;
  if (cap && file.body.length > cap.value) {
    const cut = countTokens(file.body.slice(0, cap.value), runtime.tokenizer);
    item.inputTokens = cut.tokens;
    item.rule += ` (cut at ${cap.value.toLocaleString('en-US')} characters: ${cap.source}, ${cap.date})`;
  }
  return item;
}

export function countFile(
  runtime: ResolvedRuntime,
  file: ContextFile,
  options: Pick<ContextOptions, 'usage' | 'settingsPrices'>,
): { tokens: number; exact: boolean; band: number } {
  const unit = file.file.units[0];
  if (!unit) return { tokens: 0, exact: runtime.tokenizer.exact, band: runtime.tokenizer.band };
  const estimate = estimateUnit(
    file.file,
    { ...unit, kind: 'always-on' },
    {
      usage: options.usage,
      relativePath: file.path,
      flags: { model: runtime.model.value },
      ...(options.settingsPrices ? { settingsPrices: options.settingsPrices } : {}),
    },
  );
  return { tokens: estimate.input.tokens, exact: estimate.input.exact, band: estimate.input.band };
}

/** Codex drops project docs past its combined byte budget. */
function capTotal(
  runtime: ResolvedRuntime,
  file: ContextFile,
  item: ContextItem,
  bytesBefore: number,
): { item: ContextItem; bytes: number; note?: string } {
  const cap = runtime.profile.maxBytesTotal;
  const bytes = new TextEncoder().encode(file.body).length;
  if (!cap || bytesBefore + bytes <= cap.value) return { item, bytes };
  const room = Math.max(0, cap.value - bytesBefore);
  const kept = countTokens(
    new TextDecoder().decode(new TextEncoder().encode(file.body).slice(0, room)),
    runtime.tokenizer,
  );
  return {
    item: {
      ...item,
      inputTokens: kept.tokens,
      rule: `${item.rule} (cut to the ${cap.value.toLocaleString('en-US')}-byte budget: ${cap.source})`,
    },
    bytes,
    note: `${file.path}: past ${runtime.name}'s ${cap.value.toLocaleString('en-US')}-byte budget for project docs — only the first ${room.toLocaleString('en-US')} bytes are sent`,
  };
}

function listingItem(
  runtime: ResolvedRuntime,
  kind: ContextItemKind,
  label: string,
  path: string,
  text: string,
  rule: string,
): ContextItem {
  const max = runtime.profile.listingEntryMaxChars?.value;
  const entry = max !== undefined && text.length > max ? text.slice(0, max) : text;
  const counted = countTokens(entry, runtime.tokenizer);
  const framing = runtime.listingEntry;
  const tokens = counted.tokens + (framing?.tokens ?? 0);
  const band = combinedBand([{ tokens: counted.tokens, band: counted.band }, ...(framing ? [framing] : [])]);
  const item: ContextItem = {
    kind,
    label,
    path,
    inputTokens: tokens,
    exact: counted.exact && !framing,
    band,
    rule,
    share: 1,
    basis: 'counted',
  };
  if (framing) item.source = `text counted; +${framing.tokens} framing per entry (${framing.source})`;
  if (max !== undefined && text.length > max) item.rule += ` (entry cut at ${max.toLocaleString('en-US')} characters)`;
  if (text.trim().length === 0 || text.trim().endsWith(':'))
    item.rule += ' — no description: the model cannot tell when to use it';
  return item;
}

function sessionItem(
  runtime: ResolvedRuntime,
  file: ContextFile,
  rule: FileRule,
  role: SessionRole,
  perRequest: readonly ContextItem[],
  options: ContextOptions,
): ContextItem {
  const figures = agentSessionOf(runtime, file, role, perRequest, options);
  const first = figures.rows[0]?.input ?? figures.prefixTokens;
  return {
    kind: 'session',
    label: `${rule.label}: ${file.path}`,
    path: file.path,
    inputTokens: first,
    exact: false,
    band: figures.band,
    rule: `per session (${figures.calls.value} call${figures.calls.value === 1 ? '' : 's'}), its own context — first call shown`,
    share: 0,
    basis: 'counted',
    session: figures,
  };
}

/** The session of an agent file on this runtime, carrying what the runtime loads for it. */
export function agentSessionOf(
  parent: ResolvedRuntime,
  file: ContextFile,
  role: SessionRole,
  perRequest: readonly ContextItem[],
  options: Pick<ContextOptions, 'usage' | 'settingsPrices'> & {
    flags?: import('../usage/usageConfig').UsageDefaults;
    settings?: import('../usage/usageConfig').UsageDefaults;
  },
): AgentSessionFigures {
  const unit = file.file.units[0] ?? {
    name: file.path,
    kind: 'call' as const,
    range: { startLine: 0, endLine: 0 },
    parts: [],
    messageCount: 1,
    sections: [],
  };
  // The agent's own `model:` (a subagent on haiku) beats the runtime's default model.
  const declared = Array.isArray(unit.model?.value) ? unit.model.value[0] : unit.model?.value;
  const runtime =
    declared && unit.model
      ? withModel(
          parent,
          declared,
          `${unit.model.field} in ${file.path}`,
          [...options.usage.prices, ...(options.settingsPrices ?? [])],
          options.usage,
        )
      : parent;
  const own = countFile(runtime, file, options);
  // A subagent starts fresh: memory files, not the parent's listings or figures (cc-docs sub-agents "What loads at startup").
  const carried: PrefixPart[] = perRequest
    .filter(
      (i) => i.kind !== 'system-prompt' && i.kind !== 'tool-schema' && (role === 'main' || i.kind === 'always-on'),
    )
    .map((i) => ({
      label: i.share < 1 ? `${i.label} (×${Math.round(i.share * 100)}%)` : i.label,
      tokens: Math.round(i.inputTokens * i.share),
      band: i.band,
    }));
  const layers = {
    usage: options.usage,
    relativePath: file.path,
    ...(options.flags ? { flags: options.flags } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  };
  // Only the expected output is wanted here; the unit's own turn cap is priced by the session below (closed form).
  const { turns: _cap, ...oneCall } = unit;
  const estimate = estimateUnit(file.file, oneCall, {
    ...layers,
    flags: { ...options.flags, model: runtime.model.value },
  });
  const maxTurns =
    unit.turns ??
    maxTurnsField(file) ??
    (role === 'subagent' && runtime.profile.defaultSubagentTurns
      ? {
          value: runtime.profile.defaultSubagentTurns.value,
          field: `${runtime.name}'s default max_turns (${runtime.profile.defaultSubagentTurns.source})`,
        }
      : undefined);
  const tools = file.fields?.names(['tools']);
  return agentSession({
    runtime,
    role,
    file: file.file,
    unit,
    layers,
    ownTokens: { tokens: own.tokens, band: own.band },
    ...(tools ? { tools } : {}),
    carried,
    outputPerCall: estimate.output.expected.value,
    ...(maxTurns ? { maxCalls: { value: maxTurns.value, field: maxTurns.field } } : {}),
  });
}

function maxTurnsField(file: ContextFile): { value: number; field: string } | undefined {
  for (const key of ['maxTurns', 'max_turns']) {
    const value = file.fields?.value([key]);
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return { value, field: key };
  }
  return undefined;
}
