import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCall, type SenderInfo } from '../../src/main/ipc-guard';
import { devServerLocation, fileLocation, isAppUrl } from '../../src/main/renderer-location';
import {
  CONTENT_SECURITY_POLICY,
  decideFrameNavigation,
  decideNavigation,
  isSafeExternalUrl,
} from '../../src/main/security-policy';

const indexPath = '/opt/Leadwatch/resources/app.asar/out/renderer/index.html';
const prod = fileLocation(indexPath);
const dev = devServerLocation('http://localhost:5173/');
const appPage = `${pathToFileURL(indexPath).href}#/sessions`;
const fromApp: SenderInfo = { frameUrl: appPage, isMainFrame: true };

describe('checkCall', () => {
  it('passes a valid call from the app page, relaying the input as given', () => {
    const input = { query: 'pricing', limit: 20 };
    expect(checkCall(fromApp, prod, 'sessions.list', input)).toEqual({
      ok: true,
      method: 'sessions.list',
      input,
    });
    expect(checkCall(fromApp, prod, 'app.info', undefined)).toMatchObject({ ok: true });
    const devPage = { frameUrl: 'http://localhost:5173/#/settings', isMainFrame: true };
    expect(checkCall(devPage, dev, 'settings.get', {})).toMatchObject({ ok: true });
  });

  it('rejects a foreign origin', () => {
    for (const frameUrl of [
      'https://evil.example/',
      'file:///home/me/Downloads/evil.html',
      `${pathToFileURL('/opt/Leadwatch/resources/app.asar/out/renderer/other.html').href}`,
      'http://localhost:5174/',
      'not a url',
      null,
    ]) {
      expect(checkCall({ frameUrl, isMainFrame: true }, prod, 'app.info', undefined)).toMatchObject(
        {
          ok: false,
          error: { type: 'forbidden' },
        },
      );
    }
    const devPageOtherPort = { frameUrl: 'http://localhost:5174/', isMainFrame: true };
    expect(checkCall(devPageOtherPort, dev, 'app.info', undefined)).toMatchObject({
      ok: false,
      error: { type: 'forbidden' },
    });
    // The production page is not trusted while developing against the dev server, and vice versa.
    expect(checkCall(fromApp, dev, 'app.info', undefined)).toMatchObject({ ok: false });
  });

  it('rejects a subframe, even of the app page', () => {
    const result = checkCall(
      { frameUrl: appPage, isMainFrame: false },
      prod,
      'app.info',
      undefined,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { type: 'forbidden', message: expect.stringMatching(/frame/) },
    });
  });

  it('rejects methods not in the contract', () => {
    for (const method of [
      'sessions.delete',
      'constructor',
      '__proto__',
      'toString',
      42,
      null,
      { name: 'app.info' },
    ]) {
      expect(checkCall(fromApp, prod, method, undefined)).toMatchObject({
        ok: false,
        error: { type: 'unknown_method' },
      });
    }
    const long = checkCall(fromApp, prod, 'x'.repeat(500), undefined);
    expect(long.ok ? '' : long.error.message).not.toContain('x'.repeat(100));
  });

  it("rejects input the contract's schema refuses, as invalid_input", () => {
    const cases: [string, unknown][] = [
      ['sessions.list', { limit: 10_000 }],
      ['sessions.list', 'all'],
      ['sessions.get', {}],
      ['sessions.get', { id: '' }],
      ['settings.set', { theme: 'neon' }],
      ['settings.set', { notASetting: true }],
      ['app.info', { unexpected: 1 }],
    ];
    for (const [method, input] of cases) {
      const result = checkCall(fromApp, prod, method, input);
      expect(result).toMatchObject({
        ok: false,
        error: { type: 'invalid_input', message: expect.stringContaining(method) },
      });
    }
  });

  it('checks the sender before anything else', () => {
    const foreign = { frameUrl: 'https://evil.example/', isMainFrame: true };
    expect(checkCall(foreign, prod, 'no.such', { bad: true })).toMatchObject({
      error: { type: 'forbidden' },
    });
  });
});

describe('isAppUrl', () => {
  it('accepts the app page with any route or query, and nothing else', () => {
    expect(isAppUrl(pathToFileURL(indexPath).href, prod)).toBe(true);
    expect(isAppUrl(`${pathToFileURL(indexPath).href}?x=1#/a/b`, prod)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', prod)).toBe(false);
    expect(isAppUrl(`file://server${pathToFileURL(indexPath).pathname}`, prod)).toBe(false);
    expect(isAppUrl('http://localhost:5173/deep/route', dev)).toBe(true);
    expect(isAppUrl('ws://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl(undefined, dev)).toBe(false);
  });
});

describe('security policy', () => {
  it('opens only https links outside the app', () => {
    expect(isSafeExternalUrl('https://leadwatch.example/docs')).toBe(true);
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://share/x',
      'ms-msdt:/id',
      'https://user:pw@example.com',
      'nonsense',
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });

  it('keeps the window on the app page', () => {
    expect(decideNavigation(`${pathToFileURL(indexPath).href}#/x`, prod)).toBe('allow');
    expect(decideNavigation('https://example.com/', prod)).toBe('openExternally');
    expect(decideNavigation('file:///tmp/other.html', prod)).toBe('deny');
    expect(decideNavigation('http://example.com/', prod)).toBe('deny');
  });

  it('has a CSP without script loopholes', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives['script-src']).toBe("'self'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['base-uri']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['form-action']).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });

  it('puts the same CSP in the page itself, for file:// where no header arrives', () => {
    const html = readFileSync(resolve(__dirname, '../../src/renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'index.html has a <meta> CSP').not.toBeNull();
    // frame-ancestors is ignored in a <meta> tag; everything else must match the header.
    const header = directivesOf(CONTENT_SECURITY_POLICY);
    delete header['frame-ancestors'];
    expect(directivesOf(meta![1]!)).toEqual(header);
  });

  it('keeps the report preview frame on its own document', () => {
    for (const url of ['about:srcdoc', 'about:blank', `${pathToFileURL(indexPath).href}#/x`]) {
      expect(decideFrameNavigation(url, prod), url).toBe('allow');
    }
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      `${pathToFileURL('/opt/Leadwatch/resources/app.asar/out/renderer/other.html').href}`,
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:srcdoc?x',
    ]) {
      expect(decideFrameNavigation(url, prod), url).toBe('deny');
    }
    expect(decideFrameNavigation('http://localhost:5173/#/reports', dev)).toBe('allow');
    expect(decideFrameNavigation('http://localhost:5174/', dev)).toBe('deny');
  });
});

function directivesOf(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}
