import type pg from 'pg';
import { PgDeliveryStore } from '../deliveries/pg-delivery-store';
import type { DeliveryStore } from '../deliveries/delivery-store';
import { SqliteDeliveryStore } from '../deliveries/sqlite-delivery-store';
import { PgTemplateRows } from '../reports/leads/render/pg-template-rows';
import { SqliteTemplateRows } from '../reports/leads/render/sqlite-template-rows';
import type { TemplateRows } from '../reports/leads/render/template-rows';
import { AppError } from '../rpc/errors';
import type { Store } from '../store/open';
import { PgSubscriptionRows } from '../subscriptions/pg-subscription-rows';
import type { SubscriptionRows } from '../subscriptions/subscription-rows';
import { SqliteSubscriptionRows } from '../subscriptions/sqlite-subscription-rows';
import { PgStaffRows } from '../staff/pg-staff-rows';
import { SqliteStaffRows } from '../staff/sqlite-staff-rows';
import type { StaffRows } from '../staff/staff-rows';
import type { GymNameRows } from '../gyms/gym-name-rows';
import { PgGymNameRows } from '../gyms/pg-gym-name-rows';
import { SqliteGymNameRows } from '../gyms/sqlite-gym-name-rows';
import { lateBound } from './late-bound';
import { migrateTeamDb } from './migrations';

export type TeamStorage = 'postgres' | 'local';

/** Leadwatch's own team tables, in one place. */
export interface TeamTables {
  storage: TeamStorage;
  deliveries: DeliveryStore;
  subscriptions: SubscriptionRows;
  templates: TemplateRows;
  staff: StaffRows;
  gymNames: GymNameRows;
}

export interface TeamDatabaseDeps {
  /** The local store: the team tables live here while no team database is configured. */
  store: Store;
  /** The team PostgreSQL pool, or null when DATABASE_URL is not set. */
  pool: () => pg.Pool | null;
  /** Runs once per backend before first use (core seeds the built-in templates). */
  prepare?: (tables: TeamTables) => Promise<void>;
}

/** Socket-level failures and PostgreSQL's "going away" codes: the database is not there. */
function isUnreachable(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  const code = e?.code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN'].includes(
      code,
    ) ||
    /^(08|57P0)/.test(code) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(e?.message ?? '')
  );
}

function unreachable(error: unknown): unknown {
  if (error instanceof AppError || !isUnreachable(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError(
    'unavailable',
    `The team database (DATABASE_URL) is not reachable: ${reason}. Subscriptions, report templates and deliveries are kept there; check that PostgreSQL is running and DATABASE_URL is right.`,
    { cause: error },
  );
}

/**
 * Where subscriptions, templates and deliveries live (DESIGN.md): the `leadwatch` schema
 * of the team PostgreSQL when DATABASE_URL is set, so every instance of the team shares
 * the delivery claim; otherwise the local store. Decided on each use, so setting or
 * clearing DATABASE_URL takes effect without a restart. A configured database that does
 * not answer is an error, never a silent switch to the local tables: that would let two
 * instances both deliver a period.
 */
export class TeamDatabase {
  #local: TeamTables | null = null;
  #pg = new WeakMap<pg.Pool, Promise<TeamTables>>();
  #prepared = new WeakMap<TeamTables, Promise<void>>();

  readonly deliveries: DeliveryStore;
  readonly subscriptions: SubscriptionRows;
  readonly templates: TemplateRows;
  readonly staff: StaffRows;
  readonly gymNames: GymNameRows;

  constructor(private readonly deps: TeamDatabaseDeps) {
    this.deliveries = lateBound(async () => (await this.current()).deliveries, unreachable);
    this.subscriptions = lateBound(async () => (await this.current()).subscriptions, unreachable);
    this.templates = lateBound(async () => (await this.current()).templates, unreachable);
    this.staff = lateBound(async () => (await this.current()).staff, unreachable);
    this.gymNames = lateBound(async () => (await this.current()).gymNames, unreachable);
  }

  /** Which backend a call made now would use (no I/O). */
  get storage(): TeamStorage {
    return this.deps.pool() ? 'postgres' : 'local';
  }

  /** The tables to use now: migrated and prepared, or an error saying what to fix. */
  async current(): Promise<TeamTables> {
    const pool = this.deps.pool();
    const tables = pool ? await this.#postgres(pool) : this.#localTables();
    await this.#prepare(tables);
    return tables;
  }

  /**
   * Runs `fn` on the team database's subscriptions and templates inside one transaction:
   * all of its writes land, or none.
   */
  async inTeamTransaction<T>(
    fn: (tables: Pick<TeamTables, 'subscriptions' | 'templates'>) => Promise<T>,
  ): Promise<T> {
    const pool = this.deps.pool();
    if (!pool) throw new AppError('conflict', 'No team database is configured.');
    await this.current();
    const client = await pool.connect().catch((error: unknown) => {
      throw unreachable(error);
    });
    try {
      await client.query('BEGIN');
      const result = await fn({
        subscriptions: new PgSubscriptionRows(client),
        templates: new PgTemplateRows(client),
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw unreachable(error);
    } finally {
      client.release();
    }
  }

  #localTables(): TeamTables {
    const { store } = this.deps;
    this.#local ??= {
      storage: 'local',
      deliveries: new SqliteDeliveryStore(store),
      subscriptions: new SqliteSubscriptionRows(store),
      templates: new SqliteTemplateRows(store),
      staff: new SqliteStaffRows(store),
      gymNames: new SqliteGymNameRows(store),
    };
    return this.#local;
  }

  #postgres(pool: pg.Pool): Promise<TeamTables> {
    let ready = this.#pg.get(pool);
    if (!ready) {
      ready = migrateTeamDb(pool).then((): TeamTables => ({
        storage: 'postgres',
        deliveries: new PgDeliveryStore(pool),
        subscriptions: new PgSubscriptionRows(pool),
        templates: new PgTemplateRows(pool),
        staff: new PgStaffRows(pool),
        gymNames: new PgGymNameRows(pool),
      }));
      // A failed attempt is forgotten, so the next call tries again.
      ready.catch(() => this.#pg.delete(pool));
      this.#pg.set(pool, ready);
    }
    return ready.catch((error: unknown) => {
      if (error instanceof AppError || isUnreachable(error)) throw unreachable(error);
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'unavailable',
        `The team database answered, but Leadwatch could not set up its "leadwatch" schema there: ${reason}. The database user needs the right to create a schema (or someone with it starts Leadwatch once).`,
        { cause: error },
      );
    });
  }

  #prepare(tables: TeamTables): Promise<void> {
    const prepare = this.deps.prepare;
    if (!prepare) return Promise.resolve();
    let done = this.#prepared.get(tables);
    if (!done) {
      done = prepare(tables);
      done.catch(() => this.#prepared.delete(tables));
      this.#prepared.set(tables, done);
    }
    return done;
  }
}
