// "+312 tokens (+18%) vs HEAD · +$0.0009/call · +$1,404/mo" at the top of a changed prompt file, one lens per changed
// unit of multi-unit files and per changed section. Follows typing (debounced), commits and staging.
import * as vscode from 'vscode';
import { fileLensTitle, sectionLensTitle, unitLensTitle, type FileDiff } from '../../core/diff';
import { Config } from '../config';
import { Disposable } from '../disposable';
import type { DocumentEstimates } from '../documentEstimates';
import { guarded, type Log } from '../log';
import { diffDocument, type DocumentDiff } from './documentDiff';
import type { DiffServices } from './diffInputs';
import { gitAccess } from './gitAccess';
import type { GitApi } from './gitApi';
import { HeadVersions } from './headVersions';
import { OPEN_CHANGE_COMMAND, type OpenChangeArgs } from './openChange';

const TYPING_DEBOUNCE_MS = 250;
const BASE = 'HEAD';

export class DeltaLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly heads = new HeadVersions();
  private api: GitApi | undefined;
  private readonly watched = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly services: DiffServices & { estimates: DocumentEstimates },
    private readonly log: Log,
  ) {
    super();
    this.register(services.estimates.onDidInvalidate(() => this.changed.fire()));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && services.estimates.isPromptDocument(event.document)) this.refreshSoon();
    }));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (Config.affects(event, 'lenses.enabled', 'lenses.sections')) this.changed.fire();
    }));
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    return guarded(this.log, `cost diff lenses for ${document.uri.fsPath}`, [], async () => {
      const config = new Config(document.uri);
      // Restricted Mode: no git at all, not even through the git extension.
      if (!config.lensesEnabled || !vscode.workspace.isTrusted || !this.services.estimates.isPromptDocument(document)) return [];
      const api = await this.gitApi();
      if (!api || token.isCancellationRequested) return [];
      const diff = await diffDocument(api, this.heads, this.services, document);
      if (!diff || token.isCancellationRequested) return [];
      return lensesFor(diff, document, config.sectionLenses);
    });
  }

  private async gitApi(): Promise<GitApi | undefined> {
    if (!this.api) {
      const access = await gitAccess();
      if (!access.ok) return undefined;
      this.api = access.api;
      const watch = (repository: { rootUri: vscode.Uri; state: { onDidChange: vscode.Event<void> } }) => {
        const key = repository.rootUri.toString();
        if (this.watched.has(key)) return;
        this.watched.add(key);
        this.register(repository.state.onDidChange(() => this.refreshSoon()));
      };
      access.api.repositories.forEach(watch);
      this.register(access.api.onDidOpenRepository((repository) => {
        watch(repository);
        this.changed.fire();
      }));
    }
    return this.api;
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), TYPING_DEBOUNCE_MS);
  }
}

function lensesFor(diff: DocumentDiff, document: vscode.TextDocument, sections: boolean): vscode.CodeLens[] {
  const lastLine = Math.max(0, document.lineCount - 1);
  const at = (line: number, title: string, command = '', args?: unknown[]) =>
    new vscode.CodeLens(new vscode.Range(Math.min(line, lastLine), 0, Math.min(line, lastLine), 0), { title, command, ...(args ? { arguments: args } : {}) });
  const open: OpenChangeArgs = { root: diff.repository.rootUri.toString(), commit: diff.commit, path: diff.path, ...(diff.basePath ? { basePath: diff.basePath } : {}) };
  const { comparison } = diff;
  if (comparison.kind === 'uncompared') return [at(0, `vs ${BASE}: ${comparison.file.reason}`)];
  if (comparison.kind === 'unchanged') {
    return diff.identical ? [] : [at(0, `±0 tokens vs ${BASE} · no cost change`, OPEN_CHANGE_COMMAND, [{ ...open, status: 'modified' }])];
  }
  if (comparison.kind !== 'diff') return [];
  const file: FileDiff = comparison.diff;
  const result = [at(0, fileLensTitle(file, BASE), OPEN_CHANGE_COMMAND, [{ ...open, status: file.status }])];
  const multiUnit = file.units.length > 1 || file.units.some((u) => u.range.startLine > 0);
  for (const unit of file.units) {
    if (unit.status === 'removed') continue; // it has no line in this editor; the file lens counts it
    if (multiUnit) result.push(at(unit.range.startLine, unitLensTitle(unit, BASE)));
    if (sections) for (const section of unit.sections) if (section.status !== 'removed') result.push(at(section.range.startLine, sectionLensTitle(section, BASE)));
  }
  return result;
}
