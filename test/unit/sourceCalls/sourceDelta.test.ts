// The delta lens of a source file against HEAD: both sides read the call's imports and prompt files through the same
// reader (the estimate worker's, over the folder), so an edit that leaves the call alone is no cost change — not a
// placeholder at HEAD against the imported text in the buffer.
import * as assert from 'assert';
import { documentDelta, estimateBase, type BaseVersion } from '../../../src/core/editor/documentDelta';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import type { SideOptions } from '../../../src/core/diff/compareFile';
import { readAllSourcesInThisSuite } from './readAllSources';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';

const PATH = 'src/triage.ts';
const caller = (extra: string) =>
  [
    "import OpenAI from 'openai';",
    "import { RULES } from './prompts';",
    extra,
    'export async function triage() {',
    "  return new OpenAI().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: RULES }] });",
    '}',
  ].join('\n');
const files: Record<string, string> = {
  'src/prompts.ts':
    "export const RULES = 'Sort the ticket into billing, shipping or other, and say why in one line.';\n",
};
const readCompanion = (path: string) => (path in files ? new TextEncoder().encode(files[path]) : undefined);

function delta(side: SideOptions) {
  const base: BaseVersion = {
    key: 'c1',
    path: PATH,
    basePath: PATH,
    globPath: PATH,
    baseGlobPath: PATH,
    companions: [],
    bytes: new TextEncoder().encode(caller('')),
  };
  const text = caller('const retries = 2;');
  const working = estimateSource(PATH, text, { usage: EMPTY_USAGE, relativePath: PATH, readCompanion });
  return documentDelta(base, estimateBase(base, side), text, working, side);
}

describe('source calls: the delta lens against HEAD', function () {
  readAllSourcesInThisSuite();

  it("reads HEAD's imports with the same reader: an edit beside the call is no cost change", () => {
    const outcome = delta({ usage: EMPTY_USAGE, readCompanion });
    assert.strictEqual(outcome.kind, 'compared');
    assert.strictEqual(outcome.comparison.kind, 'unchanged', JSON.stringify(outcome.comparison).slice(0, 400));
  });

  it('without the reader at HEAD the import is a placeholder, and the lens would show a change', () => {
    const outcome = delta({ usage: EMPTY_USAGE });
    assert.strictEqual(outcome.kind, 'compared');
    assert.strictEqual(outcome.comparison.kind, 'diff');
  });
});
