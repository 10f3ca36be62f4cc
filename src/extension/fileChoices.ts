// Choices made with editor commands for files that have no frontmatter to write them into (JSON and YAML configs,
// plain text prompts): kept in this workspace's extension state, never in the user's files. They are the highest
// input layer, like a CLI flag.
import * as vscode from 'vscode';
import type { UsageDefaults } from '../core/usage/usageConfig';
import { Disposable } from './disposable';

const STATE_KEY = 'burnrate.fileChoices';

type Choices = Record<string, UsageDefaults>;

export class FileChoices extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    super();
  }

  get(uri: vscode.Uri): UsageDefaults | undefined {
    const choice = this.all()[uri.toString()];
    return choice && Object.keys(choice).length > 0 ? choice : undefined;
  }

  async set<K extends keyof UsageDefaults>(
    uri: vscode.Uri,
    key: K,
    value: UsageDefaults[K] | undefined,
  ): Promise<void> {
    const all = { ...this.all() };
    const choice: UsageDefaults = { ...all[uri.toString()] };
    if (value === undefined) delete choice[key];
    else choice[key] = value;
    if (Object.keys(choice).length > 0) all[uri.toString()] = choice;
    else delete all[uri.toString()];
    await this.state.update(STATE_KEY, all);
    this.changed.fire();
  }

  private all(): Choices {
    const stored = this.state.get<unknown>(STATE_KEY);
    return typeof stored === 'object' && stored !== null ? (stored as Choices) : {};
  }
}
