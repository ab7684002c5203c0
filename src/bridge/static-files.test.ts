import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { contentType, injectShim, readStaticFile, resolveStaticPath } from './static-files';

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

describe('reading static files', () => {
  const temp = makeTempDir('leadwatch-static-');
  const root = join(temp.dir, 'renderer');
  const outside = join(temp.dir, 'secret.txt');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(temp.dir, 'elsewhere'));
  writeFileSync(join(root, 'index.html'), '<html></html>');
  writeFileSync(outside, 'private');
  writeFileSync(join(temp.dir, 'elsewhere', 'app.js'), 'private');
  symlinkSync(outside, join(root, 'leak.txt'));
  symlinkSync(join(temp.dir, 'elsewhere'), join(root, 'linked'));
  symlinkSync(join(root, 'index.html'), join(root, 'alias.html'));
  afterAll(() => temp.cleanup());

  const read = (urlPath: string) => {
    const path = resolveStaticPath(root, urlPath);
    return path ? readStaticFile(root, path) : Promise.resolve(null);
  };

  it('reads a regular file under the root', async () => {
    expect((await read('/index.html'))?.toString()).toBe('<html></html>');
  });

  it('refuses symlinks, folders and what a symlinked folder leads to', async () => {
    expect(await read('/leak.txt')).toBeNull();
    expect(await read('/linked/app.js')).toBeNull();
    expect(await read('/alias.html')).toBeNull();
    expect(await read('/assets')).toBeNull();
    expect(await read('/missing.js')).toBeNull();
  });
});
