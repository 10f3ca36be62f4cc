// Tokens and cost of the active prompt file, or of the selected text counted with the file's model. A click picks the
// model. In Restricted Mode the tooltip says what Burnrate still does.
import * as vscode from 'vscode';
import { countSelection, unitAtLine } from '../core/estimate/selection';
import { fileStatusText, selectionStatusText, type StatusText } from '../core/present/statusText';
import { Disposable } from './disposable';
import type { DocumentEstimates } from './documentEstimates';
import { guarded, type Log } from './log';
import type { UsageFiles } from './usageFileWatcher';
import { editorSkipText } from './skipWording';

const SELECTION_DEBOUNCE_MS = 120;
export const RESTRICTED_NOTE = 'Restricted Mode: Burnrate reads, counts and prices files; it runs no programs.';

export class CostStatusBar extends Disposable {
  private readonly item = this.register(
    vscode.window.createStatusBarItem('burnrate.status', vscode.StatusBarAlignment.Right, 100),
  );
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last text shown, for tests and the log. */
  current: StatusText | undefined;

  constructor(
    private readonly estimates: DocumentEstimates,
    private readonly usage: UsageFiles,
    private readonly log: Log,
  ) {
    super();
    this.item.name = 'Burnrate';
    this.item.command = 'burnrate.setModel';
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon(0)));
    this.register(vscode.window.onDidChangeTextEditorSelection(() => this.refreshSoon(SELECTION_DEBOUNCE_MS)));
    this.register(
      estimates.onDidUpdate(
        (e) => e.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && this.refreshSoon(0),
      ),
    );
    this.register(estimates.onDidInvalidate(() => this.refreshSoon(0)));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshSoon(0)));
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.refreshSoon(0);
  }

  get tooltip(): string | undefined {
    const tooltip = this.item.tooltip;
    return typeof tooltip === 'string' || tooltip === undefined ? tooltip : tooltip.value;
  }

  private refreshSoon(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void guarded(this.log, 'status bar', undefined, () => this.refresh()), delay);
  }

  private async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const estimate = editor && (await this.estimates.get(editor.document));
    if (!editor || !estimate || editor !== vscode.window.activeTextEditor) {
      // A prompt file whose estimate is still coming keeps the old text rather than flickering.
      if (
        !vscode.window.activeTextEditor ||
        !this.estimates.isPromptDocument(vscode.window.activeTextEditor.document)
      ) {
        this.item.hide();
        this.current = undefined;
      }
      return;
    }
    let status = fileStatusText(estimate.result, editorSkipText);
    const selected = editor.selections.filter((s) => !s.isEmpty);
    if (selected.length > 0 && estimate.result.ok) {
      const unit = unitAtLine(estimate.result.estimate.units, selected[0]!.start.line);
      if (unit) {
        const text = selected.map((s) => editor.document.getText(s)).join('\n');
        status = selectionStatusText(countSelection(text, unit, this.usage.configFor(estimate.folder).tokenizer));
      }
    }
    this.current = status;
    this.item.text = `$(flame) ${status.text}`;
    this.item.tooltip = vscode.workspace.isTrusted ? status.tooltip : `${status.tooltip}\n\n${RESTRICTED_NOTE}`;
    this.item.show();
  }
}
