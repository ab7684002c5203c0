/**
 * Messages between main and the core utilityProcess. Both sides parse what they receive
 * with these schemas: the port carries structured clones, so a malformed message (a bug,
 * or a core built from other sources) is dropped with a log line instead of crashing
 * the receiver.
 *
 *   main -> core   {type:'init', dataKey}          once, right after fork
 *                  {type:'call', id, method, input}
 *                  {type:'shutdown'}
 *   core -> main   {type:'ready'} | {type:'startFailed', message}
 *                  {type:'result', id, result}     one per call, same id
 *                  {type:'event', event, payload}  core's push events
 */
import { z } from 'zod';
import { ContractErrorSchema, eventNames, type Result } from '../../shared/contract';

const callId = z.number().int().nonnegative();

export const toCoreSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    /** base64 of the 32-byte data key, or null when the OS keychain is unavailable. */
    dataKey: z.string().nullable(),
  }),
  z.object({ type: z.literal('call'), id: callId, method: z.string(), input: z.unknown() }),
  z.object({ type: z.literal('shutdown') }),
]);
export type ToCore = z.infer<typeof toCoreSchema>;

const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ContractErrorSchema }),
]);

export const fromCoreSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('startFailed'), message: z.string() }),
  z.object({ type: z.literal('result'), id: callId, result: resultSchema }),
  z.object({ type: z.literal('event'), event: z.enum(eventNames), payload: z.unknown() }),
]);
export type FromCore = z.infer<typeof fromCoreSchema>;

export const unavailable = (message: string): Result<never> => ({
  ok: false,
  error: { type: 'unavailable', message },
});
