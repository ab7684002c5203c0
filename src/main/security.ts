/**
 * Applies the security policy (security-policy.ts) to Electron: locked-down webPreferences,
 * the CSP header, no permissions, no navigation away from the app (window or iframe), no
 * new windows, no <webview>. Installed for every webContents the app ever creates, not
 * just the main window.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  decideFrameNavigation,
  decideNavigation,
  isSafeExternalUrl,
} from './security-policy';
import type { RendererLocation } from './renderer-location';

export function applySessionSecurity(session: Session, location: RendererLocation): void {
  // The dev server needs inline scripts (React refresh) and a websocket; the production
  // page gets the strict policy. The page also carries a <meta> CSP of its own.
  if (location.kind === 'file') {
    session.webRequest.onHeadersReceived((details, callback) => {
      const headers = { ...details.responseHeaders };
      for (const name of Object.keys(headers)) {
        if (name.toLowerCase() === 'content-security-policy') delete headers[name];
      }
      headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
      callback({ responseHeaders: headers });
    });
  }
  // Leadwatch needs no camera, microphone, geolocation, notifications-from-the-page,
  // clipboard reads or the like: native notifications come from main.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

function openExternally(url: string): void {
  if (!isSafeExternalUrl(url)) return; // checked again right at the door
  shell.openExternal(url).catch((error: unknown) => {
    console.error(`[security] could not open an external link: ${String(error)}`);
  });
}

function harden(contents: WebContents, location: RendererLocation): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  const guardNavigation = (event: Electron.Event, url: string) => {
    const decision = decideNavigation(url, location);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'openExternally') openExternally(url);
  };
  const guardFrame = (event: Electron.Event, url: string) => {
    if (decideFrameNavigation(url, location) === 'deny') event.preventDefault();
  };
  contents.on('will-navigate', (event) => guardNavigation(event, event.url));
  // will-navigate sees the main frame only; an iframe navigating on its own is caught here.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) guardFrame(event, event.url);
  });
  contents.on('will-redirect', (event) =>
    event.isMainFrame ? guardNavigation(event, event.url) : guardFrame(event, event.url),
  );
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

/** Call once, before any window exists. */
export function installWebContentsSecurity(location: RendererLocation): void {
  app.on('web-contents-created', (_event, contents) => harden(contents, location));
}
