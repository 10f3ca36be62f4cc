import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixtureWorkspace } from './paths';

/** A scratch directory removed at teardown. */
export function makeTempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `burnrate-${label}-`));
}

/** Copies the fixture workspace (or `source`) into `parent` so tests may edit, create and delete files freely. */
export function copyFixtureWorkspace(parent: string, source = fixtureWorkspace): string {
  const target = path.join(parent, 'workspace');
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/**
 * A user-data-dir whose settings keep the trust dialog and the welcome page from covering the editor. `untrusted`
 * turns workspace trust on but never asks: the folder (trusted by no one) opens in Restricted Mode with no dialog.
 */
export function makeUserDataDir(parent: string, untrusted = false): string {
  const dir = path.join(parent, 'user-data');
  const trust = untrusted
    ? {
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'never',
      }
    : { 'security.workspace.trust.enabled': false };
  const settings = {
    ...trust,
    'workbench.startupEditor': 'none',
    // One row per folder, so a check can click its way down `.github` → `prompts` → a file.
    'explorer.compactFolders': false,
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
  };
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dir;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
