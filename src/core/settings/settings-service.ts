import { eq, inArray } from 'drizzle-orm';
import {
  settingsSchema,
  type SettingKey,
  type Settings,
  type SettingsView,
} from '../../shared/contract';
import { configNotices, resolveSettings } from '../config/provenance';
import { MASK, redactUrl } from '../config/redact';
import { AppError } from '../rpc/errors';
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

  /**
   * What the page (and any contract caller) sees: saved settings with connection strings
   * redacted, and each setting's effective value and source. The clear values stay here.
   */
  view(env: NodeJS.ProcessEnv): SettingsView {
    const stored = this.get();
    const effective = resolveSettings(stored, env, this.savedKeys());
    for (const key of ['redisUrl', 'databaseUrl', 'smtpUrl'] as const) {
      effective[key] = { ...effective[key], value: redactUrl(effective[key].value) };
    }
    return {
      ...stored,
      redisUrl: redactUrl(stored.redisUrl),
      databaseUrl: redactUrl(stored.databaseUrl),
      smtpUrl: redactUrl(stored.smtpUrl),
      effective,
      notices: configNotices(env, {
        INACTIVITY_MINUTES: effective.inactivityMinutes.value,
        MONITOR_INTERVAL_SECONDS: effective.monitorIntervalSeconds.value,
        FINALIZED_TTL_DAYS: effective.finalizedTtlDays.value,
      }),
    };
  }

  savedKeys(): Set<SettingKey> {
    const rows = this.store.db.select({ key: settingsTable.key }).from(settingsTable).all();
    return new Set(rows.map((r) => r.key as SettingKey));
  }

  set(patch: Partial<Settings>): Settings {
    const entries = (Object.entries(patch) as [SettingKey, unknown][]).filter(
      ([key, v]) => v !== undefined && !this.isUnchangedSecret(key, v),
    );
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

  /**
   * The page holds secrets redacted only: a connection string sent back exactly as it was
   * shown keeps the saved one; one still carrying the mask was edited around a password the
   * page never had, so it is refused rather than saved with ••• in it.
   */
  private isUnchangedSecret(key: SettingKey, value: unknown): boolean {
    if (!secretSettingKeys.includes(key) || typeof value !== 'string' || value === '') return false;
    const current = this.get()[key] as string;
    if (current !== '' && value === redactUrl(current)) return true;
    if (value.includes(MASK)) {
      throw new AppError(
        'invalid_input',
        `The ${key === 'smtpUrl' ? 'SMTP' : key === 'redisUrl' ? 'Redis' : 'PostgreSQL'} URL still holds the ${MASK} that stands for the saved password. Type the whole URL, password included, or leave the field as it was to keep the saved one.`,
      );
    }
    return false;
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
