/**
 * Leadwatch's main process: wiring only. Core (all the business logic) runs in a
 * utilityProcess; main owns windows, tray, notifications, the keychain and the IPC gate.
 */
import { app, Menu, session } from 'electron';
import { join } from 'node:path';
import { resolveDataDir } from '../core/config/paths';
import { ensurePrivateDir } from '../core/config/private-files';
import { isDev, preloadPath, rendererLocation, resourcePath } from './app-locations';
import { CoreClient } from './core-process/core-client';
import { forkCoreProcess } from './core-process/fork';
import { loadDataKey } from './data-key';
import { registerIpc } from './ipc';
import { buildAppMenu } from './menu';
import { createPriorityNotifier, requestOpenSession } from './notifications';
import { createShellPrinter } from './print-to-pdf';
import { safeStorageSealer } from './secrets';
import { applySessionSecurity, installWebContentsSecurity } from './security';
import { createTray } from './tray';
import { MainWindow } from './window';

const APP_ID = 'com.leadwatch.app';
app.setName('Leadwatch');
app.setAppUserModelId(APP_ID); // Windows: ties notifications and the taskbar to the installer's id

// Electron derives userData from package.json's lower-case name before this runs; the data
// dir is the one the CLI uses too (LEADWATCH_HOME, else <appData>/Leadwatch). Chromium's own
// state goes under it, and since the single-instance lock is per userData, two data dirs
// may run side by side (tests do) while one data dir has one app.
const dataDir = resolveDataDir(process.env, join(app.getPath('appData'), 'Leadwatch'));
app.setPath('userData', dataDir);
app.setPath('sessionData', join(dataDir, 'chromium'));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  const location = rendererLocation();
  const mainWindow = new MainWindow({
    location,
    preload: preloadPath,
    stateFile: join(dataDir, 'window-state.json'),
    icon: resourcePath('icon.png'),
  });
  let core: CoreClient | null = null;
  let coreStopped = false;

  installWebContentsSecurity(location);
  app.on('second-instance', () => {
    if (app.isReady()) mainWindow.show();
  });
  // Closing the window keeps Leadwatch in the tray (monitoring, notifying); Quit ends it.
  app.on('window-all-closed', () => undefined);
  app.on('activate', () => mainWindow.show()); // macOS: dock icon clicked

  app.on('before-quit', (event) => {
    if (coreStopped || !core) return;
    // Let core close its database before the process goes away.
    event.preventDefault();
    void core.stop().finally(() => {
      coreStopped = true;
      app.quit();
    });
  });

  app
    .whenReady()
    .then(async () => {
      // 0700, and fails at once with a sentence where Node's recursive mkdir would spin (/proc).
      ensurePrivateDir(dataDir);
      applySessionSecurity(session.defaultSession, location);
      Menu.setApplicationMenu(buildAppMenu({ isDev: isDev() }));

      // A keychain failure costs saved secrets for this run, not the whole app.
      const dataKey = await loadDataKey(dataDir, safeStorageSealer).catch((error: unknown) => {
        console.error(
          `[secrets] keychain unavailable: ${error instanceof Error ? error.message : String(error)}`,
        );
        return null;
      });
      core = new CoreClient({
        spawn: () => forkCoreProcess(dataDir),
        dataKey: dataKey ? dataKey.toString('base64') : null,
        // Core prints with Chromium; with no browser on the machine it asks for this one.
        printPdf: createShellPrinter(),
      });
      const ipc = registerIpc(core, location);

      const openSession = (sessionId: string) => {
        mainWindow.show();
        mainWindow.afterLoad(() => {
          const contents = mainWindow.current?.webContents;
          if (contents) requestOpenSession((e, p) => ipc.push(contents, e, p), sessionId);
        });
      };
      const notify = createPriorityNotifier({
        icon: resourcePath('icon.png'),
        onOpenSession: openSession,
      });
      core.onEvent((event, payload) => {
        const contents = mainWindow.current?.webContents;
        if (contents) ipc.push(contents, event, payload);
        notify(event, payload);
      });
      core.start();

      mainWindow.show();
      const tray = createTray({
        icon: resourcePath('tray.png'),
        onOpen: () => mainWindow.show(),
        onQuit: () => app.quit(),
      });
      app.on('will-quit', () => tray.destroy());
    })
    .catch((error: unknown) => {
      console.error('[main] start-up failed', error);
      app.exit(1);
    });
}
