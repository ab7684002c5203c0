import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Test helpers over poppler (pdftotext, pdfinfo, pdftoppm): what a reader of the PDF sees. */
async function withPdfFile<T>(pdf: Buffer, fn: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'leadwatch-pdf-'));
  try {
    const path = join(dir, 'doc.pdf');
    await writeFile(path, pdf);
    return await fn(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The text of the PDF (or of pages first..last), as pdftotext reads it; `layout` keeps
 * columns side by side (a transcript's "User:" on the line of its message).
 */
export function pdfText(
  pdf: Buffer,
  options: { first?: number; last?: number; layout?: boolean } = {},
): Promise<string> {
  return withPdfFile(pdf, async (path) => {
    const args = ['-enc', 'UTF-8'];
    if (options.first) args.push('-f', String(options.first));
    if (options.last) args.push('-l', String(options.last));
    if (options.layout) args.push('-layout');
    const { stdout } = await run('pdftotext', [...args, path, '-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  });
}

export function pdfPageCount(pdf: Buffer): Promise<number> {
  return withPdfFile(pdf, async (path) => {
    const { stdout } = await run('pdfinfo', [path]);
    const match = /^Pages:\s+(\d+)/m.exec(stdout);
    if (!match?.[1]) throw new Error(`pdfinfo printed no page count:\n${stdout}`);
    return Number(match[1]);
  });
}

/** Renders pages to `{outDir}/{name}-p{n}.png`; returns the paths written. */
export function pdfToPngs(pdf: Buffer, outDir: string, name: string, dpi = 60): Promise<string[]> {
  return withPdfFile(pdf, async (path) => {
    await mkdir(outDir, { recursive: true });
    const prefix = join(outDir, `.${name}-tmp`);
    await run('pdftoppm', ['-png', '-r', String(dpi), path, prefix]);
    const written: string[] = [];
    for (const file of (await readdir(outDir)).sort()) {
      const match = new RegExp(`^\\.${name}-tmp-0*(\\d+)\\.png$`).exec(file);
      if (!match?.[1]) continue;
      const target = join(outDir, `${name}-p${match[1]}.png`);
      await rename(join(outDir, file), target);
      written.push(target);
    }
    return written;
  });
}

/** Whitespace-free text, so line wrapping and page breaks do not hide a match. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Where `whole` (an address or id) was wrapped in pdftotext output: for each line holding
 * its start but not all of it, the part on that line. Line order is not relied on
 * (pdftotext interleaves columns); the first part alone says where the line broke.
 */
export function wrappedHeads(text: string, whole: string): string[] {
  const heads: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line.includes(whole)) continue;
    for (let n = whole.length - 1; n >= 4; n--) {
      if (line.endsWith(whole.slice(0, n))) {
        heads.push(whole.slice(0, n));
        break;
      }
    }
  }
  return heads;
}

/** Whether a line that ends with `head` broke `whole` before an "@" or after a dot. */
export function brokeSensibly(whole: string, head: string): boolean {
  return head.endsWith('.') || whole[head.length] === '@';
}
