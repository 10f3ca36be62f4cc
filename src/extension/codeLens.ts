// Lenses above each cost unit, markdown section and problem. What they say is decided in core (fileLenses.ts); this
// only places them and makes unit lenses open the breakdown.
import * as vscode from 'vscode';
import { planLenses } from '../core/present/fileLenses';
import { Config } from './config';
import { Disposable } from './disposable';
import type { DocumentEstimates } from './documentEstimates';
import { guarded, type Log } from './log';
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
      return planLenses(estimate.result, { sections: config.sectionLenses, skipText: editorSkipText }).map((lens) => {
        const line = Math.min(lens.line, lastLine);
        // A lens without a command id renders as plain text: problems and skips have nothing to open.
        const command: vscode.Command =
          lens.unitIndex === undefined
            ? { title: lens.title, command: '' }
            : {
                title: lens.title,
                command: 'burnrate.showBreakdown',
                arguments: [document.uri, lens.unitIndex],
                tooltip: lens.detail ? `${lens.detail} — click for the cost breakdown` : 'Show the cost breakdown',
              };
        return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), command);
      });
    });
  }
}
