// The built extension bundle, activated in plain Node against a recording stand-in for the `vscode` module: activation
// must register every command and the providers, and must load no tokenizer ranks (megabytes of data) before a
// prompt file is shown. Needs `npm run build` first (out/extension.js), as `npm test` does.
import * as assert from 'assert';
import * as fs from 'fs';
import Module from 'module';
import * as path from 'path';
import { repoRoot } from '../repoRoot';

interface Call {
  name: string;
  args: unknown[];
}

/** Any property is another stub, any call is recorded and returns a stub; never a thenable, iterates as empty. */
function recordingStub(name: string, calls: Call[]): unknown {
  const target = function () {};
  return new Proxy(target, {
    get(_target, property) {
      if (property === 'then') return undefined;
      if (property === Symbol.iterator) return function* () {};
      if (property === Symbol.toPrimitive) return () => name;
      if (property === 'isTrusted') return true;
      return recordingStub(`${name}.${String(property)}`, calls);
    },
    set: () => true,
    apply(_target, _this, args: unknown[]) {
      calls.push({ name, args });
      return recordingStub(`${name}()`, calls);
    },
    construct(_target, args: unknown[]) {
      calls.push({ name: `new ${name}`, args });
      return recordingStub(`new ${name}`, calls) as object;
    },
  });
}

// esbuild's import interop copies the module's own property names, so the top level is a plain object of stubs.
const VSCODE_EXPORTS = [
  'window',
  'workspace',
  'languages',
  'commands',
  'extensions',
  'env',
  'version',
  'EventEmitter',
  'Disposable',
  'Uri',
  'Range',
  'Position',
  'Selection',
  'StatusBarAlignment',
  'ConfigurationTarget',
  'DiagnosticSeverity',
  'Diagnostic',
  'CodeLens',
  'Hover',
  'MarkdownString',
  'WorkspaceEdit',
  'QuickPickItemKind',
  'ViewColumn',
  'RelativePattern',
  'lm',
  'LanguageModelToolResult',
  'LanguageModelTextPart',
];

// The Gemma 3 data is read with fs, not required: activation's file reads are recorded instead.
const filesRead: string[] = [];
const ranksLoaded = () =>
  Object.keys(require.cache).filter((file) => file.includes(`${path.sep}out${path.sep}ranks${path.sep}`));

describe('extension activation (built bundle, stand-in vscode)', () => {
  const bundle = path.join(repoRoot(), 'out', 'extension.js');
  const calls: Call[] = [];
  type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
  const loader = Module as unknown as { _load: Loader };
  let originalLoad: Loader | undefined;
  let restoreReads = () => {};

  before(async function () {
    if (!fs.existsSync(bundle)) assert.fail(`${bundle} is missing: run npm run build first`);
    assert.deepStrictEqual(ranksLoaded(), [], 'another test loaded ranks into this process first');
    const nodeFs = require('fs') as { readFileSync: typeof fs.readFileSync }; // the mutable module, not the namespace
    const readFileSync = nodeFs.readFileSync;
    nodeFs.readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      filesRead.push(String(file));
      return (readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync;
    restoreReads = () => (nodeFs.readFileSync = readFileSync);
    originalLoad = loader._load;
    const vscode = Object.fromEntries(VSCODE_EXPORTS.map((name) => [name, recordingStub(`vscode.${name}`, calls)]));
    const load = originalLoad;
    loader._load = (request, parent, isMain) => (request === 'vscode' ? vscode : load(request, parent, isMain));
    const extension = require(bundle) as { activate(context: unknown): unknown };
    const context = { subscriptions: [] as unknown[], workspaceState: recordingStub('workspaceState', calls) };
    extension.activate(context);
    assert.strictEqual(context.subscriptions.length, 1, 'everything hangs off one disposable');
    await new Promise((resolve) => setTimeout(resolve, 100)); // the status bar's first refresh, the usage file read
  });

  after(() => {
    if (originalLoad) loader._load = originalLoad; // unset when before() failed ahead of the swap
    restoreReads();
  });

  it('loads no tokenizer ranks', () => {
    assert.deepStrictEqual(ranksLoaded(), []);
    // The check itself sees ranks once they are loaded.
    require(path.join(repoRoot(), 'out', 'ranks', 'cl100k_base.js'));
    assert.strictEqual(ranksLoaded().length, 1);
  });

  it('reads no Gemma 3 tokenizer data', () => {
    assert.deepStrictEqual(
      filesRead.filter((f) => f.includes('gemma3')),
      [],
    );
  });

  it('registers every contributed command', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[] };
    };
    const registered = calls
      .filter((c) => c.name === 'vscode.commands.registerCommand')
      .map((c) => c.args[0] as string);
    assert.deepStrictEqual(registered.sort(), manifest.contributes.commands.map((c) => c.command).sort());
  });

  it('registers lens and hover providers by file pattern, not by language', () => {
    for (const name of ['vscode.languages.registerCodeLensProvider', 'vscode.languages.registerHoverProvider']) {
      const call = calls.find((c) => c.name === name);
      assert.ok(call, `${name} was not called`);
      const selector = call.args[0] as { scheme: string; pattern: string; language?: string }[];
      assert.ok(
        selector.length > 10 &&
          selector.every((f) => f.scheme === 'file' && typeof f.pattern === 'string' && f.language === undefined),
      );
      assert.ok(selector.some((f) => f.pattern.includes('[pP][rR][oO][mM][pP][tT].[mM][dD]')));
    }
    assert.ok(
      calls.some(
        (c) => c.name === 'vscode.workspace.registerTextDocumentContentProvider' && c.args[0] === 'burnrate-breakdown',
      ),
    );
  });
});
