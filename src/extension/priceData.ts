// The editor's price data: the bundled data, or data "Burnrate: Update Prices" fetched into the extension's global
// storage (read back at start-up — a local file; the network is reached only by that command), or the file a
// folder's .burnrate.yaml pins with priceData: (inside the folder only; not read in Restricted Mode), reloaded when
// it or the usage file changes. The estimate worker loads what `sourceFor` names. Data older than 60 days gets one
// notice, remembered in global state per data date.
import * as path from 'path';
import * as vscode from 'vscode';
import { activePriceData, usePriceData } from '../core/pricing/catalog';
import { priceDataLine, staleNotice } from '../core/pricing/freshness';
import type { PriceDataInfo } from '../core/pricing/catalog';
import { pinnedPriceFile } from '../core/pricing/pinnedPriceFile';
import {
  applyPriceData,
  loadPinnedPriceData,
  loadStoredPriceData,
  priceDataUrl,
  updateStoredPriceData,
} from '../core/pricing/priceDataStore';
import { err, type Result } from '../core/result';
import { Disposable } from './disposable';
import type { DocumentEstimates } from './documentEstimates';
import type { Log } from './log';
import type { UsageFiles } from './usageFileWatcher';
import type { PriceDataSource } from './worker/protocol';

const NOTICE_KEY = 'burnrate.priceData.staleNoticeShownFor';

export class EditorPriceData extends Disposable {
  private version = 1;
  private storedOk = false;
  /** Per pinned file: the version it was checked at and whether it passed, so each change is checked (and said) once. */
  private readonly checked = new Map<string, { version: number; ok: boolean }>();
  private readonly watchers = new Map<string, vscode.Disposable>();
  private untrustedSaid = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly estimates: DocumentEstimates,
    private readonly usage: UsageFiles,
    private readonly log: Log,
  ) {
    super();
    const stored = this.dir === undefined ? undefined : loadStoredPriceData(this.dir);
    if (stored) {
      const applied = applyPriceData(stored);
      this.storedOk = applied.ok;
      if (applied.ok) log.info(`prices: ${priceDataLine(applied.value)}`);
      else log.warn(applied.error);
    }
    this.register({ dispose: () => this.watchers.forEach((w) => w.dispose()) });
    estimates.usePriceDataFrom((folder) => this.sourceFor(folder));
    void this.noticeOnce();
  }

  /** What a folder's estimates price with: its pinned file when it is one that passed the check, else stored data. */
  sourceFor(folder: vscode.WorkspaceFolder | undefined): PriceDataSource | undefined {
    const pinned = this.pinnedFor(folder);
    if (pinned) return { kind: 'pinned', ...pinned, version: this.version };
    const dir = this.dir;
    return this.storedOk && dir !== undefined ? { kind: 'stored', dir, version: this.version } : undefined;
  }

  private pinnedFor(folder: vscode.WorkspaceFolder | undefined): { file: string; shownAs: string } | undefined {
    const pinned = this.usage.configFor(folder).priceData;
    if (!pinned || !folder || folder.uri.scheme !== 'file') return undefined;
    const shownAs = `priceData: ${pinned.path}`;
    if (!vscode.workspace.isTrusted) {
      if (!this.untrustedSaid)
        this.log.info(
          `${shownAs} in .burnrate.yaml is not read in Restricted Mode (a workspace you have not trusted does not choose prices); the ${this.storedOk ? 'updated' : 'bundled'} data is in use`,
        );
      this.untrustedSaid = true;
      return undefined;
    }
    const file = pinnedPriceFile(folder.uri.fsPath, pinned.path, folder.uri.fsPath);
    if (!file) {
      this.checkOnce(`${folder.uri.fsPath}:${pinned.path}`, () =>
        err(`${shownAs} is not a file inside the workspace folder`),
      );
      return undefined;
    }
    this.watch(folder, file);
    const ok = this.checkOnce(file, () => {
      const checked = applyPriceData(loadPinnedPriceData(file, pinned.path));
      // Checking a folder's pinned file goes through the one catalog the host has; the host itself (other folders, the
      // simulation panel) keeps pricing with the stored or bundled data. Only the worker prices with the pinned file.
      this.useHostData();
      return checked;
    });
    return ok ? { file, shownAs: pinned.path } : undefined;
  }

  private useHostData(): void {
    const stored = this.storedOk && this.dir !== undefined ? loadStoredPriceData(this.dir) : undefined;
    if (!stored || !applyPriceData(stored).ok) usePriceData();
  }

  /** Checks a pinned file once per version, logging the outcome; a failure says which data is in use instead. */
  private checkOnce(key: string, check: () => Result<PriceDataInfo>): boolean {
    const seen = this.checked.get(key);
    if (seen?.version === this.version) return seen.ok;
    const result = check();
    if (result.ok) this.log.info(`prices: ${priceDataLine(result.value)}`);
    else this.log.warn(`${result.error} — using the ${this.storedOk ? 'updated' : 'bundled'} data`);
    this.checked.set(key, { version: this.version, ok: result.ok });
    return result.ok;
  }

  private watch(folder: vscode.WorkspaceFolder, file: string): void {
    if (this.watchers.has(file)) return;
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(folder, path.relative(folder.uri.fsPath, file).split(path.sep).join('/')),
    );
    const changed = () => this.changed('pinned price data changed');
    this.watchers.set(
      file,
      vscode.Disposable.from(
        watcher,
        watcher.onDidChange(changed),
        watcher.onDidCreate(changed),
        watcher.onDidDelete(changed),
      ),
    );
  }

  private changed(why: string): void {
    this.version++;
    this.estimates.invalidateAll(why);
  }

  // Undefined only where the host gives no global storage (a stand-in in tests).
  private get dir(): string | undefined {
    const folder = this.context.globalStorageUri?.fsPath;
    return typeof folder === 'string' ? path.join(folder, 'prices') : undefined;
  }

  /** Fetch the newest data genai-prices publishes; on success price with it everywhere. */
  async update(): Promise<boolean> {
    const dir = this.dir;
    if (dir === undefined) {
      void vscode.window.showErrorMessage('Burnrate: no global storage to keep price data in');
      return false;
    }
    const url = priceDataUrl();
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Burnrate: fetching price data from ${url}` },
      () => updateStoredPriceData(dir, url),
    );
    if (!result.ok) {
      this.log.warn(`prices update: ${result.error}`);
      void vscode.window.showErrorMessage(`Burnrate: ${result.error}`);
      return false;
    }
    const stored = loadStoredPriceData(dir);
    const applied = stored ? applyPriceData(stored) : err('the stored data could not be read back');
    if (!applied.ok) {
      void vscode.window.showErrorMessage(`Burnrate: ${applied.error}`);
      return false;
    }
    this.log.info(`prices updated: ${priceDataLine(applied.value)}`);
    this.storedOk = true;
    this.changed('price data updated');
    void vscode.window.showInformationMessage(`Burnrate: prices updated — ${priceDataLine(applied.value)}.`);
    return true;
  }

  private async noticeOnce(): Promise<void> {
    const info = activePriceData();
    const notice = staleNotice(info);
    const key = `${info.kind}:${info.asOf}`;
    const state = this.context.globalState as vscode.Memento | undefined;
    if (!notice || !state || state.get<string>(NOTICE_KEY) === key) return;
    await state.update(NOTICE_KEY, key);
    this.log.info(notice);
    const choice = await vscode.window.showInformationMessage(`Burnrate: ${notice}`, 'Update Prices');
    if (choice === 'Update Prices') await vscode.commands.executeCommand('burnrate.updatePrices');
  }
}
