/**
 * The user-level check: package the extension as a .vsix, install it into a fresh code-server extensions dir, open
 * the fixture workspace in headless chromium, click a prompt file in the Explorer and read the CodeLens titles the
 * user would see. Saves test-results/lenses.png. Fails when no lens mentioning "tokens" appears. Then the same over an
 * SDK call in the examples' TypeScript service (test-results/source-call-lens.png; with BURNRATE_SAVE_SCREENSHOTS=1
 * also media/screenshots/source-call-lens.png, the README's picture — tests never write tracked files otherwise).
 *
 *   node out/node/test/integration/vsixCheck.js [--file .github/prompts/review-pr.prompt.md]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { openBrowser } from './harness/browser';
import { onTeardown, teardownAll, tearingDown } from './harness/cleanup';
import { codeServerMissing, installVsix, startCodeServer } from './harness/codeServer';
import { freePort } from './harness/freePort';
import { examplesWorkspace, repoRoot, testResultsDir } from './harness/paths';
import { copyFixtureWorkspace, makeTempDir, makeUserDataDir, removeDir } from './harness/workspace';

const EXTENSION_ID = 'burnrate.burnrate';
const vsixPath = path.join(repoRoot, 'out', 'burnrate.vsix');
const artifactsDir = path.join(testResultsDir, 'vsix');
const screenshotPath = path.join(testResultsDir, 'lenses.png');
const LENS_TIMEOUT_MS = 30_000;
// The first source file of a window also loads the parser's WASM in the estimate worker (seconds on a loaded machine).
const SOURCE_LENS_TIMEOUT_MS = 120_000;
const SOURCE_FILE = 'app/ts-service/support.ts';
const sourceScreenshotPath = path.join(testResultsDir, 'source-call-lens.png');
const savedSourceScreenshot = path.join(repoRoot, 'media', 'screenshots', 'source-call-lens.png');

/** Files the package must carry, and patterns it must not (sources, tests, compiled tests, source maps). */
const REQUIRED_FILES = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'out/extension.js',
  'out/estimateWorker.js',
  'out/historyWorker.js',
  'out/simulateWorker.js',
  'out/historyWebview.js',
  'out/ranks/o200k_base.js',
  'out/ranks/cl100k_base.js',
  'out/ranks/gemma3.json',
  'out/grammars/tree-sitter.wasm',
  'out/grammars/tree-sitter-typescript.wasm',
  'out/grammars/tree-sitter-tsx.wasm',
  'out/grammars/tree-sitter-python.wasm',
];
const FORBIDDEN = [/^src\//, /^test\//, /^out\/node\//, /\.map$/, /^node_modules\//, /\.vsix$/];

interface StepResult {
  name: string;
  ok: boolean;
  detail: string;
}
const steps: StepResult[] = [];

async function step(name: string, action: () => Promise<string> | string): Promise<boolean> {
  try {
    const detail = await action();
    steps.push({ name, ok: true, detail });
    console.log(`  ✓ ${name}${detail ? `: ${detail}` : ''}`);
    return true;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    steps.push({ name, ok: false, detail });
    console.log(`  ✗ ${name}\n${detail.replace(/^/gm, '      ')}`);
    return false;
  }
}

async function main(): Promise<void> {
  const missing = codeServerMissing();
  if (missing) throw new Error(process.env.CI ? `FATAL (CI): ${missing}` : missing);
  removeDir(artifactsDir);
  fs.mkdirSync(artifactsDir, { recursive: true });
  fs.rmSync(screenshotPath, { force: true });
  fs.rmSync(sourceScreenshotPath, { force: true });
  const relativeFile = fileArgument();

  if (!(await step('package with vsce', packageVsix))) return;
  if (!(await step('package contents', checkContents))) return;

  const scratch = makeTempDir('vsix');
  onTeardown(() => removeDir(scratch));
  const userDataDir = makeUserDataDir(scratch);
  const extensionsDir = path.join(scratch, 'extensions');
  if (!(await step('install into a fresh extensions dir', () => install(extensionsDir, userDataDir)))) return;

  const port = await freePort();
  const server = await startCodeServer({
    port,
    userDataDir,
    tmpDir: path.join(scratch, 'tmp'),
    extensionsDir,
    logFile: path.join(artifactsDir, 'code-server.log'),
  });
  onTeardown(() => server.stop());
  const browser = await openBrowser(path.join(artifactsDir, 'browser-console.log'));
  onTeardown(() => browser.close());
  const { page } = browser;

  const workspace = copyFixtureWorkspace(scratch);
  await page.goto(`${server.origin}/?${new URLSearchParams({ folder: workspace }).toString()}`);
  try {
    if (!(await step(`open ${relativeFile} from the Explorer`, () => openFromExplorer(page, workspace, relativeFile))))
      return;
    await step('CodeLens mentioning "tokens"', () => readLenses(page));
  } finally {
    await page.screenshot({ path: screenshotPath }).catch(() => undefined);
    console.log(`  screenshot: ${path.relative(process.cwd(), screenshotPath)}`);
  }

  // A source file: the packaged worker must find the grammars in the installed extension's out/grammars/.
  const examplesParent = path.join(scratch, 'examples');
  fs.mkdirSync(examplesParent, { recursive: true });
  const examples = copyFixtureWorkspace(examplesParent, examplesWorkspace);
  await page.goto(`${server.origin}/?${new URLSearchParams({ folder: examples }).toString()}`);
  try {
    if (
      !(await step(`open examples/${SOURCE_FILE} from the Explorer`, () =>
        openFromExplorer(page, examples, SOURCE_FILE),
      ))
    )
      return;
    await step('CodeLens over an SDK call', () => readLenses(page, SOURCE_LENS_TIMEOUT_MS));
  } finally {
    await page.screenshot({ path: sourceScreenshotPath }).catch(() => undefined);
    console.log(`  screenshot: ${path.relative(process.cwd(), sourceScreenshotPath)}`);
    if (process.env.BURNRATE_SAVE_SCREENSHOTS === '1' && fs.existsSync(sourceScreenshotPath)) {
      fs.mkdirSync(path.dirname(savedSourceScreenshot), { recursive: true });
      fs.copyFileSync(sourceScreenshotPath, savedSourceScreenshot);
      console.log(`  saved: ${path.relative(process.cwd(), savedSourceScreenshot)}`);
    }
  }
}

function fileArgument(): string {
  const index = process.argv.indexOf('--file');
  return (index >= 0 ? process.argv[index + 1] : undefined) ?? '.github/prompts/review-pr.prompt.md';
}

function packageVsix(): string {
  fs.rmSync(vsixPath, { force: true });
  // The npm script holds the one definition of how the package is made; stdin closed so a vsce prompt fails, not hangs.
  const result = spawnSync('npm', ['run', '--silent', 'package'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  fs.writeFileSync(path.join(artifactsDir, 'vsce.log'), output);
  if (result.status !== 0 || !fs.existsSync(vsixPath)) {
    throw new Error(
      `npm run package failed (${result.status ?? result.signal}):\n${output.trim().split('\n').slice(-15).join('\n')}`,
    );
  }
  return `${path.relative(repoRoot, vsixPath)} (${(fs.statSync(vsixPath).size / 1024 / 1024).toFixed(2)} MB)`;
}

function checkContents(): string {
  const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`vsce ls failed:\n${result.stderr}`);
  const files = result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const absent = [...REQUIRED_FILES, ...manifestReferences()].filter((file) => !files.includes(file));
  const unwanted = files.filter((file) => FORBIDDEN.some((pattern) => pattern.test(file)));
  const problems = [
    ...absent.map((file) => `missing: ${file}`),
    ...unwanted.map((file) => `should not be packaged: ${file}`),
  ];
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return `${files.length} files`;
}

/** Files the manifest points at ("./media/icon.png", a jsonValidation schema…): the package must carry each one. */
function manifestReferences(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    // Paths are written ./out/… or media/… (the icon, walkthrough pages).
    if (typeof value === 'string' && (value.startsWith('./') || value.startsWith('media/')))
      found.add(path.posix.normalize(value));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  // The fields VS Code reads; `bin` (the CLI) is npm's business and not part of the extension package.
  for (const field of ['main', 'browser', 'icon', 'contributes']) visit(manifest[field]);
  return [...found];
}

function install(extensionsDir: string, userDataDir: string): string {
  installVsix(vsixPath, extensionsDir, userDataDir);
  const installed = fs.readdirSync(extensionsDir).filter((name) => name.startsWith(`${EXTENSION_ID}-`));
  if (installed.length !== 1)
    throw new Error(
      `expected one ${EXTENSION_ID}-* folder in ${extensionsDir}, found: ${installed.join(', ') || 'none'}`,
    );
  return installed[0] ?? '';
}

/** Clicks each folder on the way down, then the file, as a user would; resolves when its editor tab is active. */
async function openFromExplorer(page: Page, workspace: string, relativeFile: string): Promise<string> {
  const explorerRows = page.locator('.explorer-folders-view .monaco-list-row');
  await explorerRows.first().waitFor({ timeout: 90_000 });
  const segments = relativeFile.split('/');
  for (let depth = 1; depth <= segments.length; depth++) {
    // Rows carry their absolute path on the icon label; names alone repeat (.github/prompts and prompts/).
    const absolute = path.join(workspace, ...segments.slice(0, depth));
    const row = explorerRows.filter({ has: page.locator(`.explorer-item[aria-label=${JSON.stringify(absolute)}]`) });
    await row.click({ timeout: 15_000 });
    if (depth < segments.length) await row.and(page.locator('[aria-expanded="true"]')).waitFor({ timeout: 10_000 });
  }
  const fileName = segments[segments.length - 1] ?? relativeFile;
  const tab = page.locator('.tabs-container .tab.active', { hasText: fileName });
  await tab.waitFor({ timeout: 15_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
  return 'editor open';
}

async function readLenses(page: Page, timeout = LENS_TIMEOUT_MS): Promise<string> {
  const lenses = page.locator('.monaco-editor .codelens-decoration');
  try {
    await lenses.filter({ hasText: 'tokens' }).first().waitFor({ timeout });
  } catch {
    const seen = (await lenses.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
    throw new Error(
      `no CodeLens containing "tokens" within ${timeout / 1000}s` +
        (seen.length > 0 ? `; lenses seen: ${seen.join(' | ')}` : '; no CodeLens at all'),
    );
  }
  const texts = (await lenses.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
  for (const text of texts) console.log(`      lens: ${text}`);
  // The cost lens is short (tokens · $/call · $/mo; the rest is its tooltip) and ends inside the editor.
  const cost = lenses.filter({ hasText: 'tokens' }).first();
  const edges = await cost.evaluate((el) => {
    const parts = [...el.querySelectorAll('a, span')].map((part) => part.getBoundingClientRect().right);
    return {
      lens: Math.max(el.getBoundingClientRect().left, ...parts),
      editor: el.closest('.monaco-editor')!.getBoundingClientRect().right,
    };
  });
  const costText = (await cost.innerText()).split('|')[0]!.trim();
  if (costText.split(' · ').length > 3) throw new Error(`the cost lens is not short: ${costText}`);
  if (edges.lens > edges.editor)
    throw new Error(`the cost lens ends at x=${edges.lens}, past the editor's right edge at ${edges.editor}`);
  return `${texts.length} lens line(s); the cost lens ends at x=${Math.round(edges.lens)} of ${Math.round(edges.editor)}`;
}

main()
  .catch((error: unknown) => {
    if (tearingDown()) return;
    steps.push({ name: 'harness', ok: false, detail: String(error) });
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  })
  .then(async () => {
    await teardownAll();
    const failed = steps.filter((s) => !s.ok).length;
    console.log(`${steps.length - failed} passed, ${failed} failed`);
    process.exit(failed === 0 && steps.length > 0 ? 0 : 1);
  })
  // A teardown that throws must still fail the run (and say why) rather than end on an unhandled rejection.
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
