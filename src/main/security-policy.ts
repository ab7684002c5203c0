/**
 * The renderer's security policy as plain data and pure decisions (no Electron import, so
 * unit-tested under Node); security.ts applies them to Electron's session and webContents.
 */
import { isAppUrl, type RendererLocation } from './renderer-location';

/**
 * Production CSP, sent as a response header (it can also carry frame-ancestors, which a
 * <meta> tag cannot). A header set in onHeadersReceived is not sure to reach a file://
 * page, which the packaged app loads (older Electron never called it for file://), so
 * the <meta> CSP in src/renderer/index.html is what is relied on there and says the same
 * (a test holds the two together). Mantine injects <style> elements, hence
 * 'unsafe-inline' for styles only; scripts stay 'self'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Only https links leave the app, to the user's browser; no file:, smb:, javascript:, custom schemes. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

export type NavigationDecision = 'allow' | 'openExternally' | 'deny';

/**
 * The window only ever shows the app's page (route changes are in-page and never reach
 * here); an https link followed by the page opens in the browser instead.
 */
export function decideNavigation(url: string, location: RendererLocation): NavigationDecision {
  if (isAppUrl(url, location)) return 'allow';
  return isSafeExternalUrl(url) ? 'openExternally' : 'deny';
}

/**
 * A subframe (the report preview: a sandboxed srcdoc frame) shows its own document or the
 * app's, nothing else. A link followed or a <meta refresh> inside a report is dropped, not
 * opened in the browser: the report's author, not the user, would be choosing to leave.
 */
export function decideFrameNavigation(url: string, location: RendererLocation): 'allow' | 'deny' {
  if (url === 'about:srcdoc' || url === 'about:blank') return 'allow';
  return isAppUrl(url, location) ? 'allow' : 'deny';
}
