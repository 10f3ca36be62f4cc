import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../repoRoot';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('project boundaries', () => {
  it('src/core imports nothing from vscode (the engine must run in plain Node and the CLI)', () => {
    const offenders = sourceFiles(path.join(repoRoot(), 'src/core')).filter((file) =>
      /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/.test(
        fs.readFileSync(file, 'utf8'),
      ),
    );
    assert.deepStrictEqual(offenders, []);
  });

  it('src/core and src/cli never import the extension or the webview', () => {
    for (const dir of ['src/core', 'src/cli']) {
      const offenders = sourceFiles(path.join(repoRoot(), dir)).filter((file) =>
        /from\s+['"][./]+\/(extension|webview)\//.test(fs.readFileSync(file, 'utf8')),
      );
      assert.deepStrictEqual(offenders, [], dir);
    }
  });

  it('imports js-tiktoken only through its lite entry and single-encoding ranks modules', () => {
    const offenders = sourceFiles(path.join(repoRoot(), 'src')).filter((file) =>
      /['"]js-tiktoken['"]/.test(fs.readFileSync(file, 'utf8')),
    );
    assert.deepStrictEqual(offenders, [], 'the main entry bundles every encoding (5.6 MB)');
  });
});
