// SDK calls in application code (TypeScript, JavaScript, Python): each call is a unit. Read only when the run asks
// for source files (see sourceCalls/scope.ts), and parsed only when the text mentions an SDK.
import { joinSourceReferences, sourceReferences } from '../../sourceCalls/join';
import { parseSourceFile } from '../../sourceCalls/parseSource';
import { inSourceScope } from '../../sourceCalls/scope';
import type { FormatSpec } from './spec';

export const sourceCall: FormatSpec<'source-call'> = {
  id: 'source-call',
  label: 'SDK call in source code',
  globs: ['**/*.{ts,tsx,js,mjs,cjs,py}'],
  activation: [],
  onRequest: true,
  detect: (p) => inSourceScope(p.segments.join('/')),
  parse: parseSourceFile,
  frontmatter: { sent: false, edit: 'never' },
  loading: ['one-call'],
  companions: { of: () => [], inText: sourceReferences, join: joinSourceReferences },
  doc: {
    files: '`*.ts` `*.tsx` `*.js` `*.mjs` `*.cjs` `*.py` (with `--source` or `sources:`)',
    units: 'each SDK call',
    reads:
      'OpenAI, Anthropic, Google GenAI, AI SDK, LangChain, LiteLLM calls: `model`, `max_tokens`, `system`, `messages` / `input`, `tools`',
  },
};
