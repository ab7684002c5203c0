import type { Subscription, SubscriptionDraft, Weekday } from '../../shared/deliveries';
import { AppError, notFound } from '../rpc/errors';
import { isValidZone, nextFire } from './period';
import type { SubscriptionRecord, SubscriptionRows, SubscriptionValues } from './subscription-rows';

type Row = SubscriptionRecord;

/**
 * Subscriptions CRUD over the team's table (PostgreSQL) or the local one. Every change is
 * announced to listeners (the scheduler re-plans at once); other instances see it on their
 * next poll, since the table is shared.
 */
export class SubscriptionService {
  readonly #listeners = new Set<(id: number) => void>();

  constructor(
    private readonly rows: SubscriptionRows,
    private readonly now: () => Date = () => new Date(),
  ) {}

  onChange(listener: (id: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async list(): Promise<Subscription[]> {
    const rows = await this.rows.all();
    return rows.flatMap((r) => (isLeadReport(r) ? [this.#toSubscription(r)] : []));
  }

  async active(): Promise<Subscription[]> {
    return (await this.list()).filter((s) => s.active);
  }

  async get(id: number): Promise<Subscription> {
    const row = await this.rows.get(id);
    if (!row || !isLeadReport(row)) throw notFound(`Subscription ${id}`);
    return this.#toSubscription(row);
  }

  async save(input: SubscriptionDraft): Promise<Subscription> {
    // Luxon knows the IANA database the scheduler will use; the contract only checks shape.
    if (!isValidZone(input.timezone)) {
      throw new AppError(
        'invalid_input',
        `Unknown time zone "${input.timezone}" (use an IANA name like Europe/Berlin).`,
      );
    }
    if (input.templateId !== null && !(await this.rows.templateExists(input.templateId))) {
      throw new AppError('invalid_input', `Report template ${input.templateId} does not exist.`);
    }
    const values: SubscriptionValues = {
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
      id = await this.rows.insert(values, this.now().toISOString());
    } else {
      await this.get(input.id);
      if (!(await this.rows.update(input.id, values))) throw notFound(`Subscription ${input.id}`);
      id = input.id;
    }
    this.#changed(id);
    return await this.get(id);
  }

  /**
   * Deletes the subscription but keeps its delivery history: the rows lose their link (the
   * claim key stays unique) and keep what they delivered in their own request snapshot.
   */
  async delete(id: number): Promise<{ id: number }> {
    await this.get(id);
    await this.rows.remove(id);
    this.#changed(id);
    return { id };
  }

  /** Tells listeners that rows changed outside this service (moved in from elsewhere). */
  announce(): void {
    this.#changed(0);
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
