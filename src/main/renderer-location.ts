/**
 * Where the app's own page comes from, and the test for "is this URL ours?" that IPC,
 * navigation and event pushes all use. No Electron import: unit-tested under Node.
 */
import { pathToFileURL } from 'node:url';

export type RendererLocation =
  /** Production: the built index.html, loaded from disk (or from inside app.asar). */
  | { kind: 'file'; path: string; url: string }
  /** Development: the electron-vite dev server (ELECTRON_RENDERER_URL). */
  | { kind: 'devServer'; url: string };

export function fileLocation(indexHtmlPath: string): RendererLocation {
  return { kind: 'file', path: indexHtmlPath, url: pathToFileURL(indexHtmlPath).href };
}

export function devServerLocation(url: string): RendererLocation {
  return { kind: 'devServer', url };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is the app's page. file: URLs all share the opaque origin "null", so
 * for them the document itself must match (any #route or ?query is allowed); otherwise
 * any file on disk the page navigated to would pass.
 */
export function isAppUrl(url: string | null | undefined, location: RendererLocation): boolean {
  if (!url) return false;
  const actual = parse(url);
  const expected = parse(location.url);
  if (!actual || !expected) return false;
  if (location.kind === 'devServer') {
    return (
      (actual.protocol === 'http:' || actual.protocol === 'https:') &&
      actual.origin === expected.origin
    );
  }
  return (
    actual.protocol === 'file:' &&
    actual.host === expected.host &&
    actual.pathname === expected.pathname
  );
}
