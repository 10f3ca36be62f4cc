// "Burnrate: Show Cost Breakdown" as a read-only virtual markdown document (scheme `burnrate-breakdown`), rendered
// with the built-in markdown preview. Its text follows the source document as it is edited.
import * as vscode from 'vscode';
import { fileBreakdownMarkdown, unitBreakdownMarkdown } from '../core/present/breakdownMarkdown';
import { markdownCode, markdownText } from '../core/present/markdownEscape';
import { Disposable } from './disposable';
import type { DocumentEstimates } from './documentEstimates';
import { guarded, type Log } from './log';
import { editorSkipText } from './skipWording';

export const BREAKDOWN_SCHEME = 'burnrate-breakdown';

interface BreakdownTarget {
  source: vscode.Uri;
  unit?: number;
}

export class BreakdownDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly estimates: DocumentEstimates,
    private readonly log: Log,
  ) {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(BREAKDOWN_SCHEME, this));
    this.register(estimates.onDidUpdate((estimate) => this.refreshFor(estimate.uri)));
    this.register(estimates.onDidInvalidate(() => this.refreshFor(undefined)));
  }

  /** `burnrate-breakdown:/prompts/review.prompt.md.breakdown.md?{"source":…,"unit":0}` (the `.md` makes it markdown). */
  static uriFor(source: vscode.Uri, unit?: number): vscode.Uri {
    const target = { source: source.toString(), ...(unit === undefined ? {} : { unit }) };
    const name = `${vscode.workspace.asRelativePath(source, false)}${unit === undefined ? '' : `#${unit + 1}`} cost breakdown.md`;
    return vscode.Uri.from({
      scheme: BREAKDOWN_SCHEME,
      path: `/${name.replace(/\\/g, '/')}`,
      query: JSON.stringify(target),
    });
  }

  provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    return guarded(
      this.log,
      `breakdown ${uri.toString()}`,
      'The breakdown could not be built; see Output › Burnrate.',
      async () => {
        const target = parseTarget(uri);
        if (!target) return 'Not a Burnrate breakdown address.';
        const document = await vscode.workspace.openTextDocument(target.source);
        const estimate = await this.estimates.get(document, token);
        if (!estimate)
          return `${vscode.workspace.asRelativePath(target.source)} is not a prompt or agent file Burnrate reads.`;
        if (!estimate.result.ok) {
          // A markdown document: the path and the reason come from the repository.
          return `Burnrate skipped ${markdownCode(estimate.relativePath)}: ${markdownText(editorSkipText(estimate.result.skipped.skip))}\n`;
        }
        const unit = target.unit === undefined ? undefined : estimate.result.estimate.units[target.unit];
        return unit ? `${unitBreakdownMarkdown(unit)}\n` : fileBreakdownMarkdown(estimate.result.estimate);
      },
    );
  }

  private refreshFor(source: vscode.Uri | undefined): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme !== BREAKDOWN_SCHEME) continue;
      const target = parseTarget(document.uri);
      if (target && (!source || target.source.toString() === source.toString())) this.changed.fire(document.uri);
    }
  }
}

function parseTarget(uri: vscode.Uri): BreakdownTarget | undefined {
  try {
    const parsed = JSON.parse(uri.query) as { source?: unknown; unit?: unknown };
    if (typeof parsed.source !== 'string') return undefined;
    return {
      source: vscode.Uri.parse(parsed.source),
      ...(typeof parsed.unit === 'number' ? { unit: parsed.unit } : {}),
    };
  } catch {
    return undefined;
  }
}
