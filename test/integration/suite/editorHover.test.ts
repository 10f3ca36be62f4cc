// The breakdown hover on a unit's first line: input parts, output, rate card with price date and the reason for the
// model, the carry of multi-turn units, and hints.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { PRICE_DATA } from '../../../src/core/pricing/catalog';
import { hoverText, lensMatching, open } from './editorHelpers';

describe('editor: breakdown hover', () => {
  it('on a prompt file first line: parts, output, rate card, price date, why this model', async () => {
    const editor = await open('api/support-chat.json');
    await lensMatching(editor.document.uri, /tokens/);
    const text = await hoverText(editor.document.uri, new vscode.Position(0, 0));
    assert.match(text, /\| Input \| Tokens \|/);
    assert.match(text, /\| tool schema: get\\_order \| [\d,]+ \|/);
    assert.match(text, /\| message framing \(2 messages\) \| \d+ \|/);
    assert.ok(
      text.includes(
        'expected 400 tokens (defaults.outputTokens in .burnrate.yaml); worst case 800 tokens (`max_completion_tokens`)',
      ),
      text,
    );
    assert.match(text, /\*\*Rate card:\*\* gpt-4o \(openai\) — \$2\.5\/M in · \$10\/M out/);
    assert.match(text, /Why this model: .*gpt-4o-2024-08-06/);
    assert.ok(text.includes(PRICE_DATA.asOf), 'price data date');
    assert.match(text, /Why this model: /);
    assert.match(text, /command:burnrate\.showBreakdown\?/);
  });

  it('a multi-turn unit shows the carry, turn by turn', async () => {
    const editor = await open('.claude/agents/test-runner.md');
    await lensMatching(editor.document.uri, /session/);
    const text = await hoverText(editor.document.uri, new vscode.Position(0, 0));
    // A subagent runs as a Claude Code session: what every call carries, then the turn-by-turn table.
    assert.match(text, /\*\*Agent session on Claude Code\*\*/);
    assert.match(text, /on Claude Code \(3 turns\)/);
    assert.match(text, /\| 1 \| [^\n]*\|\n\| 2 \| [^\n]*\|\n\| 3 \| [^\n]*\|/);
  });

  it('no Burnrate hover away from a unit first line', async () => {
    const editor = await open('.github/prompts/sections.prompt.md');
    await lensMatching(editor.document.uri, /tokens/);
    const text = await hoverText(editor.document.uri, new vscode.Position(7, 2));
    assert.ok(!text.includes('Rate card'), text);
  });
});
