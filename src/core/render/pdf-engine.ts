/**
 * What report code needs from a PDF printer. Kept this small so the desktop app can plug
 * Electron's `webContents.printToPDF` in when no Chrome is installed; core only knows this.
 */
export interface PdfMargins {
  top: string;
  right: string;
  bottom: string;
  left: string;
}

export interface PdfOptions {
  format?: 'A4' | 'Letter';
  margins?: PdfMargins;
  /** Chrome's running header/footer: inline styles only; `pageNumber`/`totalPages` spans are filled in. */
  headerTemplate?: string;
  footerTemplate?: string;
  landscape?: boolean;
  /** Overrides the engine's per-PDF time limit (a very long report may need more). */
  timeoutMs?: number;
}

export interface PdfEngine {
  /** Prints a self-contained HTML document (no scripts run, nothing is fetched). */
  renderPdf(html: string, options?: PdfOptions): Promise<Buffer>;
  close(): Promise<void>;
}

export const DEFAULT_MARGINS: PdfMargins = {
  top: '20mm',
  right: '14mm',
  bottom: '18mm',
  left: '14mm',
};
