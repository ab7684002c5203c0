/**
 * safeStorage (the OS keychain: Keychain, DPAPI, libsecret/kwallet) as the KeySealer for
 * the data key. It seals one value, the data key, never a user's secret directly and
 * never to a log.
 */
import { safeStorage } from 'electron';
import type { KeySealer } from './data-key';

export const safeStorageSealer: KeySealer = {
  async available() {
    // The async API is the non-deprecated one in Electron 45 (isEncryptionAvailable is
    // deprecated) and re-seals transparently when the OS rotates its key.
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
    // On Linux without a keyring, Chromium falls back to a hard-coded password: that is
    // obfuscation, not protection, and DESIGN.md promises secrets are never in plain files.
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  },
  seal: (plain) => safeStorage.encryptStringAsync(plain),
  async unseal(sealed) {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(sealed);
    return { plain: result, shouldReseal: shouldReEncrypt };
  },
};
