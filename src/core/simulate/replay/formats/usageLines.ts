// Provider usage records, one per line (OpenAI, Anthropic, Gemini responses and batch results): see ../usageRecord.ts.
import { readUsageLine } from '../usageRecord';
import type { LogFormat } from './logFormat';

export const usageLinesFormat: LogFormat = {
  id: 'usage',
  label: 'provider usage records (OpenAI / Anthropic / Gemini responses, one JSON object a line)',
  detect: () => true,
  open: ({ sessionKey }) => ({
    line: (text) => [readUsageLine(text, sessionKey)],
    end: () => [],
  }),
};
