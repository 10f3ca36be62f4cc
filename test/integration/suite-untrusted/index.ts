/**
 * The Restricted Mode suite's entry point: runCodeServer.ts --untrusted opens the workspace with workspace trust
 * enabled and the folder untrusted, then the extension host calls this run(). Same mocha setup and report as the
 * main suite, over this folder's *.test.js only (and the main suite never looks in here).
 */
import { runSuite } from '../suite/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
