/**
 * The examples suite's entry point: runCodeServer.ts --examples opens a copy of examples/ as the workspace, then the
 * extension host calls this run(). Same mocha setup and report as the main suite, over this folder's *.test.js only.
 */
import { runSuite } from '../suite/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
