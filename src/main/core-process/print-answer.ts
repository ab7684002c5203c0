/**
 * Main's answer to core's `printPdf`: the shell's printer run, its outcome turned into the
 * `printed` message. Never throws: core waits for an answer, so a failure is one too.
 */
import type { PdfOptions } from '../../core/render/pdf-engine';
import type { ToCore } from './protocol';

/** Prints self-contained HTML to PDF for core (Electron's printToPDF, print-to-pdf.ts). */
export type ShellPrinter = (html: string, options: PdfOptions) => Promise<Uint8Array>;

export async function answerPrint(
  printer: ShellPrinter | undefined,
  id: number,
  html: string,
  options: PdfOptions,
): Promise<ToCore> {
  try {
    if (!printer) throw new Error('This shell cannot print PDFs.');
    // A copy of just these bytes: cloning a view clones its whole ArrayBuffer, which for a
    // Buffer may be a shared pool slab.
    const pdf = new Uint8Array(await printer(html, options));
    return { type: 'printed', id, result: { ok: true, pdf } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      type: 'printed',
      id,
      result: { ok: false, error: { type: 'unavailable', message: `Printing failed: ${message}` } },
    };
  }
}
