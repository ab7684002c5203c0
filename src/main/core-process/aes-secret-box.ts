/**
 * The SecretBox core uses inside the utility process.
 *
 * Why not call safeStorage for each secret? safeStorage lives only in the main process and
 * SecretBox is synchronous (SettingsService seals inside a SQLite transaction), so a
 * round trip to main per secret is impossible. Instead main keeps one random 32-byte data
 * key sealed by safeStorage (the OS keychain) in the data dir and hands the plain key to
 * this process over its private port at start (never argv or env, which other local
 * processes can read). Secrets are sealed here with AES-256-GCM: a fresh 96-bit IV per
 * value and an authentication tag, so a tampered or foreign value is refused, not
 * decrypted to garbage. Without the keychain no key exists and the database holds only
 * ciphertext that is useless on its own.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../core/rpc/errors';
import type { SecretBox } from '../../core/secrets/secret-box';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;
// Binds ciphertexts to this use: a value sealed with the same key for another purpose
// would not authenticate here.
const AAD = Buffer.from('leadwatch/secret-box/v1');

export function createAesSecretBox(dataKey: Uint8Array): SecretBox {
  if (dataKey.length !== DATA_KEY_BYTES) {
    throw new Error(`The data key must be ${DATA_KEY_BYTES} bytes, got ${dataKey.length}`);
  }
  // A private copy: whoever passed the key may zero or reuse their buffer.
  const key = Buffer.from(dataKey);

  return {
    available: true,
    encrypt(plain: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(AAD);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed: string): string {
      const [version, encoded, ...rest] = sealed.split(':');
      if (version !== VERSION || encoded === undefined || rest.length > 0) {
        throw unreadable('it is not in a format this version understands');
      }
      const raw = Buffer.from(encoded, 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw unreadable('it is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(AAD);
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        const body = raw.subarray(IV_BYTES + TAG_BYTES);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        // GCM's tag check failed: altered, or sealed under another key (another machine or
        // OS account). The message never includes the value.
        throw unreadable('it was changed or sealed on another machine or account');
      }
    },
  };
}

const unreadable = (why: string) =>
  new AppError('forbidden', `A saved secret could not be read: ${why}. Enter it again.`);
