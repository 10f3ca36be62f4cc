// The CLI's cache folder for what commands fetch on the user's request (exact Claude counts): BURNRATE_CACHE_DIR, else
// $XDG_CACHE_HOME/burnrate, else ~/.cache/burnrate. Never inside the workspace.
import * as os from 'os';
import * as path from 'path';

export function cliCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BURNRATE_CACHE_DIR) return path.resolve(env.BURNRATE_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return path.join(path.resolve(env.XDG_CACHE_HOME), 'burnrate');
  return path.join(os.homedir(), '.cache', 'burnrate');
}
