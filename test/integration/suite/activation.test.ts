import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'burnrate.burnrate';

describe('activation', () => {
  it('the extension under development is loaded', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among ${vscode.extensions.all.length} loaded extensions`);
    assert.strictEqual(extension.packageJSON.publisher, 'burnrate');
  });

  it('activates once a prompt file is open', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the runner opens the fixture workspace');
    const uri = vscode.Uri.file(path.join(folder.uri.fsPath, 'prompts', 'hello.md'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.match(document.getText(), /friendly assistant/);

    // Waits for VS Code's own activation (from activationEvents); calling extension.activate() would prove nothing.
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const deadline = Date.now() + 20_000;
    while (!extension.isActive && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(extension.isActive, `${EXTENSION_ID} did not activate within 20 s of opening ${uri.fsPath}`);
  });
});
