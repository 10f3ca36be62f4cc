// Lenses follow the document, the settings and the usage file without a reload.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import { diskRuntimeEnvironment } from '../../../src/host/runtimeEnvironment';
import { unitLensTitle } from '../../../src/core/present/lensTitles';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';
import { readSettingsPrices } from '../../../src/core/estimate/settingsPrices';
import {
  fixtureUri,
  lenses,
  lensesUntil,
  lensMatching,
  open,
  restoreText,
  setSetting,
  titles,
  tokensIn,
  workspaceRoot,
} from './editorHelpers';

describe('editor: live updates', () => {
  it('typing changes the count to the engine figure for the new text', async () => {
    const relative = '.github/prompts/sections.prompt.md';
    const editor = await open(relative);
    const original = editor.document.getText();
    try {
      const before = tokensIn(await lensMatching(editor.document.uri, /^[\d,]+ tokens · /));
      const started = Date.now();
      await editor.edit((edit) =>
        edit.insert(
          new vscode.Position(editor.document.lineCount, 0),
          '\n## Examples\nAdded: a `--json` flag to the export command (#412).\n',
        ),
      );
      const usage = parseUsageFile(fs.readFileSync(path.join(workspaceRoot(), '.burnrate.yaml'), 'utf8')).config;
      const runtimes = diskRuntimeEnvironment(workspaceRoot(), usage);
      const result = estimateSource(relative, new TextEncoder().encode(editor.document.getText()), {
        usage,
        relativePath: relative,
        runtimes,
      });
      assert.ok(result.ok);
      const expected = unitLensTitle(result.estimate.units[0]!);
      assert.ok(tokensIn(expected) > before, 'the edit adds tokens');
      await lensesUntil(editor.document.uri, (t) => (t.includes(expected) ? undefined : `waiting for "${expected}"`));
      console.log(`      (lens updated ${Date.now() - started} ms after the edit, debounce included)`);
      await lensMatching(editor.document.uri, /^## Examples — [\d,]+ tokens \(\d+%\)$/);

      // Many quick keystrokes: the lens ends on the final text.
      for (const ch of ' More.')
        await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount - 1, 0), ch));
      const final = estimateSource(relative, new TextEncoder().encode(editor.document.getText()), {
        usage,
        relativePath: relative,
        runtimes,
      });
      assert.ok(final.ok);
      const finalTitle = unitLensTitle(final.estimate.units[0]!);
      await lensesUntil(editor.document.uri, (t) =>
        t.includes(finalTitle) ? undefined : `waiting for "${finalTitle}"`,
      );
    } finally {
      await restoreText(editor.document.uri, original);
    }
  });

  it('burnrate.lenses.sections turns section lenses off and on', async () => {
    const editor = await open('.github/prompts/sections.prompt.md');
    await lensMatching(editor.document.uri, /^## Rules — /);
    try {
      await setSetting('lenses.sections', false);
      await lensesUntil(editor.document.uri, (t) =>
        t.length === 1 && /tokens ·/.test(t[0]!) ? undefined : 'section lenses still there',
      );
    } finally {
      await setSetting('lenses.sections', undefined);
    }
    await lensMatching(editor.document.uri, /^## Rules — /);
  });

  it('burnrate.lenses.enabled = false removes every lens', async () => {
    const editor = await open('prompts/hello.md');
    await lensMatching(editor.document.uri, /tokens/);
    try {
      await setSetting('lenses.enabled', false);
      await lensesUntil(editor.document.uri, (t) => (t.length === 0 ? undefined : 'lenses still shown'));
    } finally {
      await setSetting('lenses.enabled', undefined);
    }
    await lensMatching(editor.document.uri, /tokens/);
  });

  it('burnrate.prices.overrides prices an unknown model', async () => {
    const relative = '.github/prompts/unknown-model.prompt.md';
    const editor = await open(relative);
    await lensMatching(editor.document.uri, /no price for "acme-llm-9000"/);
    const override = [{ model: 'acme-llm-9000', inputPerMTok: 1, outputPerMTok: 2 }];
    try {
      await setSetting('prices.overrides', override);
      // The engine's title for the same file with the same setting: a prompt file runs in agent mode, so it is priced
      // per session on Copilot — the test holds the editor to the engine, not to a hand formula for one mode.
      const usage = parseUsageFile(fs.readFileSync(path.join(workspaceRoot(), '.burnrate.yaml'), 'utf8')).config;
      const settingsPrices = readSettingsPrices(override).prices;
      const result = estimateSource(relative, fs.readFileSync(path.join(workspaceRoot(), relative)), {
        usage,
        relativePath: relative,
        settingsPrices,
        runtimes: diskRuntimeEnvironment(workspaceRoot(), usage, { settingsPrices }),
      });
      assert.ok(result.ok);
      const unit = result.estimate.units[0]!;
      assert.ok(unit.pricing.ok && unit.pricing.rates.inputPerMTok === 1, 'the engine prices it with the override');
      const expected = unitLensTitle(unit);
      assert.match(expected, /\$[\d.]+\/(call|session)/, 'priced, not "no price"');
      await lensesUntil(editor.document.uri, (t) => (t.includes(expected) ? undefined : `waiting for "${expected}"`));
    } finally {
      await setSetting('prices.overrides', undefined);
    }
    await lensMatching(editor.document.uri, /no price for "acme-llm-9000"/);
  });

  it('burnrate.files.maxSizeBytes skips a larger file with a lens saying so', async () => {
    const editor = await open('prompts/large.md');
    await lensMatching(editor.document.uri, /tokens/);
    try {
      await setSetting('files.maxSizeBytes', 2000);
      const found = await lensesUntil(editor.document.uri, (t) =>
        t.length === 1 && t[0]!.startsWith('Burnrate skipped this file: over the') ? undefined : 'not skipped',
      );
      assert.strictEqual(found[0]!.command?.command, '', 'nothing to open');
    } finally {
      await setSetting('files.maxSizeBytes', undefined);
    }
    await lensMatching(editor.document.uri, /tokens/);
  });

  it('burnrate.files.extraGlobs brings other files in', async () => {
    const uri = fixtureUri('notes/brief.txt');
    fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
    fs.writeFileSync(uri.fsPath, 'Write a two-line summary of the release for the newsletter.\n');
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.deepStrictEqual(titles(await lenses(uri)), [], 'not a prompt file yet');
      await setSetting('files.extraGlobs', ['notes/*.txt']);
      await lensMatching(uri, /^[\d,]+ tokens · .* · gpt-4o$/);
    } finally {
      await setSetting('files.extraGlobs', undefined);
      fs.rmSync(path.dirname(uri.fsPath), { recursive: true, force: true });
    }
  });

  it('editing .burnrate.yaml on disk refreshes open lenses', async () => {
    const editor = await open('prompts/hello.md');
    await lensMatching(editor.document.uri, /at 200 calls\/day · gpt-4o$/);
    const usageFile = path.join(workspaceRoot(), '.burnrate.yaml');
    const original = fs.readFileSync(usageFile, 'utf8');
    try {
      fs.writeFileSync(
        usageFile,
        original.replace('callsPerDay: 200', 'callsPerDay: 777').replace('model: gpt-4o', 'model: gpt-4.1-mini'),
      );
      await lensMatching(editor.document.uri, /at 777 calls\/day · gpt-4\.1-mini$/);
    } finally {
      fs.writeFileSync(usageFile, original);
    }
    await lensMatching(editor.document.uri, /at 200 calls\/day · gpt-4o$/);
  });

  it('a broken usage file is reported on the file itself, and prompts fall back to the defaults', async () => {
    const editor = await open('prompts/hello.md');
    await lensMatching(editor.document.uri, /at 200 calls\/day/);
    const usageFile = path.join(workspaceRoot(), '.burnrate.yaml');
    const original = fs.readFileSync(usageFile, 'utf8');
    try {
      fs.writeFileSync(usageFile, 'defaults:\n  model: [unclosed\n');
      await lensMatching(editor.document.uri, /at 1k calls\/day · claude-sonnet-5 \(default — assumed\)/);
      const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.file(usageFile));
      assert.ok(
        diagnostics.some((d) => d.source === 'Burnrate' && /ignored until fixed/.test(d.message)),
        diagnostics.map((d) => d.message).join('\n'),
      );
    } finally {
      fs.writeFileSync(usageFile, original);
    }
    await lensMatching(editor.document.uri, /at 200 calls\/day/);
    assert.deepStrictEqual(
      vscode.languages.getDiagnostics(vscode.Uri.file(usageFile)).filter((d) => d.source === 'Burnrate'),
      [],
    );
  });
});
