/**
 * The checks every IPC call passes before main relays it to core, on plain values so they
 * are unit-tested under Node (ipc.ts feeds them from the Electron event). Order matters:
 * who is calling is settled before anything about the call is looked at.
 */
import { z } from 'zod';
import {
  contract,
  isMethodName,
  type ContractErrorData,
  type MethodName,
} from '../shared/contract';
import { isAppUrl, type RendererLocation } from './renderer-location';

export interface SenderInfo {
  /** URL of the frame that sent the message; null when the frame is already gone. */
  frameUrl: string | null;
  /** False for iframes: only the top document of our page may call core. */
  isMainFrame: boolean;
}

export type GuardResult =
  { ok: true; method: MethodName; input: unknown } | { ok: false; error: ContractErrorData };

export function checkSender(
  sender: SenderInfo,
  location: RendererLocation,
): ContractErrorData | null {
  if (!sender.isMainFrame) {
    return { type: 'forbidden', message: 'Calls from embedded frames are refused.' };
  }
  if (!isAppUrl(sender.frameUrl, location)) {
    return { type: 'forbidden', message: 'Calls from pages other than Leadwatch are refused.' };
  }
  return null;
}

export function checkCall(
  sender: SenderInfo,
  location: RendererLocation,
  method: unknown,
  input: unknown,
): GuardResult {
  const refused = checkSender(sender, location);
  if (refused) return { ok: false, error: refused };
  if (!isMethodName(method)) {
    // The name is echoed only when it is a short string: it came from the page.
    const shown =
      typeof method === 'string' && method.length <= 80 ? method : '(not a method name)';
    return { ok: false, error: { type: 'unknown_method', message: `Unknown method: ${shown}` } };
  }
  const parsed = contract[method].input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: { type: 'invalid_input', message: `${method}: ${z.prettifyError(parsed.error)}` },
    };
  }
  // The raw input is relayed, not parsed.data: core's registry validates again and applies
  // defaults exactly once, which matters for any schema with a transform.
  return { ok: true, method, input };
}
