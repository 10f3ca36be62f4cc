// promptfoo configs: `promptfooconfig.yaml` and its variants (`promptfooconfig.claude.yaml`,
// `promptfooconfig-minimal.yaml`, `*.promptfooconfig.yaml`). Prompts given as `file://` are read beside the config.
import { parsePromptfoo } from '../promptfoo';
import { joinPromptFiles, promptFilePaths } from '../promptfooFiles';
import type { FormatSpec } from './spec';

const CONFIG_EXT = /\.(ya?ml|json)$/;

export const promptfoo: FormatSpec<'promptfoo'> = {
  id: 'promptfoo',
  label: 'promptfoo config',
  globs: ['**/*promptfooconfig*.{yaml,yml,json}'],
  detect: (p) =>
    CONFIG_EXT.test(p.name) && (p.name.startsWith('promptfooconfig') || p.name.includes('.promptfooconfig')),
  parse: parsePromptfoo,
  frontmatter: { sent: false, edit: 'never' },
  loading: ['one-call'],
  companions: { of: () => [], inText: promptFilePaths, join: joinPromptFiles },
  doc: {
    files: '`promptfooconfig.yaml`, `promptfooconfig.*.yaml`, `*.promptfooconfig.yaml`',
    units: 'each prompt × provider',
    reads:
      '`providers[].config.max_tokens`; `file://` prompts (text, markdown, JSON chat, globs) read beside the config (by `burnrate diff` at each side; a file a config reads counts once in totals), code prompts listed as not priced; priced per eval run (tests × `evaluateOptions.repeat` calls) at 5 runs a day unless set',
  },
};
