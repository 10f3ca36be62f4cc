// Semantic Kernel prompt folders: `skprompt.txt` (the template, sent as the prompt) and `config.json` beside it
// (`execution_settings`: per service, or `default`, a `model_id` and `max_tokens`; older files: `completion`).
import type { CostUnit, ParsedFile, Problem } from '../types';
import { decodeText } from './decode';
import type { FormatInput, FormatOutcome } from './parser';
import { baseName } from './paths';
import type { CompanionReader } from './registry/spec';
import { isDict, nonEmptyString, type Dict } from './values';

export function parseSkPrompt(input: FormatInput): FormatOutcome {
  const { lines, path } = input;
  const problems: Problem[] = [];
  const body = lines.trimmedBlock(0, lines.lastLine);
  if (!body) problems.push({ severity: 'info', message: 'the template is empty: this prompt sends no text' });
  if (/\{\{\s*\$\w+/.test(lines.text)) {
    problems.push({
      severity: 'info',
      message: 'template variables ({{$name}}) are filled at run time; their values are not counted',
    });
  }
  const unit: CostUnit = {
    name: skFunctionName(path),
    kind: 'call',
    loading: 'one-call',
    range: lines.fullRange,
    parts: body ? [{ role: 'user', label: 'prompt template', ...body }] : [],
    messageCount: 1,
    sections: [],
  };
  return { ok: true, units: [unit], problems };
}

/** `config.json` beside the template. */
export function skCompanions(path: string): string[] {
  return [`${path.slice(0, path.replace(/\\/g, '/').lastIndexOf('/') + 1)}config.json`];
}

export function joinSkConfig(file: ParsedFile, relativePath: string, read: CompanionReader): ParsedFile {
  const configPath = skCompanions(relativePath)[0]!;
  const bytes = read(configPath);
  if (!bytes) return file;
  const decoded = decodeText(bytes);
  let config: unknown;
  try {
    config = decoded.ok ? JSON.parse(decoded.value.text) : undefined;
  } catch {
    config = undefined;
  }
  if (!isDict(config)) {
    return {
      ...file,
      problems: [
        ...file.problems,
        { severity: 'warning', message: `${configPath} is not readable JSON: its model and max_tokens are not used` },
      ],
    };
  }
  const settings = executionSettings(config);
  if (!settings) return file;
  const model = nonEmptyString(settings.value['model_id']) ?? nonEmptyString(settings.value['ai_model_id']);
  const maxTokens = settings.value['max_tokens'];
  const units = file.units.map((unit) => {
    const joined: CostUnit = { ...unit };
    if (model) joined.model = { value: model, field: `${settings.path}.model_id in ${configPath}` };
    if (typeof maxTokens === 'number' && Number.isInteger(maxTokens) && maxTokens > 0) {
      joined.maxOutputTokens = { value: maxTokens, field: `${settings.path}.max_tokens in ${configPath}` };
    }
    return joined;
  });
  return { ...file, units };
}

/** `execution_settings.default`, else its first service's settings, else the older `completion` block. */
function executionSettings(config: Dict): { value: Dict; path: string } | undefined {
  const all = config['execution_settings'];
  if (isDict(all)) {
    if (isDict(all['default'])) return { value: all['default'], path: 'execution_settings.default' };
    const first = Object.entries(all).find(([, v]) => isDict(v));
    if (first) return { value: first[1] as Dict, path: `execution_settings.${first[0]}` };
  }
  if (Array.isArray(all) && isDict(all[0])) return { value: all[0], path: 'execution_settings[0]' };
  return isDict(config['completion']) ? { value: config['completion'], path: 'completion' } : undefined;
}

/** `plugins/Writer/Summarize/skprompt.txt` → `Summarize`. */
function skFunctionName(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/');
  return parts.length >= 2 ? parts[parts.length - 2]! : baseName(path);
}
