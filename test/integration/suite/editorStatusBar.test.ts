// The status bar item (read through the extension's API: VS Code offers no way to read another extension's items).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BurnrateApi } from '../../../src/extension/main';
import { EXTENSION_ID, lensMatching, open, sleep, tokensIn } from './editorHelpers';

async function statusUntil(api: BurnrateApi, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const text = api.statusText();
    if (text !== undefined && pattern.test(text)) return text;
    await sleep(100);
  }
  assert.fail(`status bar is "${api.statusText()}", expected ${pattern}`);
}

describe('editor: status bar', () => {
  it('shows the active file tokens and $/call, then the selection, then nothing for other files', async () => {
    const api = await vscode.extensions.getExtension<BurnrateApi>(EXTENSION_ID)!.activate();
    const editor = await open('prompts/support/system.md');
    const lens = await lensMatching(editor.document.uri, /tokens/);
    const text = await statusUntil(api, /^[\d,]+ tok · \$[\d.]+\/call$/);
    assert.strictEqual(Number(text.split(' ')[0]!.replace(/,/g, '')), tokensIn(lens));

    editor.selection = new vscode.Selection(0, 0, 0, editor.document.lineAt(0).text.length);
    const selected = await statusUntil(api, /^selection [\d,]+ tok · \$[\d.]+ in$/);
    assert.ok(Number(selected.split(' ')[1]!.replace(/,/g, '')) < tokensIn(lens));

    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await statusUntil(api, /^[\d,]+ tok · /);

    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument({ content: 'not a prompt', language: 'plaintext' }),
    );
    const deadline = Date.now() + 5000;
    while (api.statusText() !== undefined && Date.now() < deadline) await sleep(100);
    assert.strictEqual(api.statusText(), undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
