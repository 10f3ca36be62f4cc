// Wiring only: what Burnrate shows in the editor is decided in src/core; each piece here is one VS Code surface.
// Activation loads no tokenizer: the first count of a shown prompt file does (ranks are lazily required).
import * as vscode from 'vscode';
import { err, ok } from '../core/result';
import { AgentTools } from './agentTools';
import { AgentContexts } from './agentContexts';
import { AgentContextView } from './agentContextView';
import { BreakdownDocuments } from './breakdown';
import { ClaudeCounts } from './claudeCounts';
import { CostLensProvider } from './codeLens';
import { Commands } from './commands';
import { Config } from './config';
import { CostDiff } from './diff/costDiff';
import { HeadBases } from './diff/headBases';
import { Disposable } from './disposable';
import { EditorPriceData } from './priceData';
import { DocumentEstimates } from './documentEstimates';
import { FileChoices } from './fileChoices';
import { CostHoverProvider } from './hover';
import { guarded, Log } from './log';
import { promptDocumentSelector } from './selectors';
import { CostHistoryPanels } from './history/costHistory';
import { SimulationPanels } from './simulation/simulationPanels';
import { RuntimeStatusBar } from './runtimeStatusBar';
import { CostStatusBar, RESTRICTED_NOTE } from './statusBar';
import { UsageFiles } from './usageFileWatcher';

/** What activate() returns: a read-only view for tests (the status bar cannot be read through VS Code's API). */
export interface BurnrateApi {
  statusText(): string | undefined;
  /** The status bar item's tooltip while it is shown (where Restricted Mode is said), else undefined. */
  statusTooltip(): string | undefined;
  /** What the Agent Context view shows: each runtime's per-request input tokens and cost. */
  agentContextTotals(): { id: string; inputTokens: number; costUsd?: number }[];
  /** The runtime-overhead status bar item while shown: the runtime, its text and tooltip. */
  runtimeStatus(): { id: string; text: string; tooltip: string; inputTokens: number; costUsd?: number } | undefined;
}

class Burnrate extends Disposable implements BurnrateApi {
  private providers: vscode.Disposable | undefined;
  private readonly statusBar: CostStatusBar;
  private readonly agentView: AgentContextView;
  private readonly runtimeStatusBar: RuntimeStatusBar;

  constructor(context: vscode.ExtensionContext) {
    super();
    const log = this.register(new Log());
    const usage = this.register(new UsageFiles(log));
    const choices = this.register(new FileChoices(context.workspaceState));
    const agentContexts = this.register(new AgentContexts(usage, log));
    this.agentView = this.register(new AgentContextView(agentContexts));
    const bases = this.register(new HeadBases());
    const claudeCounts = this.register(new ClaudeCounts(context, usage, choices, log));
    const estimates = this.register(new DocumentEstimates(usage, choices, log, agentContexts, bases, claudeCounts));
    agentContexts.buildWith(async (folder, source) => {
      const built = await estimates.runtimeContext(folder, source);
      return built.ok
        ? ok(built.value)
        : err(built.error.kind === 'timedOut' ? 'not built within its time budget' : built.error.message);
    });
    const lenses = this.register(new CostLensProvider(estimates, log));
    const hovers = new CostHoverProvider(estimates, log);
    this.register(new BreakdownDocuments(estimates, log));
    this.statusBar = this.register(new CostStatusBar(estimates, usage, log));
    this.runtimeStatusBar = this.register(new RuntimeStatusBar(agentContexts, log));
    const simulation = this.register(
      new SimulationPanels({ extensionUri: context.extensionUri, usage, estimates, log }),
    );
    const costDiff = this.register(new CostDiff({ estimates, usage, choices }, log));
    const prices = this.register(new EditorPriceData(context, estimates, usage, log));
    const history = this.register(new CostHistoryPanels({ extensionUri: context.extensionUri, log }));
    this.register(
      new Commands({ estimates, usage, choices, log, simulation, costDiff, prices, history, claudeCounts }),
    );
    this.register(new AgentTools({ estimates, contexts: agentContexts, usage, costDiff }));

    // Selectors come from the file patterns plus the user's extra globs and the context files a workspace renames, so
    // they are rebuilt when those change.
    let registeredNames = '';
    const registerProviders = () => {
      this.providers?.dispose();
      const renamed = agentContexts.renamedNames();
      registeredNames = renamed.join('\n');
      const selector = promptDocumentSelector(new Config().extraGlobs, renamed);
      this.providers = vscode.Disposable.from(
        vscode.languages.registerCodeLensProvider(selector, lenses),
        vscode.languages.registerHoverProvider(selector, hovers),
      );
    };
    registerProviders();
    this.register({ dispose: () => this.providers?.dispose() });
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (Config.affects(event, 'files.extraGlobs'))
          void guarded(log, 're-registering providers', undefined, registerProviders);
      }),
    );
    // A document opened, or the runtime files changed: the settings may rename other context files now.
    const renamedChanged = () => {
      if (agentContexts.renamedNames().join('\n') !== registeredNames)
        void guarded(log, 're-registering providers', undefined, registerProviders);
    };
    this.register(agentContexts.onDidChange(renamedChanged));
    this.register(vscode.workspace.onDidOpenTextDocument(renamedChanged));

    // Said once per session, in the log and in the status bar tooltip; never a notification on every file.
    if (!vscode.workspace.isTrusted) log.info(RESTRICTED_NOTE);
    log.info(`activated (${vscode.version}, ${vscode.workspace.isTrusted ? 'trusted' : 'restricted'} workspace)`);
  }

  statusText(): string | undefined {
    return this.statusBar.current?.text;
  }

  agentContextTotals(): { id: string; inputTokens: number; costUsd?: number }[] {
    return this.agentView.runtimes().map((r) => ({
      id: r.id,
      inputTokens: r.perRequest.inputTokens,
      ...(r.perRequest.costUsd !== undefined ? { costUsd: r.perRequest.costUsd } : {}),
    }));
  }

  runtimeStatus(): ReturnType<BurnrateApi['runtimeStatus']> {
    const shown = this.runtimeStatusBar.current;
    if (!shown) return undefined;
    const { runtime, status } = shown;
    return {
      id: runtime.id,
      text: status.text,
      tooltip: status.tooltip,
      inputTokens: runtime.perRequest.inputTokens,
      ...(runtime.perRequest.costUsd !== undefined ? { costUsd: runtime.perRequest.costUsd } : {}),
    };
  }

  statusTooltip(): string | undefined {
    return this.statusBar.current ? this.statusBar.tooltip : undefined;
  }
}

export function activate(context: vscode.ExtensionContext): BurnrateApi {
  const burnrate = new Burnrate(context);
  context.subscriptions.push(burnrate);
  return burnrate;
}

export function deactivate(): void {}
