import { eq, inArray } from 'drizzle-orm';
import { settingsSchema, type SettingKey, type Settings } from '../../shared/contract';
import type { SecretBox } from '../secrets/secret-box';
import { settings as settingsTable } from '../store/schema';
import type { Store } from '../store/open';

/** Settings that may carry passwords: kept sealed by the SecretBox, never as plain text. */
export const secretSettingKeys: readonly SettingKey[] = ['redisUrl', 'databaseUrl', 'smtpUrl'];

interface Sealed {
  sealed: string;
}

const isSealed = (v: unknown): v is Sealed =>
  typeof v === 'object' && v !== null && typeof (v as Sealed).sealed === 'string';

export class SettingsService {
  constructor(
    private readonly store: Store,
    private readonly secrets: SecretBox,
  ) {}

  /** Stored settings over defaults; a stored value that no longer validates falls back to its default. */
  get(): Settings {
    const rows = this.store.db.select().from(settingsTable).all();
    const raw: Record<string, unknown> = {};
    for (const row of rows) {
      raw[row.key] = isSealed(row.value) ? this.unseal(row.value) : row.value;
    }
    const defaults = settingsSchema.parse({});
    const merged: Record<string, unknown> = { ...defaults };
    for (const key of Object.keys(defaults) as SettingKey[]) {
      if (!(key in raw)) continue;
      const one = settingsSchema.shape[key].safeParse(raw[key]);
      if (one.success) merged[key] = one.data;
    }
    return merged as Settings;
  }

  set(patch: Partial<Settings>): Settings {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [
      SettingKey,
      unknown,
    ][];
    const now = new Date().toISOString();
    this.store.db.transaction((tx) => {
      for (const [key, value] of entries) {
        const stored =
          secretSettingKeys.includes(key) && value !== ''
            ? { sealed: this.secrets.encrypt(String(value)) }
            : value;
        tx.insert(settingsTable)
          .values({ key, value: stored, updatedAt: now })
          .onConflictDoUpdate({ target: settingsTable.key, set: { value: stored, updatedAt: now } })
          .run();
      }
    });
    return this.get();
  }

  reset(keys: SettingKey[]): Settings {
    if (keys.length)
      this.store.db.delete(settingsTable).where(inArray(settingsTable.key, keys)).run();
    return this.get();
  }

  has(key: SettingKey): boolean {
    return Boolean(
      this.store.db.select().from(settingsTable).where(eq(settingsTable.key, key)).get(),
    );
  }

  private unseal(value: Sealed): string | undefined {
    try {
      return this.secrets.decrypt(value.sealed);
    } catch {
      return undefined; // sealed by another keychain: treat as unset rather than fail every read
    }
  }
}
