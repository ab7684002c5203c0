import { randomUUID } from 'node:crypto';
import type { DeliveryStatus } from '../../shared/deliveries';
import { redactWebhookUrl } from '../delivery/http-post';
import { sendToRecipients, type ChannelConfig, type ChannelOptions } from './channels';
import { LeaseLostError, type DeliveryStore } from './delivery-store';
import { tellOwner } from './owner-notice';
import { requestOf, type DeliveryRequest, type DeliveryRow, type ReportProducer } from './types';

export interface RunnerOptions {
  /** How long a worker may stay in rendering/sending before any instance takes it back. */
  workingTimeoutMs?: number;
  /** First retry delay; each further retry waits twice as long. */
  backoffMs?: number;
  channel?: ChannelOptions;
}

export interface RunnerDeps {
  store: DeliveryStore;
  producer: ReportProducer;
  config: () => ChannelConfig;
  now?: () => Date;
  onChange?: (id: number, status: DeliveryStatus) => void;
  /** Errors worth keeping (final failures); core writes them to error_log. */
  logError?: (message: string, detail: string) => void;
}

/**
 * Far longer than a render (30 s limit) plus a send (30 s SMTP timeouts, 15 s webhooks), so
 * a live worker is never overtaken (which could send twice); a dead one waits this long.
 */
export const DEFAULT_WORKING_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_BACKOFF_MS = 60_000;

/** How a recipient is shown in logs and mails: webhook URLs carry secrets. */
export function displayRecipient(recipient: string): string {
  return /^https?:\/\//i.test(recipient) ? redactWebhookUrl(recipient) : recipient;
}

/**
 * Executes deliveries: `pending → rendering → sending → sent | failed`, one store
 * transition (and log row) per step, under a lease so a crashed or hung worker's delivery
 * is taken back by any instance once the working timeout passes (Superset's
 * working_timeout, without the stuck-forever state). Failed attempts wait with exponential
 * backoff; after the last one the owner is told.
 */
export class DeliveryRunner {
  readonly #deps: RunnerDeps;
  readonly #workingMs: number;
  readonly #backoffMs: number;
  #running: Promise<number[]> | null = null;
  #again = false;

  constructor(deps: RunnerDeps, options: RunnerOptions = {}) {
    this.#deps = deps;
    this.#workingMs = options.workingTimeoutMs ?? DEFAULT_WORKING_TIMEOUT_MS;
    this.#backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    this.#options = options.channel ?? {};
  }

  readonly #options: ChannelOptions;

  #now(): Date {
    return this.#deps.now?.() ?? new Date();
  }

  /**
   * Takes back stuck deliveries, then works through every due one. Calls while a run is
   * going join it (and make it look again), so timers and schedule firings never overlap.
   */
  runDue(): Promise<number[]> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const run = (async () => {
      const done: number[] = [];
      do {
        this.#again = false;
        await this.takeBackStuck();
        for (;;) {
          const row = await this.#deps.store.acquire(this.#now(), this.#workingMs, randomUUID());
          if (!row) break;
          this.#changed(row.id, 'rendering');
          await this.#execute(row);
          done.push(row.id);
        }
      } while (this.#again);
      return done;
    })();
    this.#running = run;
    return run.finally(() => (this.#running = null));
  }

  /** Runs one delivery now if it is due and free (deliveries.retry, sendNow). */
  async runOne(id: number): Promise<DeliveryRow | null> {
    await this.takeBackStuck();
    const row = await this.#deps.store.acquire(this.#now(), this.#workingMs, randomUUID(), id);
    if (row) {
      this.#changed(row.id, 'rendering');
      await this.#execute(row);
    }
    return await this.#deps.store.get(id);
  }

  /** Takes back every delivery whose worker's lease ran out (also run before each batch). */
  async takeBackStuck(): Promise<void> {
    for (const row of await this.#deps.store.stuck(this.#now())) {
      const why = `taken back: still ${row.status} when its lease ran out at ${row.lease_until} (the worker crashed or hung)`;
      // No backoff: the working timeout already waited, and the cause was ours, not the server's.
      await this.#attemptFailed(row, row.status, row.lease_token, why, 0).catch((error) => {
        if (!(error instanceof LeaseLostError)) throw error; // another instance took it first
      });
    }
  }

  async #execute(row: DeliveryRow): Promise<void> {
    const token = row.lease_token as string;
    try {
      await this.#work(row, token);
    } catch (error) {
      if (error instanceof LeaseLostError) return; // another instance has it now
      await this.#attemptFailed(
        row,
        (await this.#deps.store.get(row.id))?.status ?? 'rendering',
        token,
        (error as Error).message,
      ).catch((e) => {
        if (!(e instanceof LeaseLostError)) throw e;
      });
    }
  }

  async #work(row: DeliveryRow, token: string): Promise<void> {
    const { store } = this.#deps;
    const request = requestOf(row);
    let content;
    try {
      content = await this.#deps.producer.produce(request);
    } catch (error) {
      await this.#attemptFailed(
        row,
        'rendering',
        token,
        `could not build the report: ${(error as Error).message}`,
      );
      return;
    }
    await store.keepReport(row.id, token, JSON.stringify(content.report), content.pdfPath);
    if (content.isEmpty && request.skipWhenEmpty) {
      // Recorded as sent (nothing is owed) with a note, so it is neither retried nor shown as a failure.
      await this.#to(
        row.id,
        'rendering',
        'sent',
        'skipped: empty',
        { note: 'skipped: empty (nothing happened in the period)', error: null },
        token,
      );
      return;
    }
    await this.#to(row.id, 'rendering', 'sending', null, {}, token, true);
    const all = await store.recipients(row.id);
    const owed = all.filter((r) => r.status !== 'sent');
    if (all.length > 0 && owed.length === 0) {
      // A worker died after the last recipient got it but before saying so: nothing is owed.
      await this.#to(
        row.id,
        'sending',
        'sent',
        'every recipient already had it',
        { error: null },
        token,
      );
      return;
    }
    if (all.length === 0) {
      await this.#attemptFailed(
        row,
        'sending',
        token,
        `no recipients for ${request.method} (set them on the subscription or configure the default)`,
      );
      return;
    }
    // The last look before anything leaves the machine: a worker that outlived its lease stops here.
    if (!(await store.holdsLease(row.id, token, this.#now())))
      throw new LeaseLostError(`Delivery ${row.id}: lease expired before sending`);
    const { outcomes, warning } = await sendToRecipients(
      request.method,
      content,
      owed.map((r) => r.recipient),
      { deliveryId: row.id, config: this.#deps.config(), options: this.#options },
    );
    // Recorded whatever happened to the lease meanwhile: what was sent was sent.
    for (const o of outcomes) {
      await store.setRecipient(
        row.id,
        o.recipient,
        o.error ? 'failed' : 'sent',
        o.error,
        this.#now(),
      );
    }
    const failed = outcomes.filter((o) => o.error);
    if (failed.length === 0) {
      await this.#to(
        row.id,
        'sending',
        'sent',
        warning ? `sent; ${warning}` : `sent to ${outcomes.length}`,
        { error: null, note: warning },
        token,
      );
      return;
    }
    // A channel's error often names its recipient already ("Webhook https://…/…: …").
    const summary = failed
      .map((f) => {
        const who = displayRecipient(f.recipient);
        return f.error?.includes(who) ? f.error : `${who}: ${f.error}`;
      })
      .join('; ');
    const sentNow = outcomes.length - failed.length;
    await this.#attemptFailed(
      row,
      'sending',
      token,
      sentNow ? `${failed.length} of ${outcomes.length} not delivered (${summary})` : summary,
      undefined,
      failed.every((f) => f.permanent),
    );
  }

  /**
   * One attempt failed: back to pending after a backoff, or failed for good (owner told),
   * at once when `final` says another try cannot help.
   */
  async #attemptFailed(
    row: DeliveryRow,
    from: DeliveryStatus,
    token: string | null,
    error: string,
    delayOverrideMs?: number,
    final = false,
  ): Promise<void> {
    const current = (await this.#deps.store.get(row.id)) ?? row;
    const request: DeliveryRequest = requestOf(current);
    const now = this.#now();
    if (!final && current.attempts < request.maxAttempts) {
      const delay = delayOverrideMs ?? this.#backoffMs * 2 ** (current.attempts - 1);
      const next = new Date(now.getTime() + delay).toISOString();
      await this.#to(
        row.id,
        from,
        'pending',
        `attempt ${current.attempts} failed: ${error}; next try at ${next}`,
        { error, nextAttemptAt: next },
        token,
      );
      return;
    }
    const failedRow = await this.#to(
      row.id,
      from,
      'failed',
      final && current.attempts < request.maxAttempts
        ? `attempt ${current.attempts} failed, not retried (another try cannot help): ${error}`
        : `attempt ${current.attempts} of ${request.maxAttempts} failed: ${error}`,
      { error, nextAttemptAt: null },
      token,
    );
    this.#deps.logError?.(`Delivery ${row.id} failed: ${error}`, `delivery:${row.id}`);
    const notDelivered = (await this.#deps.store.recipients(row.id))
      .filter((r) => r.status !== 'sent')
      .map((r) => ({ recipient: displayRecipient(r.recipient), error: r.error }));
    const note = await tellOwner(failedRow, request, notDelivered, {
      config: this.#deps.config(),
      options: this.#options,
    });
    if (note !== null) await this.#deps.store.setNote(row.id, note);
  }

  async #to(
    id: number,
    from: DeliveryStatus,
    to: DeliveryStatus,
    message: string | null,
    fields: Parameters<DeliveryStore['transition']>[4],
    token: string | null,
    renewLease = false,
  ): Promise<DeliveryRow> {
    const now = this.#now();
    const until = renewLease ? new Date(now.getTime() + this.#workingMs).toISOString() : null;
    const row = await this.#deps.store.transition(id, from, to, message, fields, now, {
      token,
      until,
    });
    this.#changed(id, to);
    return row;
  }

  #changed(id: number, status: DeliveryStatus): void {
    try {
      this.#deps.onChange?.(id, status);
    } catch {
      // A listener's failure must not change a delivery's outcome.
    }
  }
}
