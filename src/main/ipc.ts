/**
 * The page's one way in (CALL_CHANNEL) and core's events out (EVENT_CHANNEL). Every call
 * is checked by ipc-guard.ts (sender origin and frame, method, input) before it reaches
 * core; a refused call gets a Result error, never an exception.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { events, type EventName, type Result } from '../shared/contract';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../preload/channels';
import type { CoreClient } from './core-process/core-client';
import { checkCall, type SenderInfo } from './ipc-guard';
import { isAppUrl, type RendererLocation } from './renderer-location';

export interface Ipc {
  /** Sends a contract event to a page: only to our own page, only with a valid payload. */
  push(contents: WebContents, event: EventName, payload: unknown): boolean;
  dispose(): void;
}

function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null };
}

export function registerIpc(client: CoreClient, location: RendererLocation): Ipc {
  ipcMain.handle(
    CALL_CHANNEL,
    (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
      const checked = checkCall(senderInfo(event), location, method, input);
      if (!checked.ok) {
        // Method name and reason only: inputs may hold secrets (settings.set).
        const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
        console.warn(`[ipc] refused ${name}: ${checked.error.type}`);
        return Promise.resolve({ ok: false, error: checked.error });
      }
      return client.call(checked.method, checked.input);
    },
  );

  return {
    push(contents, event, payload) {
      if (contents.isDestroyed() || !isAppUrl(contents.getURL(), location)) return false;
      // Core validated its events already; this also covers events main raises itself.
      const checked = events[event].safeParse(payload);
      if (!checked.success) {
        console.error(`[ipc] not sending ${event}: the payload does not match the contract`);
        return false;
      }
      contents.send(EVENT_CHANNEL, event, checked.data);
      return true;
    },
    dispose: () => ipcMain.removeHandler(CALL_CHANNEL),
  };
}
