import { AppError } from '../rpc/errors';

/**
 * How core keeps secrets it is given (SMTP passwords, connection strings). The desktop
 * shell passes one backed by Electron's safeStorage; core itself never sees the OS keychain.
 */
export interface SecretBox {
  readonly available: boolean;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/** Where no keychain is at hand (CLI, daemon): secrets come from the environment only. */
export const noSecretBox: SecretBox = {
  available: false,
  encrypt() {
    throw new AppError(
      'forbidden',
      'Secrets can only be saved from the desktop app (OS keychain). Set them in the environment instead, e.g. SMTP_URL.',
    );
  },
  decrypt() {
    throw new AppError(
      'forbidden',
      'This secret was saved by the desktop app and can only be read there.',
    );
  },
};
