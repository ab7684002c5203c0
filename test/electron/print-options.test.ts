import { describe, expect, it } from 'vitest';
import {
  htmlDataUrl,
  MAX_URL_CHARS,
  printToPdfOptions,
  SerialQueue,
  toInches,
} from '../../src/main/print-options';

describe('printToPDF options (main, Electron-free half)', () => {
  it('converts report margins to the inches printToPDF wants', () => {
    expect(toInches('25.4mm')).toBeCloseTo(1);
    expect(toInches('2.54cm')).toBeCloseTo(1);
    expect(toInches('0.5in')).toBe(0.5);
    expect(toInches('96px')).toBe(1);
    expect(() => toInches('1em')).toThrow(/understands/);
  });

  it('prints A4 with backgrounds, the default margins and Chromium’s running header', () => {
    const o = printToPdfOptions({ footerTemplate: '<span class="pageNumber"></span>' });
    expect(o).toMatchObject({
      printBackground: true,
      pageSize: 'A4',
      landscape: false,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>', // never Chromium's own date/title header
    });
    expect(o.margins.top).toBeCloseTo(20 / 25.4);
    expect(printToPdfOptions({}).displayHeaderFooter).toBe(false);
  });

  it('loads the document as a base64 data: URL, and refuses one Chromium would not load', () => {
    const url = htmlDataUrl('<p>é</p>');
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString()).toBe('<p>é</p>');
    expect(() => htmlDataUrl('x'.repeat(MAX_URL_CHARS))).toThrow(/CHROME_PATH/);
  });
});

describe('SerialQueue', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('runs one print at a time, in order', async () => {
    const queue = new SerialQueue();
    let running = 0;
    let most = 0;
    const job = (n: number) => async () => {
      most = Math.max(most, ++running);
      await sleep(10);
      running -= 1;
      return n;
    };
    const results = await Promise.all([1, 2, 3].map((n) => queue.run(job(n), 1_000, () => {})));
    expect(results).toEqual([1, 2, 3]);
    expect(most).toBe(1);
  });

  it('times out a hung print, tears it down, and goes on with the next', async () => {
    const queue = new SerialQueue();
    let tornDown = false;
    const hung = queue.run(
      () => new Promise<never>(() => undefined),
      30,
      () => (tornDown = true),
    );
    const next = queue.run(
      () => Promise.resolve('next'),
      1_000,
      () => {},
    );
    await expect(hung).rejects.toThrow(/longer than/);
    expect(tornDown).toBe(true);
    expect(await next).toBe('next');
  });
});
