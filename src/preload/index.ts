/**
 * The preload: exposes exactly `window.leadwatch` (build-api.ts) to the page. The page
 * never sees ipcRenderer, an IPC event object or a channel name. Bundled as CommonJS with
 * zod inlined (electron.vite.config.ts): a sandboxed preload cannot load node_modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../shared/contract';
import { buildLeadwatchApi } from './build-api';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

const api = buildLeadwatchApi(
  (method, input) => ipcRenderer.invoke(CALL_CHANNEL, method, input) as Promise<Result<unknown>>,
  (listener) => {
    // The IpcRendererEvent (which holds ipcRenderer itself) stays here.
    ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) =>
      listener(name, payload),
    );
  },
);

contextBridge.exposeInMainWorld('leadwatch', api);
