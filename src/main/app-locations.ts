/** Where main finds its own files, in development, in out/ and inside a package. */
import { app } from 'electron';
import { join } from 'node:path';
import { devServerLocation, fileLocation, type RendererLocation } from './renderer-location';

// Bundled by electron-vite into out/main/, beside out/preload/ and out/renderer/.
export const preloadPath = join(__dirname, '../preload/index.js');

export function isDev(): boolean {
  return !app.isPackaged && Boolean(process.env.ELECTRON_RENDERER_URL);
}

export function rendererLocation(): RendererLocation {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  // A packaged app never loads a URL from the environment.
  if (!app.isPackaged && devUrl) return devServerLocation(devUrl);
  return fileLocation(join(__dirname, '../renderer/index.html'));
}

/** An image in resources/: copied to <resources>/icons by electron-builder.yml when packaged. */
export function resourcePath(name: string): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'icons', name)
    : join(__dirname, '../../resources', name);
}
