import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where Leadwatch keeps its data: `LEADWATCH_HOME`, else the folder the desktop shell
 * passes in (Electron's userData), else the OS config dir, as DESIGN.md orders it.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  shellDir?: string,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.LEADWATCH_HOME) return env.LEADWATCH_HOME;
  if (shellDir) return shellDir;
  return join(osConfigDir(env, platform), 'Leadwatch');
}

/**
 * The XDG Base Directory spec: an empty XDG_CONFIG_HOME counts as unset, and a relative one
 * is invalid and ignored (else the data would land in whatever folder the command ran from).
 */
function absoluteOrNull(value: string | undefined): string | null {
  return value && isAbsolute(value) ? value : null;
}

function osConfigDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32')
    return absoluteOrNull(env.APPDATA) ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return absoluteOrNull(env.XDG_CONFIG_HOME) ?? join(homedir(), '.config');
}

export function dataPaths(dataDir: string) {
  return {
    dataDir,
    database: join(dataDir, 'leadwatch.db'),
    reports: join(dataDir, 'reports'),
    logs: join(dataDir, 'logs'),
  };
}
