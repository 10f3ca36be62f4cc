// priceData: in the workspace's .burnrate.yaml: the editor's estimates (computed in the worker) price with the pinned
// file, follow a change to it, and go back to the bundled data when the pin is removed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { hoverText, lensMatching, open, sleep, workspaceRoot } from './editorHelpers';

const PINNED = 'prices/pinned-it.json';

function dataWithGpt4o(input: number): string {
  return JSON.stringify([
    {
      id: 'openai',
      name: 'OpenAI',
      api_pattern: 'https://api\\.openai\\.com',
      model_match: { starts_with: 'gpt-' },
      models: [
        {
          id: 'gpt-4o',
          name: 'GPT-4o',
          match: { starts_with: 'gpt-4o' },
          prices: { input_mtok: input, output_mtok: 10 },
        },
      ],
    },
  ]);
}

async function hoverUntil(uri: vscode.Uri, pattern: RegExp): Promise<string> {
  let text = '';
  for (let i = 0; i < 100; i++) {
    text = await hoverText(uri, new vscode.Position(0, 0));
    if (pattern.test(text)) return text;
    await sleep(150);
  }
  assert.fail(`hover never matched ${pattern}:\n${text}`);
}

describe('editor: priceData: in .burnrate.yaml', () => {
  const usageFile = () => path.join(workspaceRoot(), '.burnrate.yaml');
  let original = '';

  before(() => {
    original = fs.readFileSync(usageFile(), 'utf8');
  });

  after(() => {
    fs.writeFileSync(usageFile(), original);
    fs.rmSync(path.join(workspaceRoot(), PINNED), { force: true });
  });

  it('prices with the pinned file, follows its changes, and returns to the bundled data without it', async () => {
    const editor = await open('prompts/hello.md');
    await lensMatching(editor.document.uri, /tokens/);
    await hoverUntil(editor.document.uri, /\*\*Rate card:\*\* gpt-4o \(openai\) — \$2\.5\/M in/);

    fs.mkdirSync(path.join(workspaceRoot(), 'prices'), { recursive: true });
    fs.writeFileSync(path.join(workspaceRoot(), PINNED), dataWithGpt4o(77));
    fs.writeFileSync(usageFile(), `${original}\npriceData: ${PINNED}\n`);
    await hoverUntil(editor.document.uri, /gpt-4o \(openai\) — \$77\/M in/);

    fs.writeFileSync(path.join(workspaceRoot(), PINNED), dataWithGpt4o(55));
    await hoverUntil(editor.document.uri, /gpt-4o \(openai\) — \$55\/M in/);

    fs.writeFileSync(usageFile(), original);
    await hoverUntil(editor.document.uri, /gpt-4o \(openai\) — \$2\.5\/M in/);
  });
});
