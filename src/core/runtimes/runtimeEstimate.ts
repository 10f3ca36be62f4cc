// What the runtimes add to a file's own estimate, so `burnrate estimate`, the lenses and `burnrate context` say the
// same thing: memory files count the files they import (as the runtime that reads them follows imports), always-on
// files know their share of each runtime's per-request total, and agent files are priced per session on their runtime.
import type { FileEstimate, SessionFigures, UnitEstimate } from '../estimate/types';
import type { ParsedFile } from '../types';
import type { UsageDefaults } from '../usage/usageConfig';
import type { AgentSessionFigures } from './agentSession';
import { agentSessionOf, resolve, type ContextOptions, type WorkspaceContext } from './context';
import { readContextFile, withImports } from './contextFile';
import type { WorkspaceReader } from './imports';
import { workspaceProfile } from './contextFileNames';
import { ruleFor } from './loading';
import { RUNTIME_IDS, type FileRule, type RuntimeId } from './profile';

/** The workspace as the runtimes see it, computed once per workspace by the shell and handed to every estimate. */
export interface RuntimeEnvironment {
  context: WorkspaceContext;
  options: ContextOptions;
  read: WorkspaceReader;
  /** Every workspace path the snapshot holds (for rules that depend on other files). */
  paths: readonly string[];
}

export interface RuntimeShare {
  runtime: RuntimeId;
  runtimeName: string;
  tokens: number;
  perRequestTokens: number;
  /** This file's part of the runtime's per-request total (0..1). */
  share: number;
}

/** The runtime whose rule for this path follows imports (Claude Code for CLAUDE.md, Gemini CLI for GEMINI.md). */
export function importingRuntime(path: string, env: RuntimeEnvironment): { id: RuntimeId; hops: number } | undefined {
  for (const id of RUNTIME_IDS) {
    const rule = ruleFor(workspaceProfile(id, env.options.contextFileNames), path, env.paths);
    if (!rule?.imports) continue;
    const hops = resolve(id, env.options).importDepth?.value;
    if (hops !== undefined) return { id, hops };
  }
  return undefined;
}

/**
 * The file as its runtime sends it: with its imports joined when a runtime reading it follows them. An agent file its
 * runtime runs as a session loses its turn cap here: the session is priced by `withRuntimes` in closed form instead.
 */
export function prepareForRuntimes(
  file: ParsedFile,
  relativePath: string,
  env: RuntimeEnvironment | undefined,
): ParsedFile {
  if (!env) return file;
  if (file.units.length === 1 && sessionOwner(relativePath, env)) {
    return { ...file, units: file.units.map(({ turns: _priced, ...unit }) => unit) };
  }
  const importer = importingRuntime(relativePath, env);
  const joined = importer ? withImports(file, relativePath, importer.hops, env.read).file : file;
  return onReaderModel(joined, relativePath, env);
}

/**
 * An always-on or scoped file is sent by a runtime, so it is priced on the model that runtime runs (the first of the workspace's
 * runtimes that reads it), unless the file names one: the estimate and `burnrate context` then count it alike.
 */
function onReaderModel(file: ParsedFile, relativePath: string, env: RuntimeEnvironment): ParsedFile {
  const reader = env.context.runtimes.find((r) =>
    r.items.some((i) => i.path === relativePath && (i.kind === 'always-on' || i.kind === 'scoped')),
  );
  if (!reader || file.usageHints?.model) return file;
  const field = `runtimes.${reader.id}.model: the model ${reader.name} runs, read by it`;
  return {
    ...file,
    units: file.units.map((u) =>
      u.kind === 'always-on' && !u.model ? { ...u, model: { value: reader.model.value, field } } : u,
    ),
  };
}

/** Runtime shares on always-on units and per-session pricing for agent files. */
export function withRuntimes(
  estimate: FileEstimate,
  relativePath: string,
  text: string,
  env: RuntimeEnvironment,
  layers: { flags?: UsageDefaults; settings?: UsageDefaults },
): FileEstimate {
  const units = estimate.units.map((unit, index) => {
    if (unit.kind === 'always-on') {
      const shares = sharesOf(relativePath, env.context);
      return shares.length > 0 ? { ...unit, runtimeShares: shares } : unit;
    }
    if (index !== 0 || estimate.units.length !== 1) return unit;
    const owner = sessionOwner(relativePath, env);
    if (!owner) return unit;
    const read = readContextFile(relativePath, text, { read: env.read });
    if (!read.ok) return unit;
    const runtimeContext = env.context.runtimes.find((r) => r.id === owner.id);
    const perRequest = runtimeContext ? runtimeContext.items.filter((i) => i.share > 0) : [];
    const figures = agentSessionOf(resolve(owner.id, env.options), read.value, owner.rule.session!, perRequest, {
      usage: env.options.usage,
      ...(env.options.settingsPrices ? { settingsPrices: env.options.settingsPrices } : {}),
      ...layers,
    });
    return withSession(unit, figures);
  });
  return { ...estimate, units };
}

function sharesOf(path: string, context: WorkspaceContext): RuntimeShare[] {
  return context.runtimes.flatMap((r) =>
    r.items
      .filter((i) => i.path === path && i.share === 1 && i.kind === 'always-on')
      .map((i) => ({
        runtime: r.id,
        runtimeName: r.name,
        tokens: i.inputTokens,
        perRequestTokens: r.perRequest.inputTokens,
        share: r.perRequest.inputTokens > 0 ? i.inputTokens / r.perRequest.inputTokens : 0,
      })),
  );
}

/** The runtime that runs this file as a session: among the workspace's runtimes first, then any that would. */
function sessionOwner(path: string, env: RuntimeEnvironment): { id: RuntimeId; rule: FileRule } | undefined {
  const used = env.context.runtimes.map((r) => r.id);
  for (const id of [...used, ...RUNTIME_IDS.filter((r) => !used.includes(r))]) {
    const rule = ruleFor(workspaceProfile(id, env.options.contextFileNames), path, env.paths);
    if (rule?.session) return { id, rule };
  }
  return undefined;
}

function withSession(unit: UnitEstimate, agent: AgentSessionFigures): UnitEstimate {
  // A prompt file in ask mode is one call: the context builder reports it as on-invocation, not as a session.
  const session: SessionFigures = {
    turns: agent.calls,
    maxTurns: agent.maxCalls ?? agent.calls.value,
    userTokensPerTurn: agent.taskTokens,
    turnInputTokens: agent.rows.map((r) => r.input),
    inputTokens: agent.cost.inputTokens,
    outputTokens: agent.cost.outputTokens,
    agent,
  };
  if (agent.cost.costUsd !== undefined) session.perSession = agent.cost.costUsd;
  if (agent.worstCase?.costUsd !== undefined) session.worstCasePerSession = agent.worstCase.costUsd;
  const next: UnitEstimate = {
    ...unit,
    session,
    problems: [...unit.problems, ...agent.notes.map((message) => ({ severity: 'info' as const, message }))],
  };
  if (unit.cost && session.perSession !== undefined) {
    const perDay = session.perSession * unit.callsPerDay.value;
    next.cost = { ...unit.cost, perRun: session.perSession, perDay, perMonth: (perDay * unit.monthHours) / 24 };
  }
  return next;
}
