// Lenses on every format, as VS Code asks for them. The expected titles come from the engine run here in the test
// (same usage file, same relative path): what is checked is that the editor shows the engine's figures, on the
// right lines, for every kind of file, and nothing on files Burnrate does not read.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import { planLenses } from '../../../src/core/present/fileLenses';
import { diskRuntimeEnvironment } from '../../../src/host/runtimeEnvironment';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';
import {
  fixtureUri,
  lensDetail,
  lenses,
  lensesUntil,
  lensMatching,
  open,
  titles,
  workspaceRoot,
} from './editorHelpers';

function expectedLenses(relative: string) {
  const usage = parseUsageFile(fs.readFileSync(path.join(workspaceRoot(), '.burnrate.yaml'), 'utf8')).config;
  const bytes = fs.readFileSync(path.join(workspaceRoot(), relative));
  const readCompanion = (companion: string) =>
    fs.existsSync(path.join(workspaceRoot(), companion))
      ? fs.readFileSync(path.join(workspaceRoot(), companion))
      : undefined;
  const runtimes = diskRuntimeEnvironment(workspaceRoot(), usage);
  return planLenses(estimateSource(relative, bytes, { usage, relativePath: relative, readCompanion, runtimes }), {
    sections: true,
  });
}

// Each format's unit lens detail (the lens's tooltip: band, volume, model, worst case); the title is the short part.
const FORMATS: [string, RegExp][] = [
  [
    '.github/prompts/review.prompt.md',
    /^[\d,]+ tokens · ≈\$[\d.]+ per session \(\d+ turns\) on GitHub Copilot \(VS Code\) · \$[\d,.]+\/mo at 50 sessions\/day · gpt-4o$/,
  ],
  [
    '.github/prompts/review-pr.prompt.md',
    /^≈[\d,]+ tokens \(±15%\) · ≈\$[\d.]+ per session \(\d+ turns\) on GitHub Copilot \(VS Code\) · .* · claude-sonnet-4-0$/,
  ],
  ['.github/agents/planner.agent.md', / · gpt-4\.1$/],
  [
    '.claude/agents/test-runner.md',
    / per session \(3 turns\) on Claude Code · .* sessions\/day · claude-haiku-5-5( · |$)/,
  ],
  [
    '.cursor/rules/style.mdc',
    /^≈[\d,]+ tokens \(±15%\) on every request · ≈\$[\d.]+\/mo at 200 requests\/day · claude-sonnet-4-5 · \d+% of Cursor's ≈[\d.,]+k?\/request$/,
  ],
  ['.github/copilot-instructions.md', /^[\d,]+ tokens on every request · /],
  [
    'CLAUDE.md',
    /^≈[\d,]+ tokens \(±15%\) on every request · ≈\$[\d.]+\/mo at 200 requests\/day · claude-sonnet-4-5 · \d+% of Claude Code's ≈[\d.,]+k?\/request/,
  ],
  ['api/support-chat.json', /^≈[\d,]+ tokens \(±5%\) · .* · gpt-4o · worst case ≈\$[\d.]+\/call$/],
  ['crew/config/agents.yaml', /\/session \(3 turns\)/],
  ['crew/config/tasks.yaml', /\/session \(3 turns\) · .* sessions\/day · gpt-4o · /],
  ['evals/promptfooconfig.yaml', / · gpt-4\.1-mini$/],
  ['prompts/classify.prompty', / · gpt-4\.1-mini · worst case \$[\d.]+\/call$/],
  ['prompts/summarize.prompt', /^[\d,]+ tokens · \$[\d.]+\/call · .* · gemini-2\.5-flash · worst case \$[\d.]+\/call$/],
  ['prompts/support/system.md', /^[\d,]+ tokens · /],
  ['prompts/hello.md', /^[\d,]+ tokens · \$[\d.]+\/call · \$[\d,.]+\/mo at 200 calls\/day · gpt-4o$/],
];

describe('editor: lenses on every format', () => {
  for (const [relative, shape] of FORMATS) {
    it(`${relative}: the engine's lenses, on their lines`, async () => {
      const editor = await open(relative);
      const expected = expectedLenses(relative);
      const want = expected.map((lens) => [lens.line, lens.title, lens.detail]);
      const shown = (all: vscode.CodeLens[]) =>
        all.map((lens) => [lens.range.start.line, lens.command?.title, lensDetail(lens)]);
      // Wait for the engine's lenses, not just their number: a first set may be drawn before the usage file or a
      // runtime's files are read, and is then redrawn. On a timeout the assertion below shows the difference.
      const found = await lensesUntil(editor.document.uri, (_, all) =>
        JSON.stringify(shown(all)) === JSON.stringify(want) ? undefined : `not yet the engine's ${want.length} lenses`,
      ).catch(() => lenses(editor.document.uri));
      assert.deepStrictEqual(shown(found), want);
      const units = expected.filter((l) => l.kind === 'unit');
      assert.ok(units.length > 0, 'every format has a cost unit');
      assert.ok(
        units.some((l) => shape.test(l.detail ?? '')),
        `no unit lens detail like ${shape}:\n${units.map((l) => l.detail).join('\n')}`,
      );
      // The title fits above a line of text: tokens · $/call or $/session · $/mo (always-on: what it adds · $/mo).
      for (const unit of units) assert.ok(unit.title.split(' · ').length <= 3 && unit.title.length <= 70, unit.title);
      for (const lens of found.filter((l) => /tokens ·|adds/.test(l.command?.title ?? ''))) {
        assert.strictEqual(lens.command?.command, 'burnrate.showBreakdown', 'a unit lens opens the breakdown');
        assert.strictEqual((lens.command?.arguments?.[0] as vscode.Uri).toString(), editor.document.uri.toString());
      }
    });
  }

  it('a multi-unit file gets one lens per unit, on each unit line', async () => {
    const editor = await open('crew/config/agents.yaml');
    const found = await lensesUntil(editor.document.uri, (t) => (t.length >= 2 ? undefined : 'fewer than 2'));
    const lines = editor.document.getText().split('\n');
    assert.deepStrictEqual(
      found.map((l) => l.range.start.line),
      [lines.indexOf('researcher:'), lines.indexOf('writer:')],
    );
    assert.deepStrictEqual(
      found.map((l) => l.command?.arguments?.[1]),
      [0, 1],
    );
  });

  it('markdown headings get section lenses with tokens and share', async () => {
    const editor = await open('.github/prompts/sections.prompt.md');
    const rules = await lensMatching(editor.document.uri, /^## Rules — [\d,]+ tokens \(\d+%\)$/);
    const shares = titles(await lenses(editor.document.uri))
      .map((t) => /\((\d+)%\)$/.exec(t)?.[1])
      .filter((s): s is string => s !== undefined)
      .map(Number);
    assert.ok(shares.length === 4, `sections: ${shares.join(', ')}`);
    assert.ok(
      Math.abs(shares.reduce((a, b) => a + b, 0) - 100) <= 3,
      `shares add up to about 100%: ${shares.join(' + ')}`,
    );
    assert.ok(rules);
  });

  it('bad input is a lens, not an error: unreadable frontmatter, unknown model, a model without a price', async () => {
    const broken = await open('.github/prompts/broken.prompt.md');
    await lensMatching(broken.document.uri, /^⚠ frontmatter unreadable at line 3 — counted as plain text/);
    const unknown = await open('.github/prompts/unknown-model.prompt.md');
    await lensMatching(unknown.document.uri, /no price for "acme-llm-9000" — add one in \.burnrate\.yaml$/);
    const finetune = await open('api/triage-finetune.json');
    await lensMatching(finetune.document.uri, /no price for "ft:gpt-4\.1-mini:acme:support-v3"/);
  });

  it('files Burnrate does not read get no lens from it', async () => {
    await open('prompts/hello.md');
    for (const relative of ['.burnrate.yaml']) {
      const document = await vscode.workspace.openTextDocument(fixtureUri(relative));
      await vscode.window.showTextDocument(document);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepStrictEqual(
        titles(await lenses(document.uri)).filter((t) => /tokens|Burnrate/.test(t)),
        [],
        relative,
      );
    }
  });
});
