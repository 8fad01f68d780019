import cron, { type ScheduledTask } from 'node-cron';
import type { ChatSettings, Subscription } from './domain.ts';
import type { Clock, Logger } from './ports.ts';
import type { Store } from './store.ts';
import type { DigestService } from './digest/digest-service.ts';
import { previousRun } from './digest/schedule.ts';

/** A slot is a minute: two firings in the same minute (a double start) compose one digest. */
const slotOf = (d: Date): Date => new Date(Math.floor(d.getTime() / 60_000) * 60_000);

export interface SchedulerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly digests: DigestService;
  readonly defaults: ChatSettings;
}

export interface Scheduler {
  /** Re-reads subscriptions and re-plans every cron task. */
  reload(): void;
  /** Delivers, once, the latest slot each subscription missed while bantin was down. */
  catchUp(): Promise<void>;
  /** Runs a subscription's cron task now, exactly as when its time comes (operators, tests). */
  trigger(subscriptionId: number): Promise<void>;
  stop(): void;
}

/**
 * Runs digests on each subscription's cron in its chat's time zone. The only importer of
 * node-cron. Exactly one process must run it (main.ts runs it in the bot process only).
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  let tasks = new Map<number, ScheduledTask>();
  const running = new Set<number>();

  const fire = async (sub: Subscription, slot: Date, late: boolean): Promise<void> => {
    if (running.has(sub.id)) return; // the previous digest of this subscription is still sending
    running.add(sub.id);
    try {
      await deps.digests.runSubscription(sub, slot, late);
    } finally {
      running.delete(sub.id);
    }
  };

  const active = (): Subscription[] => deps.store.listSubscriptions().filter((s) => !s.paused);

  return {
    reload() {
      for (const task of tasks.values()) void task.stop();
      tasks = new Map(
        active().map((sub) => {
          const { timezone } = deps.store.chatSettings(sub.chatKey, deps.defaults);
          const task = cron.schedule(
            sub.schedule,
            () => {
              // Re-read: the subscription may have been paused or removed since planning.
              const current = deps.store.listSubscriptions(sub.chatKey).find((s) => s.id === sub.id);
              if (current === undefined || current.paused) return Promise.resolve();
              return fire(current, slotOf(deps.clock.now()), false);
            },
            { timezone, name: `digest-${String(sub.id)}` },
          );
          return [sub.id, task] as const;
        }),
      );
      deps.logger.info({ subscriptions: tasks.size }, 'digest schedule planned');
    },
    async catchUp() {
      const now = deps.clock.now();
      for (const sub of active()) {
        const { timezone } = deps.store.chatSettings(sub.chatKey, deps.defaults);
        const slot = previousRun(sub.schedule, timezone, now);
        if (slot === null) continue;
        const last = Date.parse(sub.lastDigestAt ?? sub.createdAt);
        // One late digest for the latest missed slot, however many were missed.
        if (slot.getTime() > last) await fire(sub, slot, true);
      }
    },
    async trigger(subscriptionId) {
      await tasks.get(subscriptionId)?.execute();
    },
    stop() {
      for (const task of tasks.values()) void task.stop();
      tasks = new Map();
    },
  };
}
