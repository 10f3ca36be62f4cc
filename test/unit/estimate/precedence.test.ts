import * as assert from 'assert';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';
import { sourced } from '../../../src/core/usage/resolveInputs';
import { file, unit } from './fixtures';

describe('precedence of estimate inputs', () => {
  const usage = parseUsageFile(
    [
      'defaults:',
      '  model: gpt-4o',
      '  callsPerDay: 100',
      'overrides:',
      '  - files: "prompts/**"',
      '    callsPerDay: 200',
      '    model: gpt-4.1',
      '  - files: "prompts/support/*.md"',
      '    callsPerDay: 300',
    ].join('\n'),
  ).config;
  const declared = unit({ model: { value: 'claude-haiku-4-5', field: 'model', line: 1 } });
  const plain = unit();

  it('flag > file frontmatter > format field > usage glob > usage default > settings > built-in', () => {
    const withHints = file([declared], { usageHints: { model: 'o3', callsPerDay: 7 } });
    const layers = (relativePath: string, flags = {}) => ({
      usage,
      relativePath,
      flags,
      settings: { model: 'gpt-5', callsPerDay: 1 },
    });

    assert.deepStrictEqual(
      pick(sourced('model', withHints, declared, layers('prompts/a.md', { model: 'gpt-4o-mini' }))),
      ['gpt-4o-mini', 'flag'],
    );
    assert.deepStrictEqual(pick(sourced('model', withHints, declared, layers('prompts/a.md'))), ['o3', 'file']);
    assert.deepStrictEqual(pick(sourced('model', file([declared]), declared, layers('prompts/a.md'))), [
      'claude-haiku-4-5',
      'format',
    ]);
    assert.deepStrictEqual(pick(sourced('model', file([plain]), plain, layers('prompts/a.md'))), [
      'gpt-4.1',
      'usage-glob',
    ]);
    assert.deepStrictEqual(pick(sourced('model', file([plain]), plain, layers('other/a.md'))), [
      'gpt-4o',
      'usage-default',
    ]);
    assert.deepStrictEqual(
      pick(sourced('callsPerDay', file([plain]), plain, layers('prompts/support/x.md'))),
      [300, 'usage-glob'],
      'later glob wins',
    );
    assert.deepStrictEqual(
      pick(
        sourced('outputTokens', file([plain]), plain, { usage, relativePath: 'a.md', settings: { outputTokens: 42 } }),
      ),
      [42, 'settings'],
    );
    const builtin = sourced('outputTokens', file([plain]), plain, { usage, relativePath: 'a.md' });
    assert.strictEqual(builtin.source, 'default');
    assert.match(builtin.detail, /built-in default/);
  });

  it('says where a glob value came from, with its line', () => {
    const s = sourced('callsPerDay', file([plain]), plain, { usage, relativePath: 'prompts/support/x.md' });
    assert.match(s.detail, /\.burnrate\.yaml line 8 \(files: prompts\/support\/\*\.md\)/);
  });
});

function pick<T>(s: { value: T; source: string }): [T, string] {
  return [s.value, s.source];
}
