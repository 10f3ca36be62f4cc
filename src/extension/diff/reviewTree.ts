// The "Prompt Cost Changes" view: the total first, then every changed prompt file sorted by monthly change, each
// opening VS Code's diff editor; units and changed sections underneath; files that could not be compared last.
import * as vscode from 'vscode';
import type { FileDiff, SectionDiff, UncomparedFile, UnitDiff } from '../../core/diff';
import { signedPercent, signedTokens } from '../../core/diff';
import { fileTooltipMarkdown } from '../../core/diff/render/tooltip';
import { signedUsd, usd } from '../../core/present/money';
import { Disposable } from '../disposable';
import { OPEN_CHANGE_COMMAND, type OpenChangeArgs } from './openChange';
import { uriOf } from './repoPaths';
import type { RepositoryReview } from './reviewRepositories';

export type ReviewNode =
  | { kind: 'message'; text: string; detail?: string }
  | { kind: 'repository'; review: RepositoryReview }
  | { kind: 'total'; review: RepositoryReview }
  | { kind: 'file'; review: RepositoryReview; file: FileDiff }
  | { kind: 'unit'; file: FileDiff; unit: UnitDiff }
  | { kind: 'section'; section: SectionDiff }
  | { kind: 'uncompared'; review: RepositoryReview; file: UncomparedFile };

export class ReviewTree extends Disposable implements vscode.TreeDataProvider<ReviewNode> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;
  private roots: ReviewNode[] = [];
  private reviews: RepositoryReview[] = [];

  show(reviews: RepositoryReview[], messages: ReviewNode[] = []): void {
    this.reviews = reviews;
    const body =
      reviews.length === 1
        ? repositoryChildren(reviews[0]!)
        : reviews.map((review): ReviewNode => ({ kind: 'repository', review }));
    this.roots = [...body, ...messages];
    this.changed.fire();
  }

  showMessage(text: string, detail?: string): void {
    this.reviews = [];
    this.roots = [detail === undefined ? { kind: 'message', text } : { kind: 'message', text, detail }];
    this.changed.fire();
  }

  get hasResults(): boolean {
    return this.reviews.length > 0;
  }

  getChildren(node?: ReviewNode): ReviewNode[] {
    if (!node) return this.roots;
    switch (node.kind) {
      case 'repository':
        return repositoryChildren(node.review);
      case 'file':
        return unitNodes(node.file);
      case 'unit':
        return node.unit.sections.map((section): ReviewNode => ({ kind: 'section', section }));
      default:
        return [];
    }
  }

  getTreeItem(node: ReviewNode): vscode.TreeItem {
    return treeItem(node);
  }
}

function repositoryChildren(review: RepositoryReview): ReviewNode[] {
  const { report } = review;
  if (report.files.length === 0 && report.uncompared.length === 0) {
    return [
      {
        kind: 'message',
        text: 'No cost changes',
        detail: `${report.baseLabel} → ${report.headLabel}: no changed prompt or agent file prices differently`,
      },
    ];
  }
  return [
    { kind: 'total', review },
    ...report.files.map((file): ReviewNode => ({ kind: 'file', review, file })),
    ...report.uncompared.map((file): ReviewNode => ({ kind: 'uncompared', review, file })),
  ];
}

/** A one-unit file's sections hang directly under it; several units each get a node. */
function unitNodes(file: FileDiff): ReviewNode[] {
  if (file.units.length === 1)
    return file.units[0]!.sections.map((section): ReviewNode => ({ kind: 'section', section }));
  return file.units.map((unit): ReviewNode => ({ kind: 'unit', file, unit }));
}

export function treeItem(node: ReviewNode): vscode.TreeItem {
  switch (node.kind) {
    case 'message': {
      const item = new vscode.TreeItem(node.text);
      if (node.detail) item.description = node.detail;
      item.iconPath = new vscode.ThemeIcon('info');
      return item;
    }
    case 'repository': {
      const item = new vscode.TreeItem(
        vscode.workspace.asRelativePath(node.review.root, true) || node.review.root.fsPath,
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.description = totalText(node.review);
      item.iconPath = new vscode.ThemeIcon('repo');
      return item;
    }
    case 'total': {
      const { report } = node.review;
      const item = new vscode.TreeItem(`Total ${totalText(node.review)}`);
      // Files not compared (too large, binary, conflicts) are outside the total: said here, not counted as $0.
      const notCompared = report.uncompared.length > 0 ? ` · ${report.uncompared.length} not compared` : '';
      item.description = `${report.baseLabel} → ${report.headLabel} · ${report.totals.files} file${report.totals.files === 1 ? '' : 's'}${notCompared}`;
      item.tooltip = `${usd(report.totals.before.perMonth ?? 0)}/mo → ${usd(report.totals.after.perMonth ?? 0)}/mo over the changed files. Month = ${report.monthHours} hours.`;
      item.iconPath = new vscode.ThemeIcon('graph');
      return item;
    }
    case 'file': {
      const { file, review } = node;
      const expandable = file.units.length > 1 || file.units.some((u) => u.sections.length > 0);
      const item = new vscode.TreeItem(
        file.path,
        expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
      );
      item.resourceUri = uriOf(review.root, file.path);
      item.description = changeText(file.delta, file.before.inputTokens === 0, file.before.exact && file.after.exact);
      item.tooltip = fileTooltip(file);
      item.contextValue = `burnrate.costChange.${file.status}`;
      const args: OpenChangeArgs = {
        root: review.root.toString(),
        commit: review.commit,
        path: file.path,
        status: file.status,
        ...(file.basePath ? { basePath: file.basePath } : {}),
      };
      item.command = { command: OPEN_CHANGE_COMMAND, title: 'Open Changes', arguments: [args] };
      return item;
    }
    case 'unit': {
      const item = new vscode.TreeItem(
        `#${node.unit.name}`,
        node.unit.sections.length > 0
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.None,
      );
      item.description = `${node.unit.status === 'added' ? 'new · ' : node.unit.status === 'removed' ? 'removed · ' : ''}${changeText(node.unit.delta, !node.unit.before, (node.unit.before?.exact ?? true) && (node.unit.after?.exact ?? true))}`;
      item.iconPath = new vscode.ThemeIcon('symbol-method');
      return item;
    }
    case 'section': {
      const { section } = node;
      const item = new vscode.TreeItem(`§ ${section.title}`);
      const percent =
        section.delta.tokensPercent !== undefined
          ? ` (${signedPercent(section.delta.tokensPercent)})`
          : section.status === 'added'
            ? ' (new)'
            : '';
      item.description = `${signedTokens(section.delta.tokens, section.exact)} tokens${percent}${section.delta.perMonth !== undefined ? ` ≈ ${signedUsd(section.delta.perMonth)}/mo` : ''}`;
      return item;
    }
    case 'uncompared': {
      const item = new vscode.TreeItem(node.file.path);
      item.description = node.file.reason;
      item.tooltip = node.file.reason;
      item.resourceUri = uriOf(node.review.root, node.file.path);
      item.iconPath = new vscode.ThemeIcon(node.file.severity === 'error' ? 'error' : 'warning');
      return item;
    }
  }
}

function totalText(review: RepositoryReview): string {
  const { delta } = review.report.totals;
  return `${signedUsd(delta.perMonth ?? 0)}/mo${delta.costPercent !== undefined ? ` (${signedPercent(delta.costPercent)})` : ''}`;
}

function changeText(delta: FileDiff['delta'], isNew: boolean, exact: boolean): string {
  const money =
    delta.perMonth === undefined
      ? 'no price'
      : `${signedUsd(delta.perMonth)}/mo${delta.costPercent !== undefined ? ` (${signedPercent(delta.costPercent)})` : isNew ? ' (new)' : ''}`;
  return `${money} · ${signedTokens(delta.tokens, exact)} tokens`;
}

function fileTooltip(file: FileDiff): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(fileTooltipMarkdown(file));
  markdown.supportHtml = false;
  markdown.isTrusted = false; // no command links: every value in it comes from the repository
  return markdown;
}
