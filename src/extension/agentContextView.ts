// The Agent Context view: per runtime the workspace uses, what every request carries and what loads sometimes, as in
// `burnrate context`. Each row with a file opens it.
import * as vscode from 'vscode';
import type { ContextItem, RuntimeContext } from '../core/runtimes/context';
import { kindLabel, perRequestText, tokensText } from '../core/present/contextText';
import { usd } from '../core/present/money';
import type { AgentContexts } from './agentContexts';
import { Disposable } from './disposable';

type Node =
  { runtime: RuntimeContext; folder: vscode.WorkspaceFolder } | { item: ContextItem; folder: vscode.WorkspaceFolder };

export class AgentContextView extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly contexts: AgentContexts) {
    super();
    this.register(contexts.onDidChange(() => this.changed.fire()));
    this.register(contexts.onDidBuild(() => this.changed.fire()));
    this.register(vscode.window.registerTreeDataProvider('burnrate.agentContext', this));
  }

  /** Every runtime of every folder, as the view shows them (for tests and the status bar). */
  runtimes(): RuntimeContext[] {
    return (vscode.workspace.workspaceFolders ?? []).flatMap(
      (folder) => this.contexts.contextFor(folder)?.runtimes ?? [],
    );
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) =>
        (this.contexts.contextFor(folder)?.runtimes ?? []).map((runtime) => ({ runtime, folder })),
      );
    }
    return 'runtime' in node ? node.runtime.items.map((item) => ({ item, folder: node.folder })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('runtime' in node) {
      const r = node.runtime;
      const item = new vscode.TreeItem(r.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = perRequestText(r);
      item.tooltip = `${r.name} on ${r.pricing.ok ? r.pricing.rates.modelId : r.model.value} (${r.model.detail}); ${r.why}`;
      item.id = `${node.folder.uri.toString()}#${r.id}`;
      item.contextValue = 'runtime';
      return item;
    }
    const i = node.item;
    const item = new vscode.TreeItem(i.label, vscode.TreeItemCollapsibleState.None);
    const perUse = i.session?.cost.costUsd ?? i.perUseUsd;
    item.description = `${kindLabel(i.kind)} · ${tokensText(i.inputTokens, i.exact, i.band)}${perUse !== undefined ? ` · ≈${usd(perUse)}${i.session ? '/session' : ''}` : ''}`;
    item.tooltip = [
      i.rule,
      i.imports?.length ? `imports ${i.imports.join(', ')}` : '',
      i.source ? `${i.basis}: ${i.source}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    if (i.path) {
      const uri = vscode.Uri.joinPath(node.folder.uri, i.path);
      item.resourceUri = uri;
      item.command = { title: 'Open', command: 'vscode.open', arguments: [uri] };
    }
    return item;
  }
}
