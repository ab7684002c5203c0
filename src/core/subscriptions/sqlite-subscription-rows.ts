import { asc, eq } from 'drizzle-orm';
import { deliveries, reportTemplates, subscriptions } from '../store/schema';
import type { Store } from '../store/open';
import type { SubscriptionRecord, SubscriptionRows, SubscriptionValues } from './subscription-rows';

/** Subscriptions in the local store (no team database configured). */
export class SqliteSubscriptionRows implements SubscriptionRows {
  constructor(private readonly store: Store) {}

  async all(): Promise<SubscriptionRecord[]> {
    return this.store.db.select().from(subscriptions).orderBy(asc(subscriptions.id)).all();
  }

  async get(id: number): Promise<SubscriptionRecord | null> {
    return this.store.db.select().from(subscriptions).where(eq(subscriptions.id, id)).get() ?? null;
  }

  async insert(values: SubscriptionValues, createdAt: string): Promise<number> {
    return this.store.db
      .insert(subscriptions)
      .values({ ...values, createdAt })
      .returning({ id: subscriptions.id })
      .get().id;
  }

  async update(id: number, values: SubscriptionValues): Promise<boolean> {
    const r = this.store.db.update(subscriptions).set(values).where(eq(subscriptions.id, id)).run();
    return r.changes === 1;
  }

  async remove(id: number): Promise<void> {
    this.store.sqlite.transaction(() => {
      this.store.db
        .update(deliveries)
        .set({ subscriptionId: null })
        .where(eq(deliveries.subscriptionId, id))
        .run();
      this.store.db.delete(subscriptions).where(eq(subscriptions.id, id)).run();
    })();
  }

  async templateExists(id: number): Promise<boolean> {
    const row = this.store.db
      .select({ id: reportTemplates.id })
      .from(reportTemplates)
      .where(eq(reportTemplates.id, id))
      .get();
    return row !== undefined;
  }
}
