import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  statSync,
  type Stats,
} from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AppError } from '../rpc/errors';

/**
 * The data dir holds visitors' names, e-mails and transcripts: folders Leadwatch creates are
 * 0700 and files 0600, set explicitly so a permissive umask does not widen them. (On Windows
 * modes are not enforced; the per-user profile keeps the data private there.)
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const stat = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** Our sentence for a folder that cannot be made or used; the OS's code follows in brackets. */
export function folderError(dir: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const why =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'is not writable (permission denied)'
      : code === 'ENOTDIR' || code === 'EEXIST'
        ? 'is in the way: a file, not a folder, has that name'
        : code === 'ENOENT'
          ? 'cannot be created there (its parent does not accept new folders)'
          : `cannot be used (${(error as Error).message})`;
  return new AppError(
    'unavailable',
    `Leadwatch's data folder ${dir} ${why}. Set LEADWATCH_HOME to a folder you can write to, or fix that folder's permissions.${code ? ` [${code}]` : ''}`,
    { cause: error },
  );
}

/**
 * Creates `dir` and its missing parents as private folders, one level at a time: Node's own
 * `mkdir({recursive: true})` loops forever where the kernel answers ENOENT for a parent that
 * exists (e.g. under /proc). An existing `dir` wider than 0700 is narrowed when we own it.
 */
export function ensurePrivateDir(dir: string, shownAs = dir): void {
  try {
    const missing: string[] = [];
    let at = resolve(dir);
    let found = stat(at);
    while (!found) {
      missing.unshift(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
      found = stat(at);
    }
    if (found && !found.isDirectory())
      throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    for (const path of missing) {
      mkdirSync(path, { mode: PRIVATE_DIR_MODE });
      chmodSync(path, PRIVATE_DIR_MODE);
    }
    if (!missing.length) {
      accessSync(dir, constants.W_OK | constants.X_OK);
      narrow(resolve(dir), found, PRIVATE_DIR_MODE);
    }
  } catch (error) {
    throw folderError(shownAs, error);
  }
}

function narrow(path: string, stats: Stats | undefined, mode: number): void {
  if (process.platform === 'win32' || !stats) return;
  if ((stats.mode & 0o077) === 0 || stats.uid !== process.getuid?.()) return;
  chmodSync(path, mode);
}

/** Makes `path` exist as a 0600 file (and narrows an existing one), before a library opens it. */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  narrow(path, stat(path), PRIVATE_FILE_MODE);
}

/** Narrows files a library created next to ours (SQLite's -wal and -shm), if they exist. */
export function narrowIfPresent(path: string): void {
  narrow(path, stat(path), PRIVATE_FILE_MODE);
}

/** writeFile, with the file 0600 whether it is new or was there before. */
export async function writePrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(path, data, { mode: PRIVATE_FILE_MODE });
  if (process.platform !== 'win32') await chmod(path, PRIVATE_FILE_MODE);
}
