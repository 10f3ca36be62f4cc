// The breakdown as a hover on the first line of each cost unit, with a link to open it as a document.
import * as vscode from 'vscode';
import { unitBreakdownMarkdown } from '../core/present/breakdownMarkdown';
import type { DocumentEstimates } from './documentEstimates';
import { guarded, type Log } from './log';

export class CostHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly estimates: DocumentEstimates,
    private readonly log: Log,
  ) {}

  provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    return guarded(this.log, `hover in ${document.uri.fsPath}`, undefined, async () => {
      const estimate = await this.estimates.get(document, token);
      if (!estimate?.result.ok || token.isCancellationRequested) return undefined;
      const units = estimate.result.estimate.units;
      const index = units.findIndex((u) => u.range.startLine === position.line);
      if (index < 0) return undefined;
      const args = encodeURIComponent(JSON.stringify([document.uri.toString(), index]));
      const link = `[Open the breakdown as a document](command:burnrate.showBreakdown?${args})`;
      const markdown = new vscode.MarkdownString(`${unitBreakdownMarkdown(units[index]!)}\n\n${link}`);
      markdown.isTrusted = { enabledCommands: ['burnrate.showBreakdown'] };
      return new vscode.Hover(markdown, document.lineAt(position.line).range);
    });
  }
}
