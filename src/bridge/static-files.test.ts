import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentType, injectShim, resolveStaticPath } from './static-files';

describe('static files', () => {
  const root = resolve('/srv/renderer');

  it('maps URL paths inside the root', () => {
    expect(resolveStaticPath(root, '/index.html')).toBe(resolve(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a%20b.js')).toBe(resolve(root, 'assets/a b.js'));
  });

  it('refuses paths that leave the root, however they are spelled', () => {
    for (const path of [
      '/../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fsecret',
      '/..\\secret',
      '/%5c..%5csecret',
      '/index.html%00.js',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticPath(root, path), path).toBeNull();
    }
  });

  it('knows the content types the renderer uses', () => {
    expect(contentType('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('a.css')).toBe('text/css; charset=utf-8');
    expect(contentType('a.html')).toBe('text/html; charset=utf-8');
    expect(contentType('a.woff2')).toBe('font/woff2');
    expect(contentType('a.unknown')).toBe('application/octet-stream');
  });

  it('injects the shim before the first script', () => {
    const html = '<head><title>x</title><script type="module" src="./a.js"></script></head>';
    expect(injectShim(html, '/shim.js')).toMatch(
      /<script src="\/shim\.js"><\/script>\s*<script type="module"/,
    );
    expect(injectShim('<head></head>', '/shim.js')).toContain('<script src="/shim.js"></script>');
  });
});
