// The editor's price data: the bundled data, or data "Burnrate: Update Prices" fetched into the extension's global
// storage (read back at start-up — a local file; the network is reached only by that command). Data older than 60
// days gets one notice, remembered in global state per data date.
import * as path from 'path';
import * as vscode from 'vscode';
import { activePriceData } from '../core/pricing/catalog';
import { priceDataLine, staleNotice } from '../core/pricing/freshness';
import { applyPriceData, loadStoredPriceData, priceDataUrl, updateStoredPriceData } from '../core/pricing/priceDataStore';
import { Disposable } from './disposable';
import type { DocumentEstimates } from './documentEstimates';
import type { Log } from './log';

const NOTICE_KEY = 'burnrate.priceData.staleNoticeShownFor';

export class EditorPriceData extends Disposable {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly estimates: DocumentEstimates,
    private readonly log: Log,
  ) {
    super();
    const stored = this.dir === undefined ? undefined : loadStoredPriceData(this.dir);
    if (stored) {
      const applied = applyPriceData(stored);
      if (applied.ok) log.info(`prices: ${priceDataLine(applied.info)}`);
      else log.warn(applied.message);
    }
    void this.noticeOnce();
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
      this.log.warn(`prices update: ${result.message}`);
      void vscode.window.showErrorMessage(`Burnrate: ${result.message}`);
      return false;
    }
    const stored = loadStoredPriceData(dir);
    const applied = stored ? applyPriceData(stored) : { ok: false as const, message: 'the stored data could not be read back' };
    if (!applied.ok) {
      void vscode.window.showErrorMessage(`Burnrate: ${applied.message}`);
      return false;
    }
    this.log.info(`prices updated: ${priceDataLine(applied.info)}`);
    this.estimates.invalidateAll('price data updated');
    void vscode.window.showInformationMessage(`Burnrate: prices updated — ${priceDataLine(applied.info)}.`);
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
