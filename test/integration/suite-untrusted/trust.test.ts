// The precondition of every test in this folder: VS Code really runs this workspace in Restricted Mode.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activated, sleep } from '../suite/editorHelpers';

describe('Restricted Mode: the workspace', () => {
  it('is untrusted, and stays so after Burnrate activates', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    await activated();
    await sleep(500);
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('VS Code itself restricts it: the built-in git extension (no untrusted support) is not running', () => {
    const git = vscode.extensions.getExtension('vscode.git');
    assert.ok(!git?.isActive, 'vscode.git is active, so this is no Restricted Mode');
  });
});
