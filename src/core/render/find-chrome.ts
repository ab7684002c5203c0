import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';

/** Where Chrome or Chromium usually lives, per platform; the first that exists wins. */
export function chromeCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (r): r is string => Boolean(r),
    );
    return roots.flatMap((r) => [
      join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(r, 'Chromium', 'Application', 'chrome.exe'),
      join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROME_PATH when it is set (even if wrong, so the error names it), else the first browser found. */
export function findChrome(
  configured: string | null,
  platform?: NodeJS.Platform,
): {
  path: string | null;
  configured: boolean;
  exists: boolean;
} {
  if (configured) return { path: configured, configured: true, exists: isExecutable(configured) };
  const found = chromeCandidates(platform).find(isExecutable) ?? null;
  return { path: found, configured: false, exists: found !== null };
}
