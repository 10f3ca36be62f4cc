// A Gemini context file renamed by the workspace's settings (.gemini/settings.json context.fileName) gets its lens
// like GEMINI.md: the providers' selector takes the renamed name once the settings file appears, and the estimate
// prices it as an always-on file of Gemini CLI, as `burnrate estimate` does.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { fixtureUri, lensesUntil, open } from './editorHelpers';

const SETTINGS = '.gemini/settings.json';
const RENAMED = 'TEAM_CONTEXT.md';

describe('editor: a renamed Gemini context file', () => {
  const settings = fixtureUri(SETTINGS);
  const renamed = fixtureUri(RENAMED);
  let hadSettings: string | undefined;

  before(() => {
    hadSettings = fs.existsSync(settings.fsPath) ? fs.readFileSync(settings.fsPath, 'utf8') : undefined;
    fs.mkdirSync(path.dirname(settings.fsPath), { recursive: true });
    fs.writeFileSync(renamed.fsPath, '# Team\nAlways run the linter before you commit.\n');
    fs.writeFileSync(settings.fsPath, JSON.stringify({ context: { fileName: RENAMED } }));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(renamed.fsPath, { force: true });
    if (hadSettings === undefined) fs.rmSync(settings.fsPath, { force: true });
    else fs.writeFileSync(settings.fsPath, hadSettings);
  });

  it('has a lens once the settings name it, priced as Gemini CLI loads it', async () => {
    const editor = await open(RENAMED);
    const found = await lensesUntil(editor.document.uri, (titles) =>
      titles.some((t) => /tokens/.test(t)) ? undefined : 'no lens with tokens yet',
    );
    const text = found.map((lens) => `${lens.command?.title ?? ''} ${lens.command?.tooltip ?? ''}`).join('\n');
    assert.match(text, /gemini/i, text);
  });
});
