// `burnrate calibrate --claude`: sends the workspace's Claude-priced texts to Anthropic's free count_tokens endpoint
// with ANTHROPIC_API_KEY, caches the exact counts by content hash (the CLI cache folder; later estimates show those
// texts exact) and prints the factor that fits this workspace per Claude tokenizer family. Network only here, only
// with --claude.
import * as fs from 'fs';
import * as path from 'path';
import {
  ANTHROPIC_BASE_URL_ENV,
  anthropicBaseUrl,
  anthropicMessageCounter,
} from '../../core/calibrate/anthropicCountTokens';
import { calibrateClaude, DEFAULT_MAX_REQUESTS, type ClaudeText } from '../../core/calibrate/calibrateClaude';
import { claudeTextsOf } from '../../core/calibrate/claudeTexts';
import { isPromptPath } from '../../core/formats';
import type { FlagTable } from '../flags';
import { defineCommand, EXIT_OK, UsageError } from '../command';
import { renderTable } from '../table';
import { collectFiles, findWorkspaceRoot, loadUsageFile, toPosix, workspacePath } from '../workspace';
import { readExactCounts, writeExactCounts } from '../exactCountsFile';

const FLAGS = {
  claude: {
    type: 'boolean',
    help: "count Claude-priced texts exactly with Anthropic's count_tokens endpoint (sends them; needs ANTHROPIC_API_KEY)",
  },
  'max-requests': {
    type: 'integer',
    value: 'N',
    min: 1,
    max: 10_000,
    help: `send at most N requests (default ${DEFAULT_MAX_REQUESTS}); the rest wait for the next run`,
  },
  config: { type: 'string', value: 'FILE', help: 'usage file to use instead of the nearest .burnrate.yaml' },
  json: { type: 'boolean', help: 'print JSON' },
} as const satisfies FlagTable;

export const calibrateCommand = defineCommand({
  name: 'calibrate',
  summary: "exact Claude counts from Anthropic's count_tokens endpoint, and the factor that fits this workspace",
  usage: 'burnrate calibrate --claude [paths…] [options]',
  description: `Sends each distinct text that Burnrate counts for a Claude model under the given files or folders (default: the
current folder) to Anthropic's count_tokens endpoint (POST /v1/messages/count_tokens: the model id and one user
message holding the text; your ANTHROPIC_API_KEY in x-api-key). The endpoint is free and generates nothing.
Counts are cached by content hash (no text is stored) in the CLI cache folder (BURNRATE_CACHE_DIR, else
$XDG_CACHE_HOME/burnrate, else ~/.cache/burnrate); estimates then show those texts as exact. Prints, per Claude
tokenizer family, the factor exact ÷ o200k over this workspace's texts, to put in .burnrate.yaml (tokenizer:).`,
  flags: FLAGS,
  footer: `Nothing is sent without --claude. ${ANTHROPIC_BASE_URL_ENV} overrides the API address (for tests and proxies).`,
  async run({ flags, positionals }, io) {
    if (!flags.claude)
      throw new UsageError("say what to calibrate: --claude (sends texts to Anthropic's count_tokens endpoint)");
    const apiKey = process.env.ANTHROPIC_API_KEY?.trim();
    if (!apiKey) throw new UsageError('ANTHROPIC_API_KEY is not set: count_tokens needs your Anthropic API key');
    const inputs = positionals.length > 0 ? positionals : ['.'];
    const root = findWorkspaceRoot(path.resolve(io.cwd, inputs[0]!));
    const usage = loadUsageFile(root, flags.config);
    const texts = claudeTexts(inputs, io.cwd, root, usage.config);

    const cache = readExactCounts();
    if (cache.problem) io.err(`warning: ${cache.problem}\n`);
    const counter = anthropicMessageCounter({ apiKey, baseUrl: anthropicBaseUrl() });
    const result = await calibrateClaude(texts, counter, cache.counts, flags['max-requests'] ?? DEFAULT_MAX_REQUESTS);
    const cacheFile = result.requested > 0 ? writeExactCounts(cache.counts) : undefined;

    if (flags.json) {
      io.out(JSON.stringify({ ...result, cacheFile: cacheFile ?? null }, null, 2) + '\n');
    } else {
      if (result.fits.length > 0) {
        io.out(
          renderTable(
            [
              { title: 'family' },
              { title: 'texts', align: 'right' },
              { title: 'o200k', align: 'right' },
              { title: 'exact', align: 'right' },
              { title: 'factor', align: 'right' },
            ],
            result.fits.map((f) => [
              f.family,
              String(f.texts),
              String(f.o200kTokens),
              String(f.exactTokens),
              f.factor.toFixed(3),
            ]),
          ),
        );
        io.out('\nTo estimate other texts with these factors, in .burnrate.yaml:\ntokenizer:\n');
        for (const f of result.fits) io.out(`  ${f.family}: { factor: ${f.factor.toFixed(3)} }\n`);
      } else {
        io.out('No Claude-priced text was counted.\n');
      }
      io.out(
        `\n${result.requested} request(s) sent, ${result.fromCache} text(s) from the cache${cacheFile ? ` (${cacheFile})` : ''}.\n`,
      );
      if (result.leftOver > 0) io.out(`${result.leftOver} text(s) not counted yet: run again to continue.\n`);
    }
    if (result.stopped) {
      io.err(`burnrate calibrate: stopped: ${result.stopped}\n`);
      return 1;
    }
    return EXIT_OK;
  },
});

/** Every text the estimate counts for a Claude family under the inputs, with the model it is priced on. */
function claudeTexts(
  inputs: string[],
  cwd: string,
  root: string,
  usage: ReturnType<typeof loadUsageFile>['config'],
): ClaudeText[] {
  const texts: ClaudeText[] = [];
  const walked = collectFiles(inputs, cwd, root, (relative) => isPromptPath(relative));
  for (const file of walked.files) {
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      continue;
    }
    texts.push(
      ...claudeTextsOf(toPosix(path.relative(cwd, file)), bytes, { relativePath: workspacePath(root, file), usage }),
    );
  }
  return texts;
}
