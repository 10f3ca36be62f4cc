// Every `burnrate.*` setting, read through one typed class. SETTINGS is the single list of keys and defaults; an
// integration test holds package.json's `contributes.configuration` to it.
import * as vscode from 'vscode';
import { DEFAULT_MAX_BYTES } from '../core/formats/decode';
import { readSettingsPrices } from '../core/estimate/settingsPrices';
import type { PriceOverride } from '../core/pricing/overrides';
import { readRuntimeOverrides, type RuntimeOverrides } from '../core/runtimes/overrides';
import { BUILTIN_DEFAULTS, type UsageDefaults } from '../core/usage/usageConfig';

export const SECTION = 'burnrate';

export const SETTINGS = {
  'defaults.model': { type: 'string', default: BUILTIN_DEFAULTS.model },
  'defaults.callsPerDay': { type: 'number', default: BUILTIN_DEFAULTS.callsPerDay },
  'defaults.outputTokens': { type: 'number', default: BUILTIN_DEFAULTS.outputTokens },
  'lenses.enabled': { type: 'boolean', default: true },
  'lenses.sections': { type: 'boolean', default: true },
  'statusBar.runtimeOverhead': { type: 'boolean', default: true },
  'files.extraGlobs': { type: 'array', default: [] as string[] },
  'files.maxSizeBytes': { type: 'number', default: DEFAULT_MAX_BYTES },
  'prices.overrides': { type: 'array', default: [] as unknown[] },
  runtimes: { type: 'object', default: {} as Record<string, unknown> },
  'history.markIncreaseAbovePercent': { type: 'number', default: 20 },
} as const;

export type SettingKey = keyof typeof SETTINGS;

export class Config {
  private readonly section: vscode.WorkspaceConfiguration;

  /** `scope`: the document whose settings apply (multi-root workspaces may differ per folder). */
  constructor(scope?: vscode.Uri) {
    this.section = vscode.workspace.getConfiguration(SECTION, scope);
  }

  static affects(event: vscode.ConfigurationChangeEvent, ...keys: SettingKey[]): boolean {
    return keys.length === 0
      ? event.affectsConfiguration(SECTION)
      : keys.some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
  }

  get lensesEnabled(): boolean {
    return this.section.get<boolean>('lenses.enabled', SETTINGS['lenses.enabled'].default) !== false;
  }

  get sectionLenses(): boolean {
    return this.section.get<boolean>('lenses.sections', SETTINGS['lenses.sections'].default) !== false;
  }

  get runtimeOverheadInStatusBar(): boolean {
    return (
      this.section.get<boolean>('statusBar.runtimeOverhead', SETTINGS['statusBar.runtimeOverhead'].default) !== false
    );
  }

  get extraGlobs(): string[] {
    const globs = this.section.get<unknown>('files.extraGlobs');
    return Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string' && g.trim().length > 0) : [];
  }

  /** The cost history marks a step that raised $/month by more than this share (percent). */
  get historyMarkPercent(): number {
    const value = this.section.get<unknown>('history.markIncreaseAbovePercent');
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
      ? value
      : SETTINGS['history.markIncreaseAbovePercent'].default;
  }

  get maxSizeBytes(): number {
    const value = this.section.get<unknown>('files.maxSizeBytes');
    return typeof value === 'number' && Number.isFinite(value) && value > 0
      ? value
      : SETTINGS['files.maxSizeBytes'].default;
  }

  /**
   * Only values the user set: package.json's defaults equal the engine's built-ins, and passing them on would make
   * every breakdown say "from the burnrate.defaults setting" when nobody set anything.
   */
  get usageDefaults(): UsageDefaults {
    const defaults: UsageDefaults = {};
    const model = this.explicit('defaults.model');
    if (typeof model === 'string' && model.trim()) defaults.model = model.trim();
    const calls = this.explicit('defaults.callsPerDay');
    if (isCount(calls)) defaults.callsPerDay = calls;
    const output = this.explicit('defaults.outputTokens');
    if (isCount(output)) defaults.outputTokens = output;
    return defaults;
  }

  get priceOverrides(): { prices: PriceOverride[]; problems: string[] } {
    return readSettingsPrices(this.section.get<unknown>('prices.overrides'));
  }

  /** `burnrate.runtimes`: the same shape as `runtimes:` in .burnrate.yaml, which beats it. */
  get runtimeOverrides(): { overrides: RuntimeOverrides; problems: string[] } {
    const value = this.explicit('runtimes');
    return value === undefined
      ? { overrides: { byRuntime: {}, origin: 'burnrate.runtimes setting' }, problems: [] }
      : readRuntimeOverrides(value, 'burnrate.runtimes setting');
  }

  private explicit(key: SettingKey): unknown {
    const inspected = this.section.inspect<unknown>(key);
    return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
