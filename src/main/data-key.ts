/**
 * The data key that seals core's secrets (see core-process/aes-secret-box.ts for the
 * design). One random 32-byte key per data dir, stored only sealed by the OS keychain
 * (safeStorage, via the KeySealer main passes in) in `<dataDir>/secrets.key`. No Electron
 * import: tested under Node with a stand-in sealer. Nothing here ever logs the key.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from '../core/config/private-files';
import { DATA_KEY_BYTES } from './core-process/aes-secret-box';

export interface KeySealer {
  /** False where the OS gives no real keychain: then no key exists and secrets come from env. */
  available(): Promise<boolean>;
  seal(plain: string): Promise<Buffer>;
  /** Throws when the sealed bytes cannot be opened (other machine, other OS account). */
  unseal(sealed: Buffer): Promise<{ plain: string; shouldReseal: boolean }>;
}

export const DATA_KEY_FILE = 'secrets.key';

function writePrivate(file: string, bytes: Buffer): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, bytes, { mode: 0o600 });
  renameSync(temp, file);
}

async function createKey(file: string, sealer: KeySealer): Promise<Buffer> {
  const key = randomBytes(DATA_KEY_BYTES);
  writePrivate(file, await sealer.seal(key.toString('base64')));
  return key;
}

/**
 * Returns the data dir's key, creating it on first use; null when no keychain is available.
 * A key the keychain can no longer open is set aside (renamed, never deleted, in case the
 * keychain comes back) and replaced: the secrets it sealed must be entered again either way,
 * and a fresh key lets the user do that.
 */
export async function loadDataKey(
  dataDir: string,
  sealer: KeySealer,
  log: (message: string) => void = (message) => console.error(`[secrets] ${message}`),
): Promise<Buffer | null> {
  if (!(await sealer.available())) {
    log('no OS keychain available: secrets can be set in the environment only');
    return null;
  }
  ensurePrivateDir(dataDir);
  const file = join(dataDir, DATA_KEY_FILE);
  if (!existsSync(file)) return createKey(file, sealer);

  try {
    const { plain, shouldReseal } = await sealer.unseal(readFileSync(file));
    const key = Buffer.from(plain, 'base64');
    if (key.length !== DATA_KEY_BYTES) throw new Error('the stored key has the wrong length');
    // The keychain rotated its own key: store ours sealed under the new one.
    if (shouldReseal) writePrivate(file, await sealer.seal(plain));
    return key;
  } catch (error) {
    const aside = `${file}.unreadable-${Date.now()}`;
    renameSync(file, aside);
    log(
      `the saved data key could not be opened (${error instanceof Error ? error.message : 'unknown error'}); ` +
        `it was moved to ${aside} and a new one made: enter saved passwords again`,
    );
    return createKey(file, sealer);
  }
}
