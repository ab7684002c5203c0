import { constants } from 'node:fs';
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or null. The path is decoded once and resolved;
 * anything that lands outside `root` (`..`, encoded `%2e%2e`, backslashes, NUL) is refused.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const target = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (target !== base && !target.startsWith(base + sep)) return null;
  return target;
}

/**
 * The file's bytes when it is a regular file really under `root`, else null. A symlink is
 * refused, and so is a path whose real location (symlinked folders resolved) leaves the
 * root; O_NOFOLLOW keeps the file from being swapped for a link between check and read.
 */
export async function readStaticFile(root: string, path: string): Promise<Buffer | null> {
  let handle: FileHandle | null = null;
  try {
    const [realRoot, realPath] = await Promise.all([realpath(root), realpath(path)]);
    if (!realPath.startsWith(realRoot + sep)) return null;
    if (!(await lstat(path)).isFile()) return null;
    handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    if (!(await handle.stat()).isFile()) return null;
    return await handle.readFile();
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/**
 * Puts the shim before the app's first script, so window.leadwatch exists when the app
 * starts (a classic script runs before deferred module scripts).
 */
export function injectShim(html: string, shimSrc: string): string {
  const tag = `<script src="${shimSrc}"></script>`;
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0)
    return `${html.slice(0, firstScript)}${tag}\n    ${html.slice(firstScript)}`;
  return html.replace(/<\/head>/i, `  ${tag}\n  </head>`);
}
