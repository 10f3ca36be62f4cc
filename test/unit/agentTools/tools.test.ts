import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AGENT_TOOLS, checkToolInput } from '../../../src/core/agentTools/tools';
import { repoRoot } from '../repoRoot';

interface ContributedTool {
  name: string;
  modelDescription: string;
  inputSchema: unknown;
  toolReferenceName: string;
}

describe('agent tools: one table for MCP and VS Code', () => {
  it('package.json contributes exactly the tools of the table, with the same descriptions and schemas', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
      contributes: { languageModelTools: ContributedTool[] };
    };
    const contributed = manifest.contributes.languageModelTools;
    assert.deepStrictEqual(
      contributed.map((t) => t.name),
      AGENT_TOOLS.map((t) => t.name),
    );
    for (const tool of contributed) {
      const defined = AGENT_TOOLS.find((t) => t.name === tool.name)!;
      assert.strictEqual(tool.modelDescription, defined.description, tool.name);
      assert.deepStrictEqual(tool.inputSchema, defined.inputSchema, tool.name);
      assert.match(tool.toolReferenceName, /^[a-z][a-z-]*$/);
    }
  });

  it('checks arguments against the schema and never throws', () => {
    const estimate = AGENT_TOOLS.find((t) => t.name === 'burnrate_estimate')!;
    const diff = AGENT_TOOLS.find((t) => t.name === 'burnrate_diff')!;
    assert.deepStrictEqual(checkToolInput(estimate, { path: 'a.md', model: 'gpt-4o' }), {
      ok: true,
      value: { path: 'a.md', model: 'gpt-4o' },
    });
    assert.deepStrictEqual(checkToolInput(estimate, undefined), { ok: true, value: {} });
    assert.deepStrictEqual(checkToolInput(diff, { paths: ['prompts'] }), { ok: true, value: { paths: ['prompts'] } });
    for (const [tool, input, pattern] of [
      [estimate, { path: 3 }, /"path" must be a non-empty string/],
      [estimate, { path: '' }, /non-empty/],
      [estimate, { __proto__: 'x', evil: 1 }, /unknown argument "evil"/],
      [estimate, ['a'], /must be an object/],
      [estimate, 'a.md', /must be an object/],
      [diff, { paths: 'prompts' }, /list of non-empty strings/],
      [diff, { paths: [1] }, /list of non-empty strings/],
    ] as const) {
      const checked = checkToolInput(tool, input);
      assert.ok(!checked.ok && pattern.test(checked.error), JSON.stringify(checked));
    }
  });
});
