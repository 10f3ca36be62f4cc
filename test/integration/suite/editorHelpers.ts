// Shared steps for the editor tests: open a fixture, wait for Burnrate's lenses or hover to say something, restore
// what a test changed. Everything goes through VS Code's own commands, as a user's editor would.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'burnrate.burnrate';
const WAIT_MS = 15_000;

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens the fixture workspace');
  return folder.uri.fsPath;
}

export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), relative));
}

export async function activated(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  await extension.activate();
}

export async function open(relative: string): Promise<vscode.TextEditor> {
  await activated();
  const document = await vscode.workspace.openTextDocument(fixtureUri(relative));
  return vscode.window.showTextDocument(document);
}

export async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

export const titles = (found: readonly vscode.CodeLens[]): string[] => found.map((lens) => lens.command?.title ?? '');

/** Polls until the lenses satisfy `check`, which returns undefined when satisfied or a reason when not. */
export async function lensesUntil(
  uri: vscode.Uri,
  check: (titles: string[], found: vscode.CodeLens[]) => string | undefined,
): Promise<vscode.CodeLens[]> {
  const deadline = Date.now() + WAIT_MS;
  let found: vscode.CodeLens[] = [];
  let reason: string | undefined = 'never asked';
  while (Date.now() < deadline) {
    found = await lenses(uri);
    reason = check(titles(found), found);
    if (reason === undefined) return found;
    await sleep(100);
  }
  assert.fail(
    `lenses of ${vscode.workspace.asRelativePath(uri)} after ${WAIT_MS / 1000}s: ${reason}\n  ${titles(found).join('\n  ')}`,
  );
}

const CLICK = ' — click for the cost breakdown';

/** A unit lens's detail: its tooltip (band, volume, model, worst case) without the click hint. */
export function lensDetail(lens: vscode.CodeLens): string | undefined {
  const tooltip = lens.command?.tooltip;
  return tooltip?.endsWith(CLICK) ? tooltip.slice(0, -CLICK.length) : undefined;
}

/** Waits until some lens's title or detail (lensDetail) matches `pattern`; returns that lens's title. */
export async function lensMatching(uri: vscode.Uri, pattern: RegExp): Promise<string> {
  const matches = (lens: vscode.CodeLens) =>
    pattern.test(lens.command?.title ?? '') || pattern.test(lensDetail(lens) ?? '');
  const found = await lensesUntil(uri, (_, all) => (all.some(matches) ? undefined : `none matches ${pattern}`));
  return found.find(matches)!.command!.title;
}

export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('burnrate').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Replaces a file's text on disk and in any open editor, then saves: how the tests undo their edits. */
export async function restoreText(uri: vscode.Uri, text: string): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    await vscode.workspace.applyEdit(edit);
    await document.save();
  } else {
    fs.writeFileSync(uri.fsPath, text);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The token count at the start of a unit lens title: "1,234 tokens" or "≈1,240 tokens (±15%)". */
export function tokensIn(title: string): number {
  const match = /^≈?([\d,]+) tokens/.exec(title) ?? / adds ≈?([\d,]+) tokens/.exec(title);
  assert.ok(match, `no token count in "${title}"`);
  return Number(match[1]!.replace(/,/g, ''));
}
