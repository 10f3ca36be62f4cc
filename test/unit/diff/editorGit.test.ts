import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../repoRoot';

// The editor's cost diff must reach git only through VS Code's git extension, and not at all in Restricted Mode.
// These read the sources, so a removed trust check fails here in seconds; test/integration/suite-untrusted/ checks the same
// behaviour end to end in a real Restricted Mode workspace.
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('editor cost diff: how git is reached', () => {
  const dir = path.join(repoRoot(), 'src/extension/diff');

  it('spawns nothing: no child_process, no git binary, only the git extension API', () => {
    for (const file of sources(dir)) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /child_process|execFile|spawn\(/, path.relative(repoRoot(), file));
      assert.doesNotMatch(text, /from ['"][./]+\/(cli)\//, `${path.relative(repoRoot(), file)} imports the CLI's git`);
    }
  });

  it('checks workspace trust before touching the git extension, in every path that reaches it', () => {
    const access = fs.readFileSync(path.join(dir, 'gitAccess.ts'), 'utf8');
    const body = access.slice(access.indexOf('export async function gitAccess'));
    assert.ok(
      body.indexOf('vscode.workspace.isTrusted') >= 0 &&
        body.indexOf('vscode.workspace.isTrusted') < body.indexOf('getExtension'),
      'trust first',
    );
    for (const file of sources(dir).filter((f) => !f.endsWith('gitAccess.ts') && !f.endsWith('gitApi.ts'))) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(
        text,
        /getExtension\(/,
        `${path.relative(repoRoot(), file)} gets the git extension without gitAccess()`,
      );
    }
  });
});
