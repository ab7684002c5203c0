/**
 * The one main window: created on demand (the app lives on in the tray when it is
 * closed), restored to its last bounds, shown only once painted.
 */
import { BrowserWindow, nativeTheme, screen } from 'electron';
import type { RendererLocation } from './renderer-location';
import {
  fitToDisplays,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  saveWindowState,
} from './window-state';

export interface MainWindowOptions {
  location: RendererLocation;
  preload: string;
  stateFile: string;
  /** Window icon on Linux/Windows (macOS uses the bundle's). */
  icon?: string;
}

// Mantine's page backgrounds (dark: --mantine-color-dark-7, light: white): the window is
// painted this colour before the page, so opening or resizing never flashes white.
const BACKGROUND = { dark: '#242424', light: '#ffffff' } as const;

export class MainWindow {
  private window: BrowserWindow | null = null;
  private readonly whenLoaded: (() => void)[] = [];

  constructor(private readonly options: MainWindowOptions) {}

  get current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  /** Shows the window, creating it if needed, restoring it if minimized. */
  show(): BrowserWindow {
    const existing = this.current;
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    return this.create();
  }

  /** Runs `fn` once the page has loaded (now, if it already has). */
  afterLoad(fn: () => void): void {
    const win = this.current;
    if (win && !win.webContents.isLoading()) fn();
    else this.whenLoaded.push(fn);
  }

  private create(): BrowserWindow {
    const { location, preload, stateFile, icon } = this.options;
    const workAreas = screen.getAllDisplays().map((display) => display.workArea);
    const primary = screen.getPrimaryDisplay().workArea;
    // Primary first: fitToDisplays falls back to the first area.
    const state = fitToDisplays(loadWindowState(stateFile), [primary, ...workAreas]);

    const win = new BrowserWindow({
      ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
      width: state.width,
      height: state.height,
      minWidth: Math.min(MIN_WIDTH, primary.width),
      minHeight: Math.min(MIN_HEIGHT, primary.height),
      title: 'Leadwatch',
      show: false,
      backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
      ...(icon ? { icon } : {}),
      // Written out here, not built by a helper, so static checkers (electronegativity) see them.
      webPreferences: {
        preload,
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
      },
    });
    this.window = win;

    win.once('ready-to-show', () => {
      if (state.maximized) win.maximize();
      win.show();
    });
    win.webContents.on('did-finish-load', () => {
      for (const fn of this.whenLoaded.splice(0)) fn();
    });
    win.webContents.on('did-fail-load', (_event, code, description, url) => {
      console.error(`[window] could not load ${url}: ${description} (${code})`);
      win.show(); // an empty window says more than none at all
    });
    let lastReload = 0;
    win.webContents.on('render-process-gone', (_event, details) => {
      console.error(`[window] renderer gone: ${details.reason}`);
      // One reload a minute at most, so a page that crashes on load does not spin.
      if (details.reason !== 'clean-exit' && Date.now() - lastReload > 60_000) {
        lastReload = Date.now();
        win.webContents.reload();
      }
    });
    win.on('close', () => {
      const bounds = win.getNormalBounds();
      try {
        saveWindowState(stateFile, {
          x: Math.round(bounds.x),
          y: Math.round(bounds.y),
          width: Math.round(bounds.width),
          height: Math.round(bounds.height),
          maximized: win.isMaximized(),
        });
      } catch (error) {
        console.error(`[window] could not save the window state: ${String(error)}`);
      }
    });
    win.on('closed', () => {
      if (this.window === win) this.window = null;
    });

    const loading =
      location.kind === 'file' ? win.loadFile(location.path) : win.loadURL(location.url);
    loading.catch(() => undefined); // reported by did-fail-load
    return win;
  }
}
