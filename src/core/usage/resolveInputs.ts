// Where each estimate input comes from, highest first: a CLI flag or editor command, the file's own `burnrate:`
// frontmatter, the format's own field (`model:`), the usage file's per-glob overrides (later entries win), its
// defaults, the editor settings, and finally the built-in defaults. Every value carries its source for "why".
import { matchGlob } from '../glob';
import type { CostUnit, ParsedFile } from '../types';
import { BUILTIN_DEFAULTS, USAGE_FILE_NAME, type UsageConfig, type UsageDefaults } from './usageConfig';

export type InputSource = 'flag' | 'file' | 'format' | 'usage-glob' | 'usage-default' | 'settings' | 'default';

export interface Sourced<T> {
  value: T;
  source: InputSource;
  /**
   * Human-readable origin and what happened to the value since: "--model option", "burnrate.callsPerDay in this
   * file's frontmatter", ".burnrate.yaml line 7 (files: prompts/**), capped at the declared limit of 800".
   */
  detail: string;
  /** Present when the flag layer set the value, so a shell whose flags are something else words the origin itself. */
  flag?: FlagOrigin;
}

/** Which input the flag layer set, and the notes `detail` adds after the flag's name, in order. */
export interface FlagOrigin {
  key: keyof UsageDefaults;
  notes: string[];
}

export interface InputLayers {
  /** CLI flags or an editor command's choice. */
  flags?: UsageDefaults;
  usage: UsageConfig;
  /** Editor settings (`burnrate.defaults.*`); empty in the CLI. */
  settings?: UsageDefaults;
  /** Workspace-relative path with `/` separators, for the usage file's globs. */
  relativePath: string;
}

type Key = keyof UsageDefaults;

/** The value changed for a reason (a cap): `note` is added to the detail, and to a flag origin's notes. */
export function noted<T>(sourced: Sourced<T>, value: T, note: string): Sourced<T> {
  const next: Sourced<T> = { ...sourced, value, detail: `${sourced.detail}, ${note}` };
  if (sourced.flag) next.flag = { key: sourced.flag.key, notes: [...sourced.flag.notes, note] };
  return next;
}

const FLAG_NAMES: Record<Key, string> = {
  model: '--model',
  callsPerDay: '--calls-per-day',
  outputTokens: '--output-tokens',
  turns: '--turns',
  userTokensPerTurn: '--user-tokens-per-turn',
  toolResultTokens: '--tool-result-tokens',
  serviceTier: '--service-tier',
  placeholderTokens: '--placeholder-tokens',
};

export function sourced<K extends Key>(
  key: K,
  file: ParsedFile,
  unit: CostUnit,
  layers: InputLayers,
): Sourced<NonNullable<UsageDefaults[K]>> {
  const flag = layers.flags?.[key];
  if (flag !== undefined)
    return {
      value: flag as NonNullable<UsageDefaults[K]>,
      source: 'flag',
      detail: `${FLAG_NAMES[key]} option`,
      flag: { key, notes: [] },
    };

  const own = (unit.usageHints as UsageDefaults | undefined)?.[key];
  if (own !== undefined) {
    const line = unit.usageHints?.line;
    return {
      value: own as NonNullable<UsageDefaults[K]>,
      source: 'file',
      detail: `burnrate comment${line !== undefined ? ` on line ${line + 1}` : ''}`,
    };
  }
  const hints = file.usageHints as UsageDefaults | undefined;
  const fromFile = hints?.[key];
  if (fromFile !== undefined) {
    return {
      value: fromFile as NonNullable<UsageDefaults[K]>,
      source: 'file',
      detail: `burnrate.${key} in this file's frontmatter`,
    };
  }

  if (key === 'model' && unit.model) {
    const declared = unit.model.value;
    const value = (Array.isArray(declared) ? declared[0] : declared) as NonNullable<UsageDefaults[K]> | undefined;
    if (value !== undefined) {
      return {
        value,
        source: 'format',
        detail: `${unit.model.field} in this file${unit.model.line !== undefined ? ` (line ${unit.model.line + 1})` : ''}`,
      };
    }
  }

  for (let i = layers.usage.overrides.length - 1; i >= 0; i--) {
    const override = layers.usage.overrides[i]!;
    const value = override[key];
    if (value !== undefined && matchGlob(override.files, layers.relativePath)) {
      const where = override.line !== undefined ? ` line ${override.line + 1}` : '';
      return {
        value: value as NonNullable<UsageDefaults[K]>,
        source: 'usage-glob',
        detail: `${USAGE_FILE_NAME}${where} (files: ${override.files})`,
      };
    }
  }

  // A format's own default (promptfoo: eval runs a day) beats the usage file's defaults, which are meant for traffic.
  if (key === 'callsPerDay' && unit.defaultCallsPerDay) {
    const { value, field } = unit.defaultCallsPerDay;
    return {
      value: value as NonNullable<UsageDefaults[K]>,
      source: 'format',
      detail: `${field} — set it with a files: entry in ${USAGE_FILE_NAME}`,
    };
  }

  const usageDefault = layers.usage.defaults[key];
  if (usageDefault !== undefined) {
    return {
      value: usageDefault as NonNullable<UsageDefaults[K]>,
      source: 'usage-default',
      detail: `defaults.${key} in ${USAGE_FILE_NAME}`,
    };
  }
  const setting = layers.settings?.[key];
  if (setting !== undefined)
    return {
      value: setting as NonNullable<UsageDefaults[K]>,
      source: 'settings',
      detail: `burnrate.defaults.${key} setting`,
    };

  return {
    value: BUILTIN_DEFAULTS[key] as NonNullable<UsageDefaults[K]>,
    source: 'default',
    detail: `built-in default — set defaults.${key} in ${USAGE_FILE_NAME}`,
  };
}

/**
 * True when no file, usage file or flag named the model: it is the built-in default or the editor's default setting,
 * an assumption every surface marks.
 */
export function isAssumedModel(model: Sourced<unknown>): boolean {
  return model.source === 'default' || model.source === 'settings';
}
