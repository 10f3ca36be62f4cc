// The pull-request action (action.yml runs this, bundled as out/action.js): `burnrate diff` between the pull
// request's base and head, one comment with the table that every push updates (found by a hidden marker), no comment
// while nothing changed past the thresholds, and a failed check when a cost gate trips.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { planComment, type DiffSummary } from './decide';
import { commentApi } from './github';
import { InputError, readInputs, type ActionInputs } from './inputs';

const EXIT_GATE = 1;
const EXIT_ERROR = 2;

interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Both sides priced with the base's .burnrate.yaml, so a pull request cannot lower its own gate. */
let usageFromBase = true;

function runDiff(inputs: ActionInputs, format: '--json' | '--markdown'): CliRun {
  const cli = process.env.BURNRATE_CLI || path.join(__dirname, 'cli.js');
  const args = [
    cli,
    'diff',
    '--base',
    inputs.pullRequest.baseSha,
    '--head',
    inputs.pullRequest.headSha,
    '--merge-base',
    format,
  ];
  if (usageFromBase) args.push('--usage-from-base');
  if (inputs.failOnIncreaseUsdMonth !== undefined)
    args.push('--fail-on-increase-usd-month', String(inputs.failOnIncreaseUsdMonth));
  if (inputs.failOnIncreasePercent !== undefined)
    args.push('--fail-on-increase-percent', String(inputs.failOnIncreasePercent));
  if (inputs.paths.length > 0) args.push('--', ...inputs.paths);
  const run = spawnSync(process.execPath, args, {
    cwd: inputs.workspace,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = {
    status: run.status ?? EXIT_ERROR,
    stdout: run.stdout ?? '',
    stderr: run.stderr ?? String(run.error ?? ''),
  };
  // Until --usage-from-base is in every build of the CLI (it arrives with the diff gate hardening), say so and price
  // each side with its own usage file rather than fail.
  if (usageFromBase && result.status === EXIT_ERROR && /unknown option --usage-from-base/.test(result.stderr)) {
    console.log('::warning::this burnrate has no --usage-from-base; each side is priced with its own .burnrate.yaml');
    usageFromBase = false;
    return runDiff(inputs, format);
  }
  return result;
}

function summarize(json: string): DiffSummary {
  const doc = JSON.parse(json) as {
    head: string;
    totals: { files: number; delta: { costPerMonthUsd: number | null; costPercent: number | null } };
    uncompared: unknown[];
    gates: { tripped: boolean }[];
  };
  return {
    head: doc.head,
    changedFiles: doc.totals.files,
    uncomparedFiles: doc.uncompared.length,
    deltaUsdMonth: doc.totals.delta.costPerMonthUsd,
    deltaPercent: doc.totals.delta.costPercent,
    trippedGates: doc.gates.filter((g) => g.tripped).length,
  };
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const inputs = readInputs(env, (file) => fs.readFileSync(file, 'utf8'));
  const json = runDiff(inputs, '--json');
  if (json.status !== 0 && json.status !== EXIT_GATE) {
    console.error(`::error::burnrate diff failed (exit ${json.status}): ${json.stderr.trim()}`);
    return EXIT_ERROR;
  }
  const diff = summarize(json.stdout);
  const markdown = runDiff(inputs, '--markdown').stdout;
  if (inputs.stepSummary) fs.appendFileSync(inputs.stepSummary, markdown);

  const api = commentApi(inputs.apiUrl, inputs.repository, inputs.pullRequest.number, inputs.token);
  const thresholds = {
    minUsdMonth: inputs.commentMinUsdMonth,
    ...(inputs.commentMinPercent !== undefined ? { minPercent: inputs.commentMinPercent } : {}),
  };
  const plan = planComment(diff, thresholds, markdown, await api.list());
  if (plan.kind === 'create')
    console.log(`burnrate: commented on #${inputs.pullRequest.number} (comment ${(await api.create(plan.body)).id})`);
  else if (plan.kind === 'update')
    console.log(
      `burnrate: updated comment ${(await api.update(plan.id, plan.body)).id} on #${inputs.pullRequest.number}`,
    );
  else console.log(`burnrate: no comment: ${plan.why}`);

  if (diff.trippedGates > 0) {
    for (const line of json.stderr.split('\n').filter((l) => l.includes('gate tripped')))
      console.error(`::error::${line}`);
    return EXIT_GATE;
  }
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(
        `::error::${error instanceof InputError ? error.message : ((error as Error).stack ?? String(error))}`,
      );
      process.exit(EXIT_ERROR);
    },
  );
}
