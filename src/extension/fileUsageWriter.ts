// Writes a per-file usage choice (model, calls per day) where it belongs: the file's own `burnrate:` frontmatter when
// its format has one that no validator flags (not VS Code prompt, instructions or agent files: see frontmatterPolicy),
// else this workspace's Burnrate state, saying so. Only ever called by a command the user ran.
import { err } from '../core/result';
import * as vscode from 'vscode';
import { detectFormat } from '../core/formats';
import { setUsageHint, type UsageHintKey } from '../core/present/fileUsageEdit';
import type { DocumentEstimate } from './documentEstimates';
import type { FileChoices } from './fileChoices';

export type WrittenTo = 'frontmatter' | 'workspace-state';

export async function writeUsageChoice(
  choices: FileChoices,
  document: vscode.TextDocument,
  estimate: DocumentEstimate,
  key: UsageHintKey,
  value: string | number,
): Promise<WrittenTo> {
  const format = estimate.result.ok ? estimate.result.estimate.format : detectFormat(estimate.relativePath);
  const edit = format
    ? setUsageHint(document.getText(), key, value, format, estimate.relativePath)
    : err('unknown format');
  if (edit.ok) {
    const { startLine, startCharacter, endLine, endCharacter, text } = edit.value;
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(document.uri, new vscode.Range(startLine, startCharacter, endLine, endCharacter), text);
    if (await vscode.workspace.applyEdit(workspaceEdit)) {
      // A workspace-state choice would still beat the frontmatter; the file is now the one place it is written.
      if (choices.get(document.uri)?.[key] !== undefined) await choices.set(document.uri, key, undefined);
      return 'frontmatter';
    }
  }
  await choices.set(document.uri, key, value);
  const why = edit.ok ? 'the file could not be edited' : edit.error;
  void vscode.window.showInformationMessage(
    `Burnrate: ${key} = ${value} for ${estimate.relativePath} is kept in this workspace's Burnrate state (${why}); the file itself is unchanged. ` +
      'To share it with your team and CI, put it in .burnrate.yaml (Burnrate: Open or Create Usage File).',
  );
  return 'workspace-state';
}
