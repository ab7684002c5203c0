/**
 * Runs electronegativity over src/ and fails on any finding of high severity (or any
 * medium one not reviewed below). Run by `npm test`.
 *
 * It runs through `npx` from a temp dir rather than as a devDependency: it imports
 * commander without declaring it and breaks on the project's commander 14.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { version as ELECTRON_VERSION } from 'electron/package.json';

/** Medium findings reviewed and accepted, with the reason. */
const reviewed: Record<string, string> = {
  AUXCLICK_JS_CHECK:
    'setWindowOpenHandler denies every new window, middle-click included (security.ts)',
  PRELOAD_JS_CHECK:
    'the preload exposes one function per contract method and no ipcRenderer (preload/index.ts)',
  OPEN_EXTERNAL_JS_CHECK: 'openExternal only after checking the URL is https: (security.ts)',
};

const dir = mkdtempSync(join(tmpdir(), 'leadwatch-eneg-'));
try {
  const out = join(dir, 'findings.csv');
  const args = ['-y', '@doyensec/electronegativity@1.10.3', '-i', join(__dirname, '..', 'src')];
  execFileSync('npx', [...args, '-e', ELECTRON_VERSION, '-o', out], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
  const findings = rows.map((r) => {
    const [issue = '', severity = '', , file = '', location = ''] = r.split(',');
    return { issue, severity: severity.replace(/"/g, ''), file: file.replace(/"/g, ''), location };
  });
  const blocking = findings.filter(
    (f) =>
      f.severity === 'HIGH' ||
      f.severity === 'CRITICAL' ||
      (f.severity === 'MEDIUM' && !reviewed[f.issue]),
  );
  for (const f of findings) {
    const note = reviewed[f.issue] ? ` (reviewed: ${reviewed[f.issue]})` : '';
    console.log(`${f.severity.padEnd(6)} ${f.issue} ${f.file}:${f.location}${note}`);
  }
  if (blocking.length) {
    console.error(`electronegativity: ${blocking.length} blocking finding(s)`);
    process.exit(1);
  }
  console.log(`electronegativity: ${findings.length} findings, none blocking`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
