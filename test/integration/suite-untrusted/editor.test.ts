// What Burnrate still does in Restricted Mode (it only reads): the same lenses and hover as in a trusted workspace,
// the status bar, and the one note that says it runs no programs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import { planLenses } from '../../../src/core/present/fileLenses';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';
import { diskRuntimeEnvironment } from '../../../src/host/runtimeEnvironment';
import type { BurnrateApi } from '../../../src/extension/main';
import { RESTRICTED_NOTE } from '../../../src/extension/statusBar';
import { LOGS_ENV } from '../harness/results';
import {
  EXTENSION_ID,
  hoverText,
  lensesUntil,
  lensMatching,
  open,
  sleep,
  tokensIn,
  workspaceRoot,
} from '../suite/editorHelpers';

function expectedLenses(relative: string) {
  const usage = parseUsageFile(fs.readFileSync(path.join(workspaceRoot(), '.burnrate.yaml'), 'utf8')).config;
  const bytes = fs.readFileSync(path.join(workspaceRoot(), relative));
  // The editor prices agent-mode prompts per session on their runtime, so the engine side reads the same environment.
  const runtimes = diskRuntimeEnvironment(workspaceRoot(), usage);
  return planLenses(
    estimateSource(relative, bytes, { usage, relativePath: relative, readCompanion: () => undefined, runtimes }),
    { sections: true },
  );
}

function burnrateLogs(): string[] {
  const dir = process.env[LOGS_ENV];
  assert.ok(dir, `${LOGS_ENV} is not set (run through runCodeServer.js --untrusted)`);
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'Burnrate.log')
    .map((file) => fs.readFileSync(path.join(dir, file), 'utf8'));
}

describe('Restricted Mode: Burnrate still reads, counts and prices', () => {
  for (const relative of ['.github/prompts/review.prompt.md', '.github/prompts/sections.prompt.md']) {
    it(`${relative}: the engine's lenses with tokens and $, on their lines`, async () => {
      const editor = await open(relative);
      const expected = expectedLenses(relative);
      const found = await lensesUntil(editor.document.uri, (t) =>
        t.length === expected.length ? undefined : `${t.length} lenses, expected ${expected.length}`,
      );
      assert.deepStrictEqual(
        found.map((lens) => [lens.range.start.line, lens.command?.title]),
        expected.map((lens) => [lens.line, lens.title]),
      );
      // Both fixtures run in agent mode: priced per session on GitHub Copilot.
      assert.match(found[0]!.command!.title, /^[\d,]+ tokens · \$[\d.]+\/session · \$[\d,.]+\/mo$/);
      assert.match(
        found[0]!.command!.tooltip ?? '',
        /per session \(\d+ turns\) on GitHub Copilot \(VS Code\) · \$[\d,.]+\/mo at \d+ sessions\/day · /,
      );
    });
  }

  it('the breakdown hover on the first line', async () => {
    const editor = await open('.github/prompts/review.prompt.md');
    await lensMatching(editor.document.uri, /tokens/);
    const text = await hoverText(editor.document.uri, new vscode.Position(0, 0));
    assert.match(text, /\| Input \| Tokens \|/);
    assert.match(text, /\*\*Rate card:\*\* gpt-4o \(openai\) — \$2\.5\/M in · \$10\/M out/);
  });

  it('the status bar shows the file cost, and its tooltip says what Restricted Mode leaves out', async () => {
    const api = await vscode.extensions.getExtension<BurnrateApi>(EXTENSION_ID)!.activate();
    const editor = await open('prompts/hello.md');
    const lens = await lensMatching(editor.document.uri, /tokens/);
    const deadline = Date.now() + 10_000;
    while (!/^[\d,]+ tok · \$[\d.]+\/call$/.test(api.statusText() ?? '') && Date.now() < deadline) await sleep(100);
    assert.strictEqual(
      Number(api.statusText()?.split(' ')[0]?.replace(/,/g, '')),
      tokensIn(lens),
      `status bar: ${api.statusText()}`,
    );
    const tooltip = api.statusTooltip() ?? '';
    assert.ok(tooltip.endsWith(`\n\n${RESTRICTED_NOTE}`), `tooltip: ${tooltip}`);
    assert.match(RESTRICTED_NOTE, /runs no programs/);
  });

  it('the log says so once, however many files were opened', () => {
    const logs = burnrateLogs();
    assert.strictEqual(logs.length, 1, `Burnrate.log files under ${process.env[LOGS_ENV]}: ${logs.length}`);
    const log = logs[0]!;
    assert.strictEqual(log.split(RESTRICTED_NOTE).length - 1, 1, log);
    assert.match(log, /activated \([\d.]+, restricted workspace\)/);
  });
});
