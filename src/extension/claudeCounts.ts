// "Burnrate: Check Claude Counts": the workspace's Claude-priced texts sent to Anthropic's free count_tokens endpoint
// with the user's key (kept only in SecretStorage), through the same core code as `burnrate calibrate --claude`. The
// counts are kept by content hash in the extension's global storage; the estimate worker reads that file, so those
// texts show exact from then on. Opt-in (the command, then a modal that says what goes where), refused in Restricted
// Mode, and the address comes only from the process environment, never from a workspace setting.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  anthropicBaseUrl,
  anthropicMessageCounter,
  countTokensUrl,
  type MessageCounter,
} from '../core/calibrate/anthropicCountTokens';
import {
  calibrateClaude,
  DEFAULT_MAX_REQUESTS,
  type Calibration,
  type ClaudeText,
} from '../core/calibrate/calibrateClaude';
import { claudeTextsOf } from '../core/calibrate/claudeTexts';
import { exactCountKey } from '../core/calibrate/exactCounts';
import { checkReadable } from '../core/files/readableFile';
import { isPromptPath } from '../core/formats';
import { EXACT_COUNTS_FILE, readExactCountsFile, writeExactCountsFile } from '../host/exactCountsFile';
import { nodeFileProbe } from '../host/fileProbe';
import { Config } from './config';
import { Disposable } from './disposable';
import { relativePathOf } from './documentEstimates';
import type { FileChoices } from './fileChoices';
import type { Log } from './log';
import type { UsageFiles } from './usageFileWatcher';
import type { ExactCountsSource } from './worker/protocol';

const KEY_SECRET = 'burnrate.anthropicApiKey';
const MAX_FILES = 2000;
const EXCLUDE = '**/{node_modules,.git,out,dist}/**';
export const UNTRUSTED_CHECK =
  'Check Claude Counts is off in Restricted Mode: it sends workspace texts to Anthropic with your API key, and a workspace you have not trusted must not be able to cause that. Trust the workspace to use it.';

/** Arguments for tests and automation; without them the command asks (key input box, modal confirm). */
export interface CheckArgs {
  apiKey?: string;
  /** Skip the modal confirm (the caller has said what is sent). */
  confirmed?: boolean;
}

export type CheckResult =
  | { refused: 'untrusted' | 'no-storage' | 'nothing-to-check' | 'cancelled' }
  | (Calibration & { cacheFile: string; texts: number });

export class ClaudeCounts extends Disposable {
  private version = 0;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** The counts file changed: every estimate may now have more exact texts. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly usage: UsageFiles,
    private readonly choices: FileChoices,
    private readonly log: Log,
  ) {
    super();
    const file = this.file;
    if (file !== undefined && fs.existsSync(file)) this.version = 1;
  }

  private get file(): string | undefined {
    const folder = this.context.globalStorageUri?.fsPath;
    return typeof folder === 'string' ? path.join(folder, EXACT_COUNTS_FILE) : undefined;
  }

  /** What the estimate worker reads exact counts from; undefined until a check stored some. */
  source(): ExactCountsSource | undefined {
    const file = this.file;
    return file !== undefined && this.version > 0 ? { file, version: this.version } : undefined;
  }

  async check(args: CheckArgs = {}): Promise<CheckResult> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(`Burnrate: ${UNTRUSTED_CHECK}`);
      return { refused: 'untrusted' };
    }
    const file = this.file;
    if (file === undefined) {
      void vscode.window.showErrorMessage('Burnrate: no global storage to keep the counts in');
      return { refused: 'no-storage' };
    }
    await this.usage.ready;
    const texts = await this.workspaceTexts();
    const cache = readExactCountsFile(file);
    if (cache.problem) this.log.warn(cache.problem);
    const toSend = new Map<string, ClaudeText>();
    for (const t of texts)
      if (t.text.length > 0 && !cache.counts.has(exactCountKey(t.family, t.text)))
        toSend.set(exactCountKey(t.family, t.text), t);
    if (texts.length === 0) {
      void vscode.window.showInformationMessage(
        'Burnrate: no text in this workspace is priced on a Claude model; nothing to check.',
      );
      return { refused: 'nothing-to-check' };
    }
    const url = countTokensUrl(anthropicBaseUrl());
    if (toSend.size > 0) {
      const stored = await this.context.secrets.get(KEY_SECRET);
      const apiKey = args.apiKey?.trim() || stored || (await askForKey());
      if (!apiKey) return { refused: 'cancelled' };
      if (args.confirmed !== true && !(await confirmSending([...toSend.values()], url, file)))
        return { refused: 'cancelled' };
      if (apiKey !== stored) await this.context.secrets.store(KEY_SECRET, apiKey);
      return this.send(
        texts,
        anthropicMessageCounter({ apiKey, baseUrl: anthropicBaseUrl() }),
        cache.counts,
        file,
        toSend.size,
      );
    }
    // Every text is in the cache: nothing is sent (no key needed), the factor is fitted from the stored counts.
    return this.send(texts, () => Promise.reject(new Error('nothing to send')), cache.counts, file, 0);
  }

  /** Forget the key (SecretStorage), the stored counts, or both; without `what` the user picks. */
  async forget(what?: unknown): Promise<{ key: boolean; counts: boolean } | undefined> {
    const choice = what === 'key' || what === 'counts' || what === 'both' ? what : await pickWhatToForget();
    if (!choice) return undefined;
    const done = { key: false, counts: false };
    if (choice !== 'counts') {
      done.key = (await this.context.secrets.get(KEY_SECRET)) !== undefined;
      await this.context.secrets.delete(KEY_SECRET);
    }
    const file = this.file;
    if (choice !== 'key' && file !== undefined && fs.existsSync(file)) {
      fs.rmSync(file, { force: true });
      done.counts = true;
      this.version = 0;
      this.changed.fire();
    }
    return done;
  }

  private async send(
    texts: ClaudeText[],
    inner: MessageCounter,
    counts: Map<string, number>,
    file: string,
    pending: number,
  ): Promise<CheckResult> {
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'Burnrate: counting Claude tokens with count_tokens',
        cancellable: true,
      },
      (progress, token) => {
        let sent = 0;
        const counter: MessageCounter = async (model, text) => {
          if (token.isCancellationRequested) throw new Error('cancelled by the user');
          const tokens = await inner(model, text);
          sent++;
          progress.report({ message: `${sent} request(s) answered`, increment: pending > 0 ? 100 / (pending + 1) : 0 });
          return tokens;
        };
        return calibrateClaude(texts, counter, counts, DEFAULT_MAX_REQUESTS);
      },
    );
    if (result.requested > 0) {
      writeExactCountsFile(file, counts);
      this.version++;
      this.changed.fire();
    }
    const fits = result.fits.map(
      (f) => `${f.family} ×${f.factor.toFixed(3)} of o200k over ${f.texts} text${f.texts === 1 ? '' : 's'}`,
    );
    const summary = `${result.requested} request(s) sent, ${result.fromCache} text(s) from the cache. Factor fitted from the exact counts: ${fits.join('; ') || 'none'}.`;
    this.log.info(
      `check Claude counts: ${summary}${result.leftOver > 0 ? ` ${result.leftOver} text(s) left for the next run.` : ''}`,
    );
    if (result.stopped) {
      this.log.warn(`check Claude counts stopped: ${result.stopped}`);
      void vscode.window
        .showErrorMessage(`Burnrate: count_tokens stopped — ${result.stopped}. ${summary}`, 'Forget Key')
        .then((choice) => {
          if (choice === 'Forget Key') void this.forget('key');
        });
    } else {
      const more =
        result.leftOver > 0 ? ` ${result.leftOver} text(s) not counted yet: run the command again to continue.` : '';
      void vscode.window.showInformationMessage(`Burnrate: Claude counts checked — ${summary}${more}`);
    }
    return { ...result, cacheFile: file, texts: texts.length };
  }

  /** Every Claude-priced text of the workspace's prompt files, as the editor estimates them (unsaved edits included). */
  private async workspaceTexts(): Promise<ClaudeText[]> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const roots = folders.map((f) => f.uri.fsPath);
    const texts: ClaudeText[] = [];
    for (const folder of folders) {
      const config = new Config(folder.uri);
      const found = await vscode.workspace.findFiles(
        new vscode.RelativePattern(folder, '**/*'),
        EXCLUDE,
        MAX_FILES * 10,
      );
      const files = found.filter((uri) => isPromptPath(relativePathOf(uri), config.extraGlobs)).slice(0, MAX_FILES);
      for (const uri of files) {
        const relativePath = relativePathOf(uri);
        const source = readText(uri, roots, config.maxSizeBytes);
        if (source === undefined) continue;
        const flags = this.choices.get(uri);
        texts.push(
          ...claudeTextsOf(relativePath, source, {
            relativePath,
            usage: this.usage.configFor(folder),
            settings: config.usageDefaults,
            settingsPrices: config.priceOverrides.prices,
            maxBytes: config.maxSizeBytes,
            extraGlobs: config.extraGlobs,
            ...(flags ? { flags } : {}),
          }),
        );
      }
    }
    return texts;
  }
}

function readText(uri: vscode.Uri, roots: string[], maxBytes: number): Uint8Array | string | undefined {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  if (!checkReadable(nodeFileProbe, uri.fsPath, roots).ok) return undefined;
  try {
    if (fs.statSync(uri.fsPath).size > maxBytes) return undefined;
    return fs.readFileSync(uri.fsPath);
  } catch {
    return undefined;
  }
}

async function askForKey(): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title: 'Burnrate: Anthropic API key for count_tokens',
    prompt:
      'Kept in VS Code\'s SecretStorage only (never in settings or a file); "Burnrate: Forget Anthropic Key or Claude Counts" removes it.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() ? undefined : 'the key is needed to call count_tokens'),
  });
  return typed?.trim() || undefined;
}

async function confirmSending(texts: ClaudeText[], url: string, file: string): Promise<boolean> {
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t.text), 0);
  const models = [...new Set(texts.map((t) => t.model))].join(', ');
  const requests = Math.min(DEFAULT_MAX_REQUESTS, texts.length + new Set(texts.map((t) => t.model)).size);
  const detail = [
    `What is sent: ${texts.length} text(s) from this workspace's prompt and agent files, ${(bytes / 1024).toFixed(1)} KB in all, each as one user message with the model it is priced on (${models}), plus one "." per model to measure the message framing.`,
    `Where: POST ${url}, with your Anthropic API key in the x-api-key header. The endpoint is free and generates nothing. At most ${requests} request(s) this run.`,
    `Kept: the counts by content hash (no text) in ${file}.`,
  ].join('\n\n');
  const choice = await vscode.window.showWarningMessage(
    `Send ${texts.length} text(s) to Anthropic to count their tokens?`,
    { modal: true, detail },
    'Send',
  );
  return choice === 'Send';
}

async function pickWhatToForget(): Promise<'key' | 'counts' | 'both' | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'The Anthropic API key', value: 'key' as const },
      { label: 'The stored Claude counts', value: 'counts' as const },
      { label: 'Both', value: 'both' as const },
    ],
    { title: 'Burnrate: forget' },
  );
  return picked?.value;
}
