import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';
import { BUILTIN_DEFAULTS } from '../../../src/core/usage/usageConfig';
import { usageFileTemplate } from '../../../src/core/present/usageFileTemplate';
import { repoRoot } from '../repoRoot';

interface Schema {
  properties?: Record<string, Schema>;
  definitions?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
  required?: string[];
}

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'schemas/burnrate.schema.json'), 'utf8')) as Schema & {
  $schema: string;
};
const unknownKeyWarnings = (text: string) => parseUsageFile(text).problems.filter((p) => /unknown key/.test(p.message));

describe('.burnrate.yaml template and schema', () => {
  it('the template parses without a single problem and states the built-in defaults', () => {
    const { config, problems } = parseUsageFile(usageFileTemplate());
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(config.defaults, {
      model: BUILTIN_DEFAULTS.model,
      callsPerDay: BUILTIN_DEFAULTS.callsPerDay,
      outputTokens: BUILTIN_DEFAULTS.outputTokens,
    });
    assert.deepStrictEqual(config.overrides, []);
    assert.deepStrictEqual(config.prices, []);
  });

  it('the template commented parts parse cleanly once uncommented', () => {
    const uncommented = usageFileTemplate()
      .split('\n')
      .map((line) =>
        line
          .replace(/^(\s*)# (turns|userTokensPerTurn|tokenizer|  claude|month|  hours):?/, '$1$2:')
          .replace(/^#(  [- ]|    )/, '$1'),
      )
      .join('\n')
      .replace('overrides: []', 'overrides:')
      .replace('prices: []', 'prices:');
    const { config, problems } = parseUsageFile(uncommented);
    assert.deepStrictEqual(problems, [], uncommented);
    assert.strictEqual(config.overrides.length, 2);
    assert.strictEqual(config.prices[0]?.model, 'my-finetune');
    assert.strictEqual(config.monthHours, 730);
    assert.strictEqual(config.tokenizer.claude?.factor, 1.2);
  });

  it('the schema is draft-07 and knows exactly the top-level keys the parser accepts', () => {
    assert.strictEqual(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const keys = Object.keys(schema.properties!);
    for (const key of keys)
      assert.deepStrictEqual(unknownKeyWarnings(`${key}: {}\n`), [], `parser rejects schema key ${key}`);
    assert.strictEqual(unknownKeyWarnings('notAKey: 1\n').length, 1);
    assert.strictEqual(schema.properties!.scenarios!.$ref, 'scenarios.schema.json');
  });

  it('the schema lists exactly the keys the parser reads in defaults, overrides and prices', () => {
    const defaults = Object.keys(schema.definitions!.usageDefaults!.properties!);
    for (const key of defaults) assert.deepStrictEqual(unknownKeyWarnings(`defaults:\n  ${key}: 1\n`), [], key);
    assert.strictEqual(unknownKeyWarnings('defaults:\n  notAKey: 1\n').length, 1);
    const override = Object.keys(schema.properties!.overrides!.items!.properties!);
    assert.deepStrictEqual(override.sort(), ['files', ...defaults].sort());
    const price = schema.properties!.prices!.items!;
    const full =
      'prices:\n  - model: m\n    inputPerMTok: 1\n    outputPerMTok: 2\n    cacheReadPerMTok: 0.1\n    cacheWritePerMTok: 1.25\n    provider: openai\n    aliases: [a]\n';
    const parsed = parseUsageFile(full).config.prices[0]!;
    assert.deepStrictEqual(
      Object.keys(price.properties!).sort(),
      Object.keys(parsed)
        .filter((k) => k !== 'origin')
        .sort(),
    );
    assert.deepStrictEqual(price.required, ['model', 'inputPerMTok', 'outputPerMTok']);
  });

  it('validates, as an editor would (ajv, draft-07), the template and the usage files in the repository, and rejects bad ones', () => {
    type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
    const Ajv = require('ajv') as new (options: object) => {
      addSchema(schema: object, key: string): unknown;
      compile(schema: object): Validate;
    };
    const scenarios = JSON.parse(
      fs.readFileSync(path.join(repoRoot(), 'schemas/scenarios.schema.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addSchema(scenarios, 'scenarios.schema.json');
    const validate = ajv.compile(schema);
    const files = ['examples/.burnrate.yaml', 'test/integration/workspace/.burnrate.yaml'];
    for (const [name, text] of [
      ['template', usageFileTemplate()],
      ...files.map((f) => [f, fs.readFileSync(path.join(repoRoot(), f), 'utf8')]),
    ] as [string, string][]) {
      assert.ok(validate(parse(text)), `${name}: ${JSON.stringify(validate.errors, null, 1)}`);
      assert.deepStrictEqual(parseUsageFile(text).problems, [], `${name} parses cleanly too`);
    }
    for (const bad of [
      'defaults:\n  callsPerDay: -5\n',
      'prices:\n  - model: x\n    inputPerMTok: 1\n',
      'defualts: {}\n',
      'overrides:\n  - model: x\n',
    ]) {
      assert.strictEqual(validate(parse(bad)), false, bad);
      assert.ok(parseUsageFile(bad).problems.length > 0, `the parser also objects to ${JSON.stringify(bad)}`);
    }
  });
});
