/**
 * Messages between main and the core utilityProcess. Both sides parse what they receive
 * with these schemas: the port carries structured clones, so a malformed message (a bug,
 * or a core built from other sources) is dropped with a log line instead of crashing
 * the receiver.
 *
 *   main -> core   {type:'init', dataKey}          once, right after fork
 *                  {type:'call', id, method, input}
 *                  {type:'shutdown'}
 *                  {type:'printed', id, result}     answer to a printPdf, same id
 *   core -> main   {type:'ready'} | {type:'startFailed', message}
 *                  {type:'result', id, result}     one per call, same id
 *                  {type:'event', event, payload}  core's push events
 *                  {type:'printPdf', id, html, options}  no browser found: main prints
 *
 * Call ids are main's, print ids are core's: two counters, never compared with each other.
 */
import { z } from 'zod';
import type { PdfOptions } from '../../core/render/pdf-engine';
import { ContractErrorSchema, eventNames, type Result } from '../../shared/contract';

const callId = z.number().int().nonnegative();

/** A CSS length main can turn into the inches printToPDF wants. */
const cssLength = z.string().regex(/^\d+(\.\d+)?(mm|cm|in|px)$/);

/** What a report may ask of the printer; bounded, so a bad message cannot wedge main. */
export const pdfOptionsSchema = z.object({
  format: z.enum(['A4', 'Letter']).optional(),
  margins: z
    .object({ top: cssLength, right: cssLength, bottom: cssLength, left: cssLength })
    .optional(),
  headerTemplate: z.string().max(20_000).optional(),
  footerTemplate: z.string().max(20_000).optional(),
  landscape: z.boolean().optional(),
  timeoutMs: z.number().int().positive().max(600_000).optional(),
}) satisfies z.ZodType<PdfOptions>;

/** Reports are self-contained HTML (inline CSS, SVG charts); far above any real one. */
export const MAX_PRINT_HTML_CHARS = 50_000_000;

const printResultSchema = z.union([
  // The port carries a structured clone: a Buffer arrives as a plain Uint8Array.
  z.object({ ok: z.literal(true), pdf: z.instanceof(Uint8Array) }),
  z.object({ ok: z.literal(false), error: ContractErrorSchema }),
]);
export type PrintResult = z.infer<typeof printResultSchema>;

export const toCoreSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    /** base64 of the 32-byte data key, or null when the OS keychain is unavailable. */
    dataKey: z.string().nullable(),
  }),
  z.object({ type: z.literal('call'), id: callId, method: z.string(), input: z.unknown() }),
  z.object({ type: z.literal('shutdown') }),
  z.object({ type: z.literal('printed'), id: callId, result: printResultSchema }),
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
  z.object({
    type: z.literal('printPdf'),
    id: callId,
    html: z.string().max(MAX_PRINT_HTML_CHARS),
    options: pdfOptionsSchema,
  }),
]);
export type FromCore = z.infer<typeof fromCoreSchema>;

export const unavailable = (message: string): Result<never> => ({
  ok: false,
  error: { type: 'unavailable', message },
});
