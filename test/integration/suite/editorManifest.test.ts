// package.json in step with the code: settings, activation, schema, trust.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { PROMPT_FILE_GLOBS } from '../../../src/core/present/promptFileGlobs';
import { SETTINGS } from '../../../src/extension/config';
import { activated, EXTENSION_ID } from './editorHelpers';

interface Property {
  type: string | string[];
  default?: unknown;
}

function manifest() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return { json: extension.packageJSON as Record<string, any>, root: extension.extensionPath };
}

describe('editor: manifest', () => {
  it('contributes exactly the settings Config reads, with the same types and defaults, in titled sections', async () => {
    await activated();
    const sections = manifest().json.contributes.configuration as {
      title: string;
      properties: Record<string, Property>;
    }[];
    const properties: Record<string, Property> = {};
    for (const section of sections) {
      assert.ok(section.title, 'every configuration section has a title');
      Object.assign(properties, section.properties);
    }
    assert.deepStrictEqual(
      Object.keys(properties).sort(),
      Object.keys(SETTINGS)
        .map((k) => `burnrate.${k}`)
        .sort(),
    );
    for (const [key, spec] of Object.entries(SETTINGS)) {
      const property = properties[`burnrate.${key}`]!;
      assert.strictEqual(property.type, spec.type, key);
      assert.deepStrictEqual(property.default, spec.default, key);
      assert.deepStrictEqual(
        vscode.workspace.getConfiguration('burnrate').inspect(key)?.defaultValue,
        spec.default,
        `${key} as VS Code sees it`,
      );
    }
  });

  it('activates on every prompt file pattern and on the languages VS Code 1.100 gives prompt files', () => {
    const events = manifest().json.activationEvents as string[];
    for (const glob of PROMPT_FILE_GLOBS.filter((g) => g !== '**/*.json'))
      assert.ok(events.includes(`workspaceContains:${glob}`), glob);
    for (const language of ['prompt', 'instructions', 'chatmode', 'markdown', 'yaml', 'json'])
      assert.ok(events.includes(`onLanguage:${language}`), language);
  });

  it('validates .burnrate.yaml with the schema it ships', () => {
    const { json, root } = manifest();
    const validation = json.contributes.yamlValidation as { fileMatch: string; url: string }[];
    assert.deepStrictEqual(
      validation.map((v) => v.fileMatch),
      ['.burnrate.yaml'],
    );
    const schema = JSON.parse(fs.readFileSync(path.join(root, validation[0]!.url), 'utf8')) as { $schema: string };
    assert.strictEqual(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  it('declares that it works in untrusted workspaces', () => {
    assert.strictEqual(manifest().json.capabilities.untrustedWorkspaces.supported, true);
  });
});
