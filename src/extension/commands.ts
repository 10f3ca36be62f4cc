// Every command, in one table: id → factory(context) → handler. main.ts registers them in a loop; an integration test
// checks this table against package.json. Handlers take optional arguments so they can be driven without UI
// (tests, links in hovers, other commands); without arguments they ask with a QuickPick or an InputBox.
import * as vscode from 'vscode';
import { parseCount } from '../core/present/countInput';
import { usageFileTemplate } from '../core/present/usageFileTemplate';
import { BreakdownDocuments } from './breakdown';
import { Config, SECTION } from './config';
import { Disposable } from './disposable';
import type { CheckArgs, ClaudeCounts } from './claudeCounts';
import type { CostDiff } from './diff/costDiff';
import type { DocumentEstimate, DocumentEstimates } from './documentEstimates';
import type { FileChoices } from './fileChoices';
import type { CostHistoryPanels } from './history/costHistory';
import type { EditorPriceData } from './priceData';
import { writeUsageChoice } from './fileUsageWriter';
import { errorMessage, type Log } from './log';
import { pickModel } from './modelPicker';
import type { SimulationPanels } from './simulation/simulationPanels';
import { UsageFiles } from './usageFileWatcher';

export interface CommandContext {
  estimates: DocumentEstimates;
  usage: UsageFiles;
  choices: FileChoices;
  log: Log;
  simulation: SimulationPanels;
  costDiff: CostDiff;
  prices: EditorPriceData;
  history: CostHistoryPanels;
  claudeCounts: ClaudeCounts;
}

export type CommandId =
  | 'burnrate.setModel'
  | 'burnrate.setCallsPerDay'
  | 'burnrate.showBreakdown'
  | 'burnrate.resetFileChoices'
  | 'burnrate.openUsageFile'
  | 'burnrate.toggleLenses'
  | 'burnrate.runSimulation'
  | 'burnrate.reviewCostChanges'
  | 'burnrate.openCostChange'
  | 'burnrate.updatePrices'
  | 'burnrate.showCostHistory'
  | 'burnrate.checkClaudeCounts'
  | 'burnrate.forgetClaudeData';

type Handler = (...args: unknown[]) => unknown;

export const COMMANDS: Record<CommandId, (ctx: CommandContext) => Handler> = {
  /** (file?: Uri | string, model?: string) → where the choice was written, or undefined when cancelled. */
  'burnrate.setModel': (ctx) => async (target, model) => {
    const found = await promptDocument(ctx, target);
    if (!found) return undefined;
    const [document, estimate] = found;
    const current = currentModel(estimate);
    const chosen =
      typeof model === 'string' && model.trim() ? model.trim() : await pickModel(current, pricesFor(ctx, estimate));
    return chosen ? writeUsageChoice(ctx.choices, document, estimate, 'model', chosen) : undefined;
  },

  /** (file?: Uri | string, calls?: number | string) → where the choice was written, or undefined when cancelled. */
  'burnrate.setCallsPerDay': (ctx) => async (target, calls) => {
    const found = await promptDocument(ctx, target);
    if (!found) return undefined;
    const [document, estimate] = found;
    let value = typeof calls === 'number' ? calls : typeof calls === 'string' ? parseCount(calls) : undefined;
    if (value === undefined) {
      const current = estimate.result.ok ? estimate.result.estimate.units[0]?.callsPerDay.value : undefined;
      const typed = await vscode.window.showInputBox({
        title: `Burnrate: calls per day for ${estimate.relativePath}`,
        prompt: 'Calls a day (sessions a day for multi-turn agents, requests a day for always-on context)',
        ...(current !== undefined ? { value: String(current) } : {}),
        validateInput: (text) => {
          const parsed = parseCount(text);
          return parsed.ok ? undefined : parsed.error;
        },
      });
      if (typed === undefined) return undefined;
      value = parseCount(typed);
    }
    if (typeof value !== 'number') {
      if (!value.ok) throw new Error(`not a count: ${String(calls)} (${value.error})`);
      value = value.value;
    }
    return writeUsageChoice(ctx.choices, document, estimate, 'callsPerDay', value);
  },

  /** (file?: Uri | string) → whether there was anything to forget. Files keep their frontmatter; only state goes. */
  'burnrate.resetFileChoices': (ctx) => async (target) => {
    const uri = targetUri(target);
    const choice = uri && ctx.choices.get(uri);
    if (!uri || !choice) {
      void vscode.window.showInformationMessage('Burnrate: nothing is kept in workspace state for this file.');
      return false;
    }
    for (const key of Object.keys(choice) as (keyof typeof choice)[]) await ctx.choices.set(uri, key, undefined);
    return true;
  },

  /** (file?: Uri | string, unit?: number) → the breakdown document's URI. */
  'burnrate.showBreakdown': (ctx) => async (target, unit) => {
    const found = await promptDocument(ctx, target);
    if (!found) return undefined;
    const uri = BreakdownDocuments.uriFor(found[0].uri, typeof unit === 'number' ? unit : undefined);
    await vscode.workspace.openTextDocument(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch (error) {
      // Built-in markdown extension disabled: the markdown text itself is still a readable breakdown.
      ctx.log.warn(`markdown preview unavailable (${errorMessage(error)}); showing the breakdown as text`);
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
    return uri;
  },

  /** (folder?: Uri) → the usage file's URI; creates it from the template only when it does not exist. */
  'burnrate.openUsageFile': () => async (target) => {
    const hint = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
    const folder = (hint && vscode.workspace.getWorkspaceFolder(hint)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showWarningMessage('Burnrate: open a folder first; the usage file lives at its root.');
      return undefined;
    }
    const uri = UsageFiles.uriIn(folder);
    const exists = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    if (!exists) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(usageFileTemplate()));
    await vscode.window.showTextDocument(uri);
    return uri;
  },

  /** () → whether lenses are now on. */
  'burnrate.toggleLenses': () => async () => {
    const section = vscode.workspace.getConfiguration(SECTION);
    const inspected = section.inspect<boolean>('lenses.enabled');
    // Flip the value where it is set, so a workspace setting is not silently shadowing the user's choice.
    const target =
      inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
    const next = !new Config().lensesEnabled;
    await section.update('lenses.enabled', next, target);
    return next;
  },

  /** (args?: RunSimulationArgs | Uri) → what the panel drew when args.waitForRender, else undefined. */
  'burnrate.runSimulation': (ctx) => (args) => ctx.simulation.open(args),

  /** () → true when newer price data was fetched, checked and is now in use. Reaches the network; only on request. */
  'burnrate.updatePrices': (ctx) => () => ctx.prices.update(),

  /** (args?: CheckArgs) → a CheckResult. Sends texts to Anthropic, only after the user's confirm; refused in Restricted Mode. */
  'burnrate.checkClaudeCounts': (ctx) => (args) =>
    ctx.claudeCounts.check(args !== null && typeof args === 'object' ? (args as CheckArgs) : {}),

  /** (what?: 'key' | 'counts' | 'both') → what was forgotten, or undefined when cancelled. */
  'burnrate.forgetClaudeData': (ctx) => (what) => ctx.claudeCounts.forget(what),

  /** () → a ReviewSummary; the result is also shown in the Prompt Cost Changes view. */
  'burnrate.reviewCostChanges': (ctx) => () => ctx.costDiff.review(),

  /** (change: OpenChangeArgs) → what was opened: VS Code's diff editor (HEAD ↔ working tree), or the file alone. */
  'burnrate.openCostChange': (ctx) => (change) => ctx.costDiff.openChange(change),

  /** (args?: ShowHistoryArgs | Uri) → a ShowHistoryResult; refused (ok: false) in Restricted Mode or outside git. */
  'burnrate.showCostHistory': (ctx) => (args) => ctx.history.show(args),
};

export class Commands extends Disposable {
  constructor(ctx: CommandContext) {
    super();
    for (const id of Object.keys(COMMANDS) as CommandId[]) {
      const handler = COMMANDS[id](ctx);
      this.register(
        vscode.commands.registerCommand(id, async (...args: unknown[]) => {
          try {
            return await handler(...args);
          } catch (error) {
            ctx.log.error(id, error);
            void vscode.window.showErrorMessage(`Burnrate: ${id} failed — ${errorMessage(error)}`);
            return undefined;
          }
        }),
      );
    }
  }
}

/** The document a command acts on (an argument, else the active editor) with its estimate; warns when there is none. */
async function promptDocument(
  ctx: CommandContext,
  target: unknown,
): Promise<[vscode.TextDocument, DocumentEstimate] | undefined> {
  const uri = targetUri(target);
  if (!uri) {
    void vscode.window.showWarningMessage('Burnrate: open a prompt or agent file first.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const estimate = await ctx.estimates.get(document);
  if (!estimate) {
    void vscode.window.showWarningMessage(
      `Burnrate: ${vscode.workspace.asRelativePath(uri)} is not a prompt or agent file Burnrate reads.`,
    );
    return undefined;
  }
  return [document, estimate];
}

function targetUri(target: unknown): vscode.Uri | undefined {
  return target instanceof vscode.Uri
    ? target
    : typeof target === 'string'
      ? vscode.Uri.parse(target)
      : vscode.window.activeTextEditor?.document.uri;
}

function currentModel(estimate: DocumentEstimate): string | undefined {
  const unit = estimate.result.ok ? estimate.result.estimate.units[0] : undefined;
  return unit && (unit.pricing.ok ? unit.pricing.rates.modelId : unit.model.value);
}

function pricesFor(ctx: CommandContext, estimate: DocumentEstimate) {
  return [...ctx.usage.configFor(estimate.folder).prices, ...new Config(estimate.uri).priceOverrides.prices];
}
