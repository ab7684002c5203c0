import schedule from 'node-schedule';
import type { Subscription } from '../../shared/deliveries';
import type { DeliveryRunner } from '../deliveries/delivery-runner';
import type { DeliveryService } from '../deliveries/delivery-service';
import type { DeliveryStore } from '../deliveries/delivery-store';
import { lastDueFire } from '../subscriptions/period';
import type { SubscriptionService } from '../subscriptions/subscription-service';
import { planKey, recurrenceFor } from './recurrence';

export interface SchedulerDeps {
  subscriptions: SubscriptionService;
  deliveries: DeliveryService;
  runner: DeliveryRunner;
  store: DeliveryStore;
}

export interface SchedulerOptions {
  /** How far back a missed run is still delivered at start-up (default 7 days). */
  catchUpMs?: number;
  /**
   * How often to look again without a timer having fired: subscriptions changed by another
   * process, a retry falling due, a lease running out (default 30 s).
   */
  pollMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
  /**
   * A tick that failed (the team database is down, say), once per outage: not again for
   * the same message until a tick has succeeded. Core keeps it in error_log.
   */
  onError?: (message: string) => void;
}

export const DEFAULT_CATCH_UP_MS = 7 * 86_400_000;
export const DEFAULT_POLL_MS = 30_000;

/**
 * Fires each active subscription at its local time (one node-schedule job per subscription,
 * in its zone) and runs deliveries. The scheduler only claims; whether this instance or
 * another delivers is decided by the claim, so any number of schedulers can run. Every
 * `tick` recomputes what is due from the clock rather than from the timer that fired, so a
 * missed run (no instance was up) is delivered by the first tick after start-up.
 */
export class DeliveryScheduler {
  readonly #deps: SchedulerDeps;
  readonly #catchUpMs: number;
  readonly #pollMs: number;
  readonly #jobs = new Map<number, { key: string; job: schedule.Job }>();
  #poll: NodeJS.Timeout | null = null;
  #wake: NodeJS.Timeout | null = null;
  #unsubscribe: (() => void) | null = null;
  #ticking: Promise<unknown> | null = null;
  #started = false;
  #kickAgain = false;
  /** A timer may fire a few ms early; the tick then counts from the time it was due. */
  #floor = 0;

  constructor(
    deps: SchedulerDeps,
    private readonly options: SchedulerOptions = {},
  ) {
    this.#deps = deps;
    this.#catchUpMs = options.catchUpMs ?? DEFAULT_CATCH_UP_MS;
    this.#pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  }

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  get plannedIds(): number[] {
    return [...this.#jobs.keys()].sort((a, b) => a - b);
  }

  /** Plans every active subscription and catches up on missed runs at once. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    // A change made in this process re-plans at once; other processes' changes on the next poll.
    this.#unsubscribe = this.#deps.subscriptions.onChange(() => this.#kick());
    this.#poll = setInterval(() => this.#kick(), this.#pollMs);
    this.#poll.unref();
    this.#kick();
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#unsubscribe?.();
    if (this.#poll) clearInterval(this.#poll);
    if (this.#wake) clearTimeout(this.#wake);
    for (const { job } of this.#jobs.values()) job.cancel();
    this.#jobs.clear();
    await this.#ticking?.catch(() => undefined);
  }

  /** Brings the timers in line with the active subscriptions. */
  async plan(): Promise<Subscription[]> {
    const list = await this.#deps.subscriptions.active();
    this.#planFor(list);
    return list;
  }

  #planFor(list: Subscription[]): void {
    if (!this.#started) return; // stopped while the list was read: leave no timer behind
    const active = new Map(list.map((s) => [s.id, s]));
    for (const [id, planned] of this.#jobs) {
      const sub = active.get(id);
      if (!sub || planKey(sub) !== planned.key) {
        planned.job.cancel();
        this.#jobs.delete(id);
      }
    }
    for (const sub of active.values()) {
      if (this.#jobs.has(sub.id)) continue;
      const job = schedule.scheduleJob(`subscription-${sub.id}`, recurrenceFor(sub), (at) => {
        this.#floor = Math.max(this.#floor, at.getTime());
        this.#kick();
      });
      // null when the rule can never fire (cannot happen for a validated subscription).
      if (job) this.#jobs.set(sub.id, { key: planKey(sub), job });
    }
  }

  /**
   * Claims every active subscription's latest due period that has no delivery yet (within
   * the catch-up window and not before the subscription existed), then runs what is due.
   */
  async tick(): Promise<{ claimed: number[]; ran: number[] }> {
    const now = new Date(Math.max(this.#now().getTime(), this.#floor));
    const claimed: number[] = [];
    // One read serves both: the timers follow the list, the claims are made from it.
    const active = await this.plan();
    for (const sub of active) {
      const fire = lastDueFire(sub, now, this.#notBefore(sub, now));
      if (!fire) continue;
      const { id, claimed: mine } = await this.#deps.deliveries.claimScheduled(sub, fire);
      if (mine && id !== null) {
        claimed.push(id);
        this.options.log?.(`claimed delivery ${id} (subscription ${sub.id}, due ${fire.toISO()})`);
      }
    }
    const ran = await this.#deps.runner.runDue();
    return { claimed, ran };
  }

  #notBefore(sub: Subscription, now: Date): Date {
    return new Date(Math.max(Date.parse(sub.createdAt), now.getTime() - this.#catchUpMs));
  }

  /** Runs a tick unless one is running, logs its failure, and sets the next wake-up. */
  #kick(): void {
    if (this.#ticking) {
      // One more tick after the running one, however many kicks arrive meanwhile.
      this.#kickAgain = true;
      return;
    }
    this.#ticking = this.tick()
      .then(
        () => true,
        (error: unknown) => {
          this.#failed(`scheduler tick failed: ${String(error)}`);
          return false;
        },
      )
      .then((ok) => {
        this.#ticking = null;
        if (ok) this.#lastError = null; // the outage is over: the next one is news
        if (!this.#started) return;
        if (this.#kickAgain) {
          this.#kickAgain = false;
          this.#kick();
        } else if (ok) {
          // After a failed tick the poll tries again; a wake-up read would only fail too.
          this.#armWake().catch((error: unknown) =>
            this.#failed(`scheduler could not plan its next wake-up: ${String(error)}`),
          );
        }
      });
  }

  #failed(message: string): void {
    this.options.log?.(message);
    if (message === this.#lastError) return;
    this.#lastError = message;
    this.options.onError?.(message);
  }

  #lastError: string | null = null;

  /** A timer for the next retry or lease expiry, so backoff is honoured to the second. */
  async #armWake(): Promise<void> {
    const next = await this.#deps.store.nextWake();
    if (this.#wake) clearTimeout(this.#wake);
    if (!next || !this.#started) return;
    const delay = Math.max(0, Math.min(Date.parse(next) - this.#now().getTime(), this.#pollMs));
    this.#wake = setTimeout(() => this.#kick(), delay + 5);
    this.#wake.unref();
  }
}
