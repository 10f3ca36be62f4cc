// Every markdown surface, fed a repository's hostile text (a model name that closes a code fence and adds a remote
// image and a command link; a path and a heading with markup), is parsed as VS Code's preview parses markdown: the
// hostile text may change words, never the document's structure, and never yields a link, an image or HTML.
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { review } from '../../../src/core/diff';
import { renderDiffMarkdown } from '../../../src/core/diff/render/markdown';
import { fileTooltipMarkdown } from '../../../src/core/diff/render/tooltip';
import { fileBreakdownMarkdown, unitBreakdownMarkdown } from '../../../src/core/present/breakdownMarkdown';
import { markdownCode, markdownCodeBlock, markdownText } from '../../../src/core/present/markdownEscape';
import { visibleControls } from '../../../src/core/present/visibleControls';
import { fixed } from '../../../src/core/simulate/distribution';
import { toCsv } from '../../../src/core/simulate/export/csv';
import { toMarkdown } from '../../../src/core/simulate/export/markdown';
import { presetRuns } from '../../../src/core/simulate/presets';
import { simulatePlan } from '../../../src/core/simulate/run';
import { scenarioWithDefaults } from '../../../src/core/simulate/scenario';
import { FakeGit } from '../diff/fakeGit';
import { card } from '../simulate/cards';
import { fileEstimate, firstUnit } from './estimates';

const IMAGE = '![x](https://evil.example/beacon.png)';
const COMMAND = '[run me](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)';
/** What an attacker writes as a model name: leave the fence, add an image and a command link, open HTML. */
const HOSTILE = `evil\n\`\`\`\n${IMAGE} ${COMMAND} <img src=https://evil.example/i.png> https://evil.example/auto\n# Injected`;
const HOSTILE_PATH = `.github/prompts/[a](command:x) <b>|\`b\`.prompt.md`;

const parser = new MarkdownIt({ html: true, linkify: true });

/** The block structure and every link, image or HTML token (the renderer's own `<sub>` included): what a hostile value
 * must not be able to change. */
function structure(markdown: string): { blocks: string[]; active: string[] } {
  const tokens = parser.parse(markdown, {});
  const blocks = tokens.filter((t) => t.type !== 'inline' && t.type !== 'text').map((t) => t.type);
  const active = tokens
    .flatMap((t) => [t, ...(t.children ?? [])])
    .filter((t) => /^(link_open|image|html_inline|html_block)$/.test(t.type))
    .map((t) => `${t.type} ${t.attrGet('href') ?? t.attrGet('src') ?? t.content}`);
  return { blocks, active };
}

function assertInert(hostile: string, benign: string): void {
  const bad = structure(hostile);
  const good = structure(benign);
  assert.deepStrictEqual(bad.active, good.active, `links, images or HTML from the file:\n${hostile}`);
  assert.ok(!bad.active.some((t) => t.includes('evil')), hostile);
  assert.deepStrictEqual(bad.blocks, good.blocks, `the hostile text changed the document's structure:\n${hostile}`);
  assert.ok(!/\u001b/.test(hostile));
}

function frontmatterPrompt(model: string): string {
  return `---\nmodel: ${JSON.stringify(model)}\n---\n# Review\nReview the staged changes.\n\n## Rules | <b>x</b> ${IMAGE}\n- Bugs first.\n`;
}

describe('escaping in every markdown surface (hostile model names and paths)', () => {
  it('the helpers: text, code spans and code blocks cannot be closed or turned into markup', () => {
    assertInert(markdownText(HOSTILE), markdownText('evil'));
    assertInert(
      `| a | ${markdownCode(HOSTILE_PATH, { inTable: true })} |\n|---|---|\n| 1 | 2 |`,
      '| a | `x` |\n|---|---|\n| 1 | 2 |',
    );
    assertInert(`x ${markdownCode('`` ` ```')}`, 'x `y`');
    assertInert(markdownCodeBlock(`a\n\`\`\`\`\n${IMAGE}\n\`\`\`\`\`\nb`), markdownCodeBlock('a'));
    assert.strictEqual(markdownText('- leading dash'), '\\- leading dash');
    assert.strictEqual(visibleControls('a\u001b[31mb\u202ec\r'), 'a\\u001b[31mb\\u202ec\\u000d');
  });

  it('the hover and the breakdown document (priced and unpriced model, hostile heading)', () => {
    for (const model of [HOSTILE, `gpt-4o${HOSTILE}`]) {
      const hostile = unitBreakdownMarkdown(firstUnit('.github/prompts/review.prompt.md', frontmatterPrompt(model)));
      const benign = unitBreakdownMarkdown(
        firstUnit('.github/prompts/review.prompt.md', frontmatterPrompt('acme-unknown')),
      );
      assertInert(hostile, benign);
      assert.ok(hostile.includes('evil'), 'the name is still shown');
    }
    const file = fileBreakdownMarkdown(fileEstimate(HOSTILE_PATH, frontmatterPrompt('gpt-4o')));
    assertInert(
      file,
      fileBreakdownMarkdown(fileEstimate('.github/prompts/plain.prompt.md', frontmatterPrompt('gpt-4o'))),
    );
  });

  it('the PR comment (diff --markdown) and the Prompt Cost Changes tooltip', async () => {
    const reportOf = async (path: string, model: string) => {
      const outcome = await review(
        new FakeGit({ [path]: frontmatterPrompt('gpt-4o') }, { [path]: frontmatterPrompt(model) + 'More text.\n' }),
      );
      assert.ok(outcome.ok);
      return outcome.value;
    };
    const hostile = await reportOf(HOSTILE_PATH, HOSTILE);
    const benign = await reportOf('.github/prompts/plain.prompt.md', 'acme-unknown');
    assert.ok(
      hostile.files[0]!.notes.some((n) => n.includes('evil')),
      'the model switch is noted',
    );
    assertInert(renderDiffMarkdown(hostile), renderDiffMarkdown(benign));
    assertInert(fileTooltipMarkdown(hostile.files[0]!), fileTooltipMarkdown(benign.files[0]!));
  });

  it('the simulation export: markdown is inert and CSV cells cannot start a formula', async () => {
    const simulate = async (name: string, model: string) => {
      const scenario = scenarioWithDefaults(name, card(model, 3, 15), {
        systemPromptTokens: 100,
        sessionsPerDay: fixed(10),
      });
      const outcome = await simulatePlan([{ scenario: name, runs: presetRuns(scenario) }], { sessions: 50, seed: 1 });
      assert.ok(outcome.ok);
      return outcome.value;
    };
    const hostile = await simulate(`=HYPERLINK("https://evil.example")${HOSTILE}`, HOSTILE);
    const benign = await simulate('support', 'plain');
    assertInert(toMarkdown(hostile), toMarkdown(benign));
    const csv = toCsv(await simulate('@SUM(A1)', '-2+3'));
    for (const line of csv.trim().split('\n').slice(1)) assert.ok(/^'@SUM\(A1\),/.test(line), line);
    assert.ok(toCsv(hostile).split('\n')[1]!.startsWith(`"'=HYPERLINK(`));
  });
});
