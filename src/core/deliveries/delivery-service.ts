import { hostname } from 'node:os';
import { DateTime } from 'luxon';
import type {
  DeliveryDetail,
  DeliverySummary,
  SendNowInput,
  Subscription,
} from '../../shared/deliveries';
import { leadReportParamsSchema } from '../../shared/lead-report';
import { recipientsProblem } from '../../shared/recipients';
import { AppError, notFound } from '../rpc/errors';
import { periodFor } from '../subscriptions/period';
import type { SubscriptionService } from '../subscriptions/subscription-service';
import { defaultRecipients, type ChannelConfig } from './channels';
import type { DeliveryListFilter, DeliveryStore } from './delivery-store';
import { displayRecipient, type DeliveryRunner } from './delivery-runner';
import { requestOf, type DeliveryRequest, type DeliveryRow } from './types';

export const DEFAULT_MAX_ATTEMPTS = 3;

export interface DeliveryServiceDeps {
  deliveries: DeliveryStore;
  subscriptions: SubscriptionService;
  runner: DeliveryRunner;
  config: () => ChannelConfig;
  now?: () => Date;
  maxAttempts?: number;
  onChange?: (id: number, status: 'pending') => void;
}

/** Who claims, as written in the log: this host and process. */
const claimer = () => `${hostname()}:${process.pid}`;

/**
 * The delivery use cases: claim a subscription's period (the scheduler), send now, retry,
 * and read the history. Everything goes through the same claim and the same runner.
 */
export class DeliveryService {
  constructor(private readonly deps: DeliveryServiceDeps) {}

  #now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * Claims the period a run at local time `fire` reports on. Returns whether this call
   * created the row; false means some instance (maybe this one) already has it.
   */
  async claimScheduled(
    sub: Subscription,
    fire: DateTime,
  ): Promise<{ id: number | null; claimed: boolean }> {
    const period = periodFor(sub.reportType, fire);
    const result = await this.deps.deliveries.claim({
      subscriptionId: sub.id,
      periodStart: period.start,
      periodEnd: period.end,
      request: this.#requestFor(sub, period.params, 'schedule'),
      recipients: this.#recipients(sub.deliveryMethod, sub.recipients),
      by: claimer(),
      now: this.#now(),
    });
    if (result.claimed && result.id !== null) this.deps.onChange?.(result.id, 'pending');
    return result;
  }

  /**
   * A subscription's latest period, or an ad-hoc report, delivered now. The row is not the
   * scheduled claim (no subscription id on it), so "send now" never blocks or replaces the
   * scheduled delivery of the same period.
   */
  async sendNow(input: SendNowInput): Promise<DeliverySummary> {
    let request: DeliveryRequest;
    let recipients: string[];
    let period: { start: string; end: string };
    if ('subscriptionId' in input) {
      const sub = await this.deps.subscriptions.get(input.subscriptionId);
      const fire = DateTime.fromJSDate(this.#now(), { zone: sub.timezone });
      const p = periodFor(sub.reportType, fire);
      request = this.#requestFor(sub, p.params, 'manual');
      recipients = this.#checked(sub.deliveryMethod, sub.recipients);
      period = p;
    } else {
      const params = leadReportParamsSchema.parse({
        ...input.params,
        timezone: input.params.timezone ?? this.deps.config().reportTimezone,
      });
      request = {
        trigger: 'manual',
        subscriptionId: null,
        params,
        templateId: input.templateId,
        method: input.method,
        skipWhenEmpty: false,
        owner: null,
        maxAttempts: this.deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      };
      recipients = this.#checked(input.method, input.recipients);
      period = adHocPeriod(params);
    }
    const { id } = await this.deps.deliveries.claim({
      subscriptionId: null,
      periodStart: period.start,
      periodEnd: period.end,
      request,
      recipients,
      by: claimer(),
      now: this.#now(),
    });
    if (id === null) throw new AppError('internal', 'The delivery could not be recorded.');
    this.deps.onChange?.(id, 'pending');
    await this.deps.runner.runOne(id);
    return await this.get(id);
  }

  /** Runs a delivery again now; a failed one gets a fresh round of tries. */
  async retry(id: number): Promise<DeliverySummary> {
    if (!(await this.deps.deliveries.get(id))) throw notFound(`Delivery ${id}`);
    // A delivery left behind by a crashed worker is taken back first (it may end failed).
    await this.deps.runner.takeBackStuck();
    const row = (await this.deps.deliveries.get(id))!;
    if (row.status === 'sent') {
      throw new AppError(
        'conflict',
        `Delivery ${id} was already sent; use send now for another copy.`,
      );
    }
    if (row.status === 'rendering' || row.status === 'sending') {
      throw new AppError(
        'conflict',
        `Delivery ${id} is being ${row.status === 'rendering' ? 'rendered' : 'sent'} right now.`,
      );
    }
    await this.deps.deliveries.requeue(id, this.#now(), 'retry requested: a fresh round of tries');
    await this.deps.runner.runOne(id);
    return await this.get(id);
  }

  async list(filter: DeliveryListFilter) {
    const { rows, total } = await this.deps.deliveries.list(filter);
    return { items: rows.map(toSummary), total, offset: filter.offset };
  }

  async get(id: number): Promise<DeliveryDetail> {
    const [row, log, recipients] = await Promise.all([
      this.deps.deliveries.get(id),
      this.deps.deliveries.log(id),
      this.deps.deliveries.recipients(id),
    ]);
    if (!row) throw notFound(`Delivery ${id}`);
    return {
      ...toSummary(row),
      report: row.report_json ? (JSON.parse(row.report_json) as unknown) : null,
      log: log.map((l) => ({
        from: l.from_status,
        to: l.to_status,
        message: l.message,
        at: l.at,
      })),
      recipients: recipients.map((r) => ({
        recipient: displayRecipient(r.recipient),
        status: r.status,
        error: r.error,
        updatedAt: r.updated_at,
      })),
    };
  }

  #requestFor(
    sub: Subscription,
    params: ReturnType<typeof periodFor>['params'],
    trigger: DeliveryRequest['trigger'],
  ): DeliveryRequest {
    return {
      trigger,
      subscriptionId: sub.id,
      params: leadReportParamsSchema.parse({ ...params, gymId: sub.gymId, branchId: sub.branchId }),
      templateId: sub.templateId,
      method: sub.deliveryMethod,
      skipWhenEmpty: sub.skipWhenEmpty,
      owner: sub.createdBy,
      maxAttempts: this.deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    };
  }

  /**
   * The recipients of a send now, refused before anything is recorded when one is not a
   * plain address or URL: the contract checked those given, this also covers the configured
   * default (REPORT_RECIPIENTS from the environment is read as it is). A scheduled claim is
   * not refused here; its delivery fails for good at the channel, where the owner is told.
   */
  #checked(method: DeliveryRequest['method'], given: readonly string[]): string[] {
    const list = this.#recipients(method, given);
    const problem = recipientsProblem(method, list);
    if (problem) {
      const where = given.length
        ? ''
        : method === 'email'
          ? ' (from REPORT_RECIPIENTS or Settings: correct it there)'
          : ' (from SLACK_WEBHOOK_URL: correct it there)';
      throw new AppError('invalid_input', `Nothing was sent. ${problem}${where}`);
    }
    return list;
  }

  /** Recipients are fixed at claim time: the subscription's, else the configured default. */
  #recipients(method: DeliveryRequest['method'], given: readonly string[]): string[] {
    const list = given.length ? [...given] : defaultRecipients(method, this.deps.config());
    return [...new Set(list.map((r) => r.trim()).filter(Boolean))];
  }
}

/** The instants an ad-hoc report covers, for the history list (the report computes its own). */
function adHocPeriod(params: DeliveryRequest['params']): { start: string; end: string } {
  const zone = params.timezone ?? 'UTC';
  const day = (d: string | undefined) => DateTime.fromISO(d ?? '', { zone }).startOf('day');
  let start: DateTime;
  let end: DateTime;
  if (params.type === 'custom') {
    start = day(params.start);
    end = day(params.end).plus({ days: 1 });
  } else {
    end = day(params.date).plus({ days: 1 });
    start = end.minus({ days: params.type === 'daily' ? 1 : 7 });
  }
  const iso = (d: DateTime) =>
    d.isValid ? d.toUTC().toJSDate().toISOString() : new Date(0).toISOString();
  return { start: iso(start), end: iso(end) };
}

export function toSummary(row: DeliveryRow): DeliverySummary {
  const request = requestOf(row);
  return {
    id: row.id,
    subscriptionId: row.subscription_id ?? request.subscriptionId,
    trigger: request.trigger,
    method: request.method,
    reportType: request.params.type,
    gymId: request.params.gymId,
    branchId: request.params.branchId,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: request.maxAttempts,
    nextAttemptAt: row.next_attempt_at,
    error: row.error,
    note: row.note,
    pdfPath: row.pdf_path,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
