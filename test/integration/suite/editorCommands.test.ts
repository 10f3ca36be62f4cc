// Every command, driven with arguments instead of its QuickPick / InputBox, and the one command table checked
// against package.json and against what VS Code has registered.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { modelChoices } from '../../../src/core/present/modelChoices';
import { usageFileTemplate } from '../../../src/core/present/usageFileTemplate';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';
import { COMMANDS } from '../../../src/extension/commands';
import {
  activated,
  EXTENSION_ID,
  fixtureUri,
  hoverText,
  lensMatching,
  open,
  restoreText,
  sleep,
  workspaceRoot,
} from './editorHelpers';

/** Runs a command that asks through a QuickPick or InputBox and accepts what it offers first, as Enter would. */
async function acceptFirstOffer(command: string, ...args: unknown[]): Promise<unknown> {
  const running = vscode.commands.executeCommand(command, ...args);
  await sleep(1000);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return running;
}

interface Contributed {
  command: string;
  title: string;
  category?: string;
}

describe('editor: commands', () => {
  it('every contributed command is registered, every registered one contributed, all from the one table', async () => {
    await activated();
    const contributed = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as Contributed[];
    // VS Code adds `burnrate.<view>.focus` and the like for contributed views: not commands of ours.
    const registered = (await vscode.commands.getCommands(true)).filter((id) => /^burnrate\.[A-Za-z]+$/.test(id));
    assert.deepStrictEqual(contributed.map((c) => c.command).sort(), registered.sort());
    assert.deepStrictEqual(Object.keys(COMMANDS).sort(), registered.sort());
    for (const c of contributed) {
      assert.strictEqual(c.category, 'Burnrate', c.command);
      assert.match(c.command, /^burnrate\.[a-z]+[A-Z][A-Za-z]*$/, `${c.command} is burnrate.verbNoun`);
    }
  });

  it('setModel writes burnrate.model into the frontmatter of a Claude subagent', async () => {
    const editor = await open('.claude/agents/test-runner.md');
    const original = editor.document.getText();
    try {
      const where = await vscode.commands.executeCommand('burnrate.setModel', editor.document.uri, 'claude-sonnet-4-5');
      assert.strictEqual(where, 'frontmatter');
      assert.match(editor.document.getText(), /\nburnrate:\n {2}model: claude-sonnet-4-5\n---\n/);
      assert.ok(editor.document.getText().includes('model: haiku\n'), 'the format model field is left as written');
      await lensMatching(editor.document.uri, / per session .* · claude-sonnet-4-5( · |$)/);
      assert.match(
        await hoverText(editor.document.uri, new vscode.Position(0, 0)),
        /burnrate\.model in this file's frontmatter/,
      );
    } finally {
      await restoreText(editor.document.uri, original);
    }
  });

  it('setModel on a VS Code prompt file keeps the choice in workspace state: VS Code would flag a burnrate: header key', async () => {
    const editor = await open('.github/prompts/sections.prompt.md');
    const onDisk = fs.readFileSync(editor.document.uri.fsPath, 'utf8');
    try {
      assert.strictEqual(
        await vscode.commands.executeCommand('burnrate.setModel', editor.document.uri, 'claude-haiku-4-5'),
        'workspace-state',
      );
      assert.strictEqual(editor.document.isDirty, false);
      assert.strictEqual(fs.readFileSync(editor.document.uri.fsPath, 'utf8'), onDisk);
      await lensMatching(editor.document.uri, / · claude-haiku-4-5$/);
      const problems = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => /burnrate/i.test(d.message));
      assert.deepStrictEqual(
        problems.map((d) => d.message),
        [],
        'nothing of ours in the Problems panel',
      );
    } finally {
      await vscode.commands.executeCommand('burnrate.resetFileChoices', editor.document.uri);
    }
  });

  it('setModel on a JSON payload keeps the choice in workspace state and leaves the file alone', async () => {
    const editor = await open('api/support-chat.json');
    const onDisk = fs.readFileSync(editor.document.uri.fsPath, 'utf8');
    const where = await vscode.commands.executeCommand('burnrate.setModel', editor.document.uri, 'gpt-4.1-mini');
    try {
      assert.strictEqual(where, 'workspace-state');
      assert.strictEqual(editor.document.isDirty, false);
      assert.strictEqual(fs.readFileSync(editor.document.uri.fsPath, 'utf8'), onDisk);
      await lensMatching(editor.document.uri, / · gpt-4\.1-mini · worst case/);
      assert.match(
        await hoverText(editor.document.uri, new vscode.Position(0, 0)),
        /model chosen with a Burnrate command \(kept in workspace state\)/,
      );
    } finally {
      assert.strictEqual(await vscode.commands.executeCommand('burnrate.resetFileChoices', editor.document.uri), true);
    }
    await lensMatching(editor.document.uri, / · gpt-4o · worst case/);
    assert.strictEqual(await vscode.commands.executeCommand('burnrate.resetFileChoices', editor.document.uri), false);
  });

  it('without arguments, setModel asks with a QuickPick of priced models and setCallsPerDay with an InputBox', async () => {
    const editor = await open('.claude/agents/test-runner.md');
    const original = editor.document.getText();
    try {
      assert.strictEqual(await acceptFirstOffer('burnrate.setModel', editor.document.uri), 'frontmatter');
      // The picker lists the workspace's own prices first (the fixture's hand price for claude-haiku-5-5), then the catalog.
      const usage = parseUsageFile(fs.readFileSync(path.join(workspaceRoot(), '.burnrate.yaml'), 'utf8')).config;
      const first = modelChoices(usage.prices)[0]!.id;
      assert.ok(editor.document.getText().includes(`\nburnrate:\n  model: ${first}\n`), editor.document.getText());
      // The InputBox offers the current figure; accepting it writes it.
      assert.strictEqual(await acceptFirstOffer('burnrate.setCallsPerDay', editor.document.uri), 'frontmatter');
      assert.match(
        editor.document.getText(),
        new RegExp(`\\nburnrate:\\n  model: ${first.replace(/[.]/g, '\\.')}\\n  callsPerDay: \\d+\\n`),
      );
    } finally {
      await restoreText(editor.document.uri, original);
    }
  });

  it('setCallsPerDay accepts "12k"; on a VS Code prompt file it is kept in workspace state', async () => {
    const editor = await open('.github/prompts/sections.prompt.md');
    try {
      assert.strictEqual(
        await vscode.commands.executeCommand('burnrate.setCallsPerDay', editor.document.uri, '12k'),
        'workspace-state',
      );
      assert.strictEqual(editor.document.isDirty, false);
      await lensMatching(editor.document.uri, /\/mo at 12k sessions\/day · gpt-4\.1$/);
    } finally {
      await vscode.commands.executeCommand('burnrate.resetFileChoices', editor.document.uri);
    }
  });

  it('setCallsPerDay on a CrewAI config goes to workspace state and changes every unit of the file', async () => {
    const editor = await open('crew/config/tasks.yaml');
    try {
      assert.strictEqual(
        await vscode.commands.executeCommand('burnrate.setCallsPerDay', editor.document.uri, 3),
        'workspace-state',
      );
      const found = await lensMatching(editor.document.uri, /at 3 sessions\/day/);
      assert.ok(found);
    } finally {
      await vscode.commands.executeCommand('burnrate.resetFileChoices', editor.document.uri);
    }
  });

  it('showBreakdown opens a read-only burnrate-breakdown document for a unit, or for the whole file', async () => {
    const editor = await open('crew/config/agents.yaml');
    await lensMatching(editor.document.uri, /tokens/);
    const unitUri = await vscode.commands.executeCommand<vscode.Uri>('burnrate.showBreakdown', editor.document.uri, 1);
    assert.strictEqual(unitUri?.scheme, 'burnrate-breakdown');
    const unitDoc = await vscode.workspace.openTextDocument(unitUri);
    assert.match(unitDoc.getText(), /^### writer — CrewAI agents\n/);
    assert.match(unitDoc.getText(), /\*\*Session carry:\*\*/);
    const fileUri = await vscode.commands.executeCommand<vscode.Uri>('burnrate.showBreakdown', editor.document.uri);
    const fileDoc = await vscode.workspace.openTextDocument(fileUri);
    assert.match(fileDoc.getText(), /^## crew\/config\/agents\.yaml — CrewAI agents\n/);
    assert.ok(fileDoc.getText().includes('### researcher') && fileDoc.getText().includes('### writer'));
  });

  it('commands on a file Burnrate does not read do nothing and throw nothing', async () => {
    await activated();
    const uri = fixtureUri('.burnrate.yaml');
    assert.strictEqual(await vscode.commands.executeCommand('burnrate.setModel', uri, 'gpt-4o'), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('burnrate.showBreakdown', uri), undefined);
  });

  it('openUsageFile opens the existing file untouched, and creates the template only when there is none', async () => {
    const usageFile = path.join(workspaceRoot(), '.burnrate.yaml');
    const original = fs.readFileSync(usageFile, 'utf8');
    const opened = await vscode.commands.executeCommand<vscode.Uri>('burnrate.openUsageFile');
    assert.strictEqual(opened?.fsPath, usageFile);
    assert.strictEqual(fs.readFileSync(usageFile, 'utf8'), original);

    const editor = await open('prompts/hello.md');
    await lensMatching(editor.document.uri, /at 200 calls\/day · gpt-4o$/);
    fs.rmSync(usageFile);
    try {
      const created = await vscode.commands.executeCommand<vscode.Uri>(
        'burnrate.openUsageFile',
        vscode.workspace.workspaceFolders![0]!.uri,
      );
      assert.strictEqual(created?.fsPath, usageFile);
      assert.strictEqual(fs.readFileSync(usageFile, 'utf8'), usageFileTemplate());
      // The template's own defaults now price the file: its calls per day and its model, nothing else.
      const template = parseUsageFile(usageFileTemplate()).config.defaults;
      assert.strictEqual(template.callsPerDay, 1000);
      await lensMatching(
        editor.document.uri,
        new RegExp(`at 1k calls/day · ${template.model!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      );
    } finally {
      await restoreText(vscode.Uri.file(usageFile), original);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    await lensMatching(editor.document.uri, /at 200 calls\/day · gpt-4o$/);
  });

  it('toggleLenses flips burnrate.lenses.enabled', async () => {
    const editor = await open('prompts/hello.md');
    await lensMatching(editor.document.uri, /tokens/);
    try {
      assert.strictEqual(await vscode.commands.executeCommand('burnrate.toggleLenses'), false);
      assert.strictEqual(vscode.workspace.getConfiguration('burnrate').get('lenses.enabled'), false);
    } finally {
      assert.strictEqual(await vscode.commands.executeCommand('burnrate.toggleLenses'), true);
    }
    await lensMatching(editor.document.uri, /tokens/);
  });
});
