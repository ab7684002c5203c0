import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import { ensurePrivateDir } from '../config/private-files';

export interface FileLog {
  write(line: string): void;
  close(): Promise<void>;
}

export interface FileLogOptions {
  /** Rotate when the file passes this size ("5M", "500K"). */
  size?: string;
  /** Rotated files kept besides the current one; older ones are deleted. */
  maxFiles?: number;
}

/**
 * An append-only log in the data dir's `logs/` folder, rotated by size so a daemon that
 * runs for months keeps a bounded amount of disk (rotated files are named
 * `<time>-<n>-<name>`; `<name>.txt` is the library's list of them). Only this user may read it: lines can
 * name visitors' sessions.
 */
export function openFileLog(logsDir: string, name: string, options: FileLogOptions = {}): FileLog {
  ensurePrivateDir(logsDir); // 0700 whatever the umask
  const stream: RotatingFileStream = createStream(name, {
    path: logsDir,
    size: options.size ?? '5M',
    maxFiles: options.maxFiles ?? 5,
    mode: 0o600,
  });
  // A full disk must not take the daemon down with it; the line still reaches stdout.
  stream.on('error', () => undefined);
  return {
    write: (line) => {
      stream.write(line.endsWith('\n') ? line : `${line}\n`);
    },
    close: () => new Promise((resolve) => stream.end(() => resolve())),
  };
}
