// The one lens provider of prompt documents: cost lenses and delta lenses against HEAD, both planned in core
// (core/editor/lensPlan.ts) from the document's one model. This only places them and turns actions into commands.
import * as vscode from 'vscode';
import { planEditorLenses, type EditorLens } from '../core/editor/lensPlan';
import { Config } from './config';
import { OPEN_CHANGE_COMMAND, type OpenChangeArgs } from './diff/openChange';
import { Disposable } from './disposable';
import type { DocumentEstimate, DocumentEstimates } from './documentEstimates';
import { guarded, type Log } from './log';
import type { RunSimulationArgs } from './simulation/simulationPanels';
import { editorSkipText } from './skipWording';

export class CostLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly estimates: DocumentEstimates,
    private readonly log: Log,
  ) {
    super();
    this.register(estimates.onDidInvalidate(() => this.changed.fire()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (Config.affects(event, 'lenses.enabled', 'lenses.sections')) this.changed.fire();
      }),
    );
  }

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    return guarded(this.log, `lenses for ${document.uri.fsPath}`, [], async () => {
      const config = new Config(document.uri);
      if (!config.lensesEnabled) return [];
      const estimate = await this.estimates.get(document, token);
      if (!estimate || token.isCancellationRequested) return [];
      const lastLine = Math.max(0, document.lineCount - 1);
      return planEditorLenses(estimate.result, estimate.delta?.outcome, {
        sections: config.sectionLenses,
        skipText: editorSkipText,
      }).map((lens) => {
        const line = Math.min(lens.line, lastLine);
        return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), commandOf(lens, estimate));
      });
    });
  }
}

function commandOf(lens: EditorLens, estimate: DocumentEstimate): vscode.Command {
  const tooltip = lens.tooltip ? { tooltip: lens.tooltip } : {};
  const action = lens.action;
  // A lens without a command id renders as plain text: problems and skips have nothing to open.
  if (!action) return { title: lens.title, command: '', ...tooltip };
  if (action.kind === 'breakdown')
    return {
      title: lens.title,
      command: 'burnrate.showBreakdown',
      arguments: [estimate.uri, action.unitIndex],
      ...tooltip,
    };
  if (action.kind === 'simulate') {
    const args: RunSimulationArgs = { file: estimate.uri.toString(), unit: action.unitIndex };
    return { title: lens.title, command: 'burnrate.runSimulation', arguments: [args], ...tooltip };
  }
  const delta = estimate.delta;
  if (!delta) return { title: lens.title, command: '', ...tooltip };
  const args: OpenChangeArgs = {
    root: delta.root.toString(),
    commit: delta.commit,
    path: delta.path,
    status: action.status,
  };
  if (delta.basePath !== delta.path) args.basePath = delta.basePath;
  return { title: lens.title, command: OPEN_CHANGE_COMMAND, arguments: [args], ...tooltip };
}
