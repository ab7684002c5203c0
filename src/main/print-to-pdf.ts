/**
 * Electron's printToPDF for core, when no Chrome or Chromium is installed (DESIGN.md: "in the
 * desktop app Electron's own printToPDF may stand in"). Core sends self-contained HTML over
 * the core port (core-client.ts); this prints it in a hidden window and returns the bytes.
 *
 * The HTML holds visitor-written text (transcripts, names), escaped by the templates but
 * untrusted all the same, so the window is a printer and nothing else: no JavaScript, a
 * sandboxed renderer, no preload, no Node, and a session of its own that refuses every
 * request except the document's own data: URL (inline images are data: too). Nothing in the
 * page can run code, call out, or reach the app's session, cookies or IPC.
 */
import { BrowserWindow, session, type Session } from 'electron';
import type { PdfOptions } from '../core/render/pdf-engine';
import type { ShellPrinter } from './core-process/core-client';
import { htmlDataUrl, printToPdfOptions, SerialQueue } from './print-options';

const PARTITION = 'leadwatch-print'; // no "persist:": nothing of it is kept on disk
const DEFAULT_TIMEOUT_MS = 60_000;

let printSession: Session | null = null;

/** Created on first print, after app ready; every later print reuses its rules. */
function lockedDownSession(): Session {
  if (printSession) return printSession;
  const s = session.fromPartition(PARTITION, { cache: false });
  s.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith('data:') });
  });
  s.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.setDevicePermissionHandler(() => false);
  s.on('will-download', (event) => event.preventDefault());
  printSession = s;
  return s;
}

function printWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 794, // A4 at 96 dpi: layout as in the headless browser (print re-flows anyway)
    height: 1123,
    // Written out here, not built by a helper, so static checkers (electronegativity) see them.
    webPreferences: {
      session: lockedDownSession(),
      offscreen: true,
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick', // no middle-click opening of links, either
      images: true,
      backgroundThrottling: false,
    },
  });
}

/** One print: a fresh window per PDF, so nothing of one report can leak into the next. */
async function printOnce(
  html: string,
  options: PdfOptions,
  hold: (w: BrowserWindow) => void,
): Promise<Buffer> {
  const url = htmlDataUrl(html); // before any window: a too-large report fails cheaply
  const win = printWindow();
  hold(win);
  try {
    await win.loadURL(url);
    return await win.webContents.printToPDF(printToPdfOptions(options));
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}

/** The printer core-client.ts hands core's print requests to: one window at a time. */
export function createShellPrinter(timeoutMs = DEFAULT_TIMEOUT_MS): ShellPrinter {
  const queue = new SerialQueue();
  return (html, options) => {
    let current: BrowserWindow | null = null;
    return queue.run(
      () => printOnce(html, options, (w) => (current = w)),
      options.timeoutMs ?? timeoutMs,
      // A page that never finishes loading must not keep its window, nor the queue.
      () => {
        const w: BrowserWindow | null = current;
        if (w && !w.isDestroyed()) w.destroy();
      },
    );
  };
}
