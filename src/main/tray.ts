/** The tray icon: Leadwatch keeps watching for hot leads with its window closed. */
import { Menu, nativeImage, Tray } from 'electron';

export interface TrayOptions {
  /** tray.png; Electron picks tray@2x.png beside it on high-DPI screens. */
  icon: string;
  onOpen(): void;
  onQuit(): void;
}

export function createTray(options: TrayOptions): Tray {
  const tray = new Tray(nativeImage.createFromPath(options.icon));
  tray.setToolTip('Leadwatch');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Leadwatch', click: options.onOpen },
      { type: 'separator' },
      { label: 'Quit Leadwatch', click: options.onQuit },
    ]),
  );
  // Windows and most Linux panels: a left click opens the window (macOS shows the menu).
  tray.on('click', options.onOpen);
  return tray;
}
