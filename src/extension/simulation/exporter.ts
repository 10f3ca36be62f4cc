// Writes an export where the user chose (a save dialog offered in the scenario's folder) or to the clipboard.
import * as vscode from 'vscode';
import type { ExportFormat } from '../../webview/protocol';
import { exportDocument } from './exportContent';
import type { FinishedRun } from './panelSession';

/** What was done, for people ("Saved …", "Export cancelled."); an export that fails throws. */
export interface ExportOutcome {
  message: string;
  /** The written file, when one was written. */
  uri?: vscode.Uri;
}

/** `to`: the clipboard, a file picked in a save dialog ('file'), or a given file (a command argument, tests). */
export async function exportRun(
  run: FinishedRun,
  format: ExportFormat,
  to: 'clipboard' | 'file' | vscode.Uri,
): Promise<ExportOutcome> {
  const document = exportDocument(run.report, format);
  if (to === 'clipboard') {
    await vscode.env.clipboard.writeText(document.text);
    return { message: `Copied the ${document.filterName} export to the clipboard.` };
  }
  let target = to instanceof vscode.Uri ? to : undefined;
  if (!target) {
    const folder = run.source.folder
      ? vscode.Uri.parse(run.source.folder)
      : vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      title: 'Burnrate: export the simulation',
      saveLabel: 'Export',
      filters: { [document.filterName]: document.extensions },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, document.fileName) } : {}),
    });
    if (!target) return { message: 'Export cancelled.' };
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(document.text));
  return { message: `Saved ${vscode.workspace.asRelativePath(target)}.`, uri: target };
}
