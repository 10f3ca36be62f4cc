// The agent tools (src/core/agentTools) as VS Code language-model tools, so Copilot's agent mode can ask what a prompt
// costs. File estimates come from DocumentEstimates (the one model every lens reads), the diff from the review.
import { err, ok, type Result } from '../core/result';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { AGENT_TOOLS, checkToolInput, type AgentToolDefinition } from '../core/agentTools/tools';
import { estimateSource } from '../core/estimate/estimateSource';
import { isPromptPath } from '../core/formats';
import { contextJson } from '../core/present/contextJson';
import type { AgentContexts } from './agentContexts';
import { Config } from './config';
import type { CostDiff } from './diff/costDiff';
import { Disposable } from './disposable';
import { relativePathOf, type DocumentEstimates } from './documentEstimates';
import type { UsageFiles } from './usageFileWatcher';
import { unitJson } from '../core/present/unitJson';

// A folder of thousands of files would keep the agent waiting; it is told when the list was cut.
const MAX_FILES = 200;

export interface AgentToolServices {
  estimates: DocumentEstimates;
  contexts: AgentContexts;
  usage: UsageFiles;
  costDiff: CostDiff;
}

export class AgentTools extends Disposable {
  constructor(private readonly services: AgentToolServices) {
    super();
    for (const definition of AGENT_TOOLS) {
      this.register(
        vscode.lm.registerTool<Record<string, unknown>>(definition.name, {
          prepareInvocation: (options) => ({ invocationMessage: invocationMessage(definition, options.input) }),
          invoke: async (options, token) => textResult(await this.invoke(definition, options.input, token)),
        }),
      );
    }
  }

  private async invoke(
    definition: AgentToolDefinition,
    input: unknown,
    token: vscode.CancellationToken,
  ): Promise<unknown> {
    const checked = checkToolInput(definition, input);
    if (!checked.ok) return { error: checked.error };
    const args = checked.value;
    if (definition.name === 'burnrate_diff') return this.diff(Array.isArray(args.paths) ? args.paths : []);
    if (definition.name === 'burnrate_context')
      return this.context(typeof args.runtime === 'string' ? args.runtime : undefined);
    const model = typeof args.model === 'string' ? args.model : undefined;
    if (typeof args.text === 'string') return this.estimateText(args.text, model);
    return this.estimatePath(typeof args.path === 'string' ? args.path : '.', model, token);
  }

  private estimateText(text: string, model: string | undefined): unknown {
    const result = this.estimateWith('(text)', text, vscode.workspace.workspaceFolders?.[0], model, true);
    return result.ok
      ? { units: result.estimate.units.map((u) => unitJson(u, undefined)) }
      : { error: result.skipped.reason };
  }

  /** A text priced with the workspace's inputs and the model the agent asked for (beats every other source). */
  private estimateWith(
    relativePath: string,
    text: string,
    folder: vscode.WorkspaceFolder | undefined,
    model: string | undefined,
    namedByUser: boolean,
  ) {
    const config = new Config(folder?.uri);
    return estimateSource(relativePath, text, {
      relativePath,
      namedByUser,
      usage: this.services.usage.configFor(folder),
      settings: config.usageDefaults,
      settingsPrices: config.priceOverrides.prices,
      ...(model ? { flags: { model } } : {}),
    });
  }

  private async estimatePath(
    given: string,
    model: string | undefined,
    token: vscode.CancellationToken,
  ): Promise<unknown> {
    const target = confine(given);
    if (!target.ok) return { error: target.error };
    const named = !fs.statSync(target.value).isDirectory();
    const files = named ? [vscode.Uri.file(target.value)] : await promptFilesUnder(target.value);
    const units: unknown[] = [];
    const skipped: { path: string; reason: string }[] = [];
    for (const uri of files.slice(0, MAX_FILES)) {
      if (token.isCancellationRequested) break;
      const document = await vscode.workspace.openTextDocument(uri);
      const relativePath = relativePathOf(uri);
      // Without a model the agent sees exactly what the lens shows; with one, the same text re-priced on it.
      const result = model
        ? this.estimateWith(relativePath, document.getText(), vscode.workspace.getWorkspaceFolder(uri), model, named)
        : (await this.services.estimates.get(document, token))?.result;
      if (!result) skipped.push({ path: relativePath, reason: 'not a prompt or agent file' });
      else if (!result.ok) skipped.push({ path: relativePath, reason: result.skipped.reason });
      else units.push(...result.estimate.units.map((u) => unitJson(u, undefined)));
    }
    return {
      units,
      skipped,
      ...(files.length > MAX_FILES ? { truncated: `${files.length} files, the first ${MAX_FILES} estimated` } : {}),
    };
  }

  /** The same context the Agent Context view and `burnrate context --json` show. */
  private async context(runtime: string | undefined): Promise<unknown> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const context = await this.services.contexts.context(folder);
    if (!context) return { error: 'no workspace folder on disk is open' };
    const json = contextJson(context, { workspaceRoot: folder!.uri.fsPath }) as {
      runtimes: { id: string }[];
    };
    if (runtime === undefined) return json;
    const runtimes = json.runtimes.filter((r) => r.id === runtime);
    return runtimes.length > 0
      ? { ...json, runtimes }
      : {
          error: `runtime "${runtime}" is not in use in this workspace (in use: ${json.runtimes.map((r) => r.id).join(', ') || 'none'})`,
        };
  }

  private async diff(paths: string[]): Promise<unknown> {
    const summary = await this.services.costDiff.review();
    if (!summary.ok) return { error: summary.error };
    const wanted = (file: string) =>
      paths.length === 0 || paths.some((p) => file === p || file.startsWith(`${p.replace(/\/$/, '')}/`));
    return {
      repositories: summary.value.repositories.map((r) => ({
        root: r.root,
        base: r.base,
        head: r.head,
        totalPerMonthDelta: r.totalPerMonthDelta,
        totalPercent: r.totalPercent,
        files: r.files.filter((f) => wanted(f.path)).map(({ item: _item, ...file }) => file),
        uncompared: r.uncompared,
      })),
      skipped: summary.value.skipped,
    };
  }
}

/** Workspace-relative (or absolute) path → a real path inside a workspace folder; symlinks leaving it are refused. */
function confine(given: string): Result<string> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return err('no workspace folder is open');
  const roots = folders.map((f) => realpath(f.uri.fsPath) ?? f.uri.fsPath);
  const real = realpath(path.resolve(roots[0]!, given));
  if (!real) return err(`no such file or folder in the workspace: ${given}`);
  const inside = roots.some((root) => {
    const relative = path.relative(root, real);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  });
  return inside ? ok(real) : err(`${given} is outside the workspace; only workspace files are read`);
}

function realpath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

async function promptFilesUnder(folder: string): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(
    new vscode.RelativePattern(vscode.Uri.file(folder), '**/*'),
    '**/{node_modules,.git,out,dist}/**',
    MAX_FILES * 20,
  );
  return found.filter((uri) => isPromptPath(relativePathOf(uri))).sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

function invocationMessage(definition: AgentToolDefinition, input: Record<string, unknown>): string {
  if (definition.name === 'burnrate_diff') return 'Burnrate: comparing prompt costs with HEAD';
  if (definition.name === 'burnrate_context') return "Burnrate: reading the agent runtimes' per-request context";
  return typeof input.path === 'string' ? `Burnrate: pricing ${input.path}` : 'Burnrate: pricing the prompt';
}

function textResult(value: unknown): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(JSON.stringify(value, null, 2))]);
}
