import { asc, eq } from 'drizzle-orm';
import type { Subscription, SubscriptionDraft, Weekday } from '../../shared/deliveries';
import { AppError, notFound } from '../rpc/errors';
import { deliveries, reportTemplates, subscriptions } from '../store/schema';
import type { Store } from '../store/open';
import { isValidZone, nextFire } from './period';

type Row = typeof subscriptions.$inferSelect;

/**
 * Subscriptions CRUD. Every change is announced to listeners (the scheduler re-plans at
 * once); other processes see it on their next poll, since the table is shared.
 */
export class SubscriptionService {
  readonly #listeners = new Set<(id: number) => void>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  onChange(listener: (id: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  list(): Subscription[] {
    const rows = this.store.db.select().from(subscriptions).orderBy(asc(subscriptions.id)).all();
    return rows.flatMap((r) => (isLeadReport(r) ? [this.#toSubscription(r)] : []));
  }

  active(): Subscription[] {
    return this.list().filter((s) => s.active);
  }

  get(id: number): Subscription {
    const row = this.store.db.select().from(subscriptions).where(eq(subscriptions.id, id)).get();
    if (!row || !isLeadReport(row)) throw notFound(`Subscription ${id}`);
    return this.#toSubscription(row);
  }

  save(input: SubscriptionDraft): Subscription {
    // Luxon knows the IANA database the scheduler will use; the contract only checks shape.
    if (!isValidZone(input.timezone)) {
      throw new AppError(
        'invalid_input',
        `Unknown time zone "${input.timezone}" (use an IANA name like Europe/Berlin).`,
      );
    }
    if (input.templateId !== null) this.#requireTemplate(input.templateId);
    const values = {
      gymId: input.gymId,
      branchId: input.branchId,
      reportType: input.reportType,
      templateId: input.templateId,
      active: input.active,
      deliveryMethod: input.deliveryMethod,
      recipients: [...new Set(input.recipients)],
      deliveryTime: input.deliveryTime,
      deliveryDays: input.deliveryDays ? [...new Set(input.deliveryDays)] : null,
      timezone: input.timezone,
      skipWhenEmpty: input.skipWhenEmpty,
      createdBy: input.createdBy || null,
      updatedAt: this.now().toISOString(),
    };
    let id: number;
    if (input.id === undefined) {
      const row = this.store.db
        .insert(subscriptions)
        .values({ ...values, createdAt: this.now().toISOString() })
        .returning({ id: subscriptions.id })
        .get();
      id = row.id;
    } else {
      this.get(input.id);
      this.store.db.update(subscriptions).set(values).where(eq(subscriptions.id, input.id)).run();
      id = input.id;
    }
    this.#changed(id);
    return this.get(id);
  }

  /**
   * Deletes the subscription but keeps its delivery history: the rows lose their link (the
   * claim key stays unique) and keep what they delivered in their own request snapshot.
   */
  delete(id: number): { id: number } {
    this.get(id);
    this.store.sqlite.transaction(() => {
      this.store.db
        .update(deliveries)
        .set({ subscriptionId: null })
        .where(eq(deliveries.subscriptionId, id))
        .run();
      this.store.db.delete(subscriptions).where(eq(subscriptions.id, id)).run();
    })();
    this.#changed(id);
    return { id };
  }

  #requireTemplate(id: number): void {
    const row = this.store.db
      .select({ id: reportTemplates.id })
      .from(reportTemplates)
      .where(eq(reportTemplates.id, id))
      .get();
    if (!row) throw new AppError('invalid_input', `Report template ${id} does not exist.`);
  }

  #changed(id: number): void {
    for (const listener of this.#listeners) listener(id);
  }

  #toSubscription(r: Row & { reportType: 'daily' | 'weekly' }): Subscription {
    const days = (r.deliveryDays ?? null) as Weekday[] | null;
    const next =
      r.active && isValidZone(r.timezone)
        ? nextFire({ ...r, deliveryDays: days }, this.now())
        : null;
    return {
      id: r.id,
      gymId: r.gymId,
      branchId: r.branchId,
      reportType: r.reportType,
      templateId: r.templateId,
      active: r.active,
      deliveryMethod: r.deliveryMethod,
      recipients: r.recipients,
      deliveryTime: r.deliveryTime,
      deliveryDays: days,
      timezone: r.timezone,
      skipWhenEmpty: r.skipWhenEmpty,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      nextRunAt: next ? next.toUTC().toJSDate().toISOString() : null,
    };
  }
}

/** The table also allows 'churn' (issue 5's report); this service handles the lead reports. */
function isLeadReport(r: Row): r is Row & { reportType: 'daily' | 'weekly' } {
  return r.reportType === 'daily' || r.reportType === 'weekly';
}
