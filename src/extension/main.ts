// Placeholder activation until the editor shell lands; kept so the build and the integration harness have an entry.
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
