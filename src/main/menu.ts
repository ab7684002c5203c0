/** The application menu: standard roles only, so shortcuts (copy, paste, zoom) behave natively. */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function buildAppMenu(options: { isDev: boolean }): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [isMac ? { role: 'close' } : { role: 'quit', accelerator: 'CmdOrCtrl+Q' }],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        // Reload and dev tools only in development: a reload mid-edit loses form state.
        ...(options.isDev
          ? ([
              { role: 'reload' },
              { role: 'forceReload' },
              { role: 'toggleDevTools' },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
