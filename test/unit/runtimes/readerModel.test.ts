// A file a runtime sends is priced on that runtime's model (unless it names one), so `burnrate estimate`, the lenses
// and `burnrate context` agree: scoped rules as always-on files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';
import { diskRuntimeEnvironment } from '../../../src/host/runtimeEnvironment';

const FILES: Record<string, string> = {
  '.burnrate.yaml': 'defaults:\n  model: claude-sonnet-4-5\n',
  '.github/copilot-instructions.md': 'Use pnpm.\n',
  '.github/instructions/ts.instructions.md':
    '---\napplyTo: "src/**/*.ts"\n---\nHandlers stay thin; domain code returns Result values.\n',
  '.github/prompts/fix.prompt.md':
    '---\nagent: agent\n---\nRun the tests, find the first failure and fix its root cause.\n',
  '.github/prompts/named.prompt.md': '---\nagent: agent\nmodel: claude-sonnet-4-0\n---\nReview the diff.\n',
};

describe('files priced on the model of the runtime that sends them', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-reader-model-'));
    for (const [file, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function unitOf(relative: string) {
    const usage = parseUsageFile(FILES['.burnrate.yaml']!).config;
    const runtimes = diskRuntimeEnvironment(root, usage);
    const result = estimateSource(relative, FILES[relative]!, { usage, relativePath: relative, runtimes });
    assert.ok(result.ok);
    const copilot = runtimes.context.runtimes.find((r) => r.id === 'copilot')!;
    return { unit: result.estimate.units[0]!, copilot };
  }

  it('a scoped Copilot instructions file: the same model and tokens as its burnrate context item', () => {
    const { unit, copilot } = unitOf('.github/instructions/ts.instructions.md');
    const item = copilot.items.find((i) => i.path === '.github/instructions/ts.instructions.md')!;
    assert.strictEqual(item.kind, 'scoped');
    assert.strictEqual(unit.model.value, copilot.model.value);
    assert.notStrictEqual(unit.model.value, 'claude-sonnet-4-5', 'not the usage file default');
    assert.strictEqual(unit.input.tokens, item.inputTokens);
  });
});
