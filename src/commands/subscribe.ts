import type { Command } from './command.ts';
import type { Block } from '../reply.ts';
import { chatKey } from '../domain.ts';
import { plainReply, text } from '../reply.ts';
import { formatDateTime, t } from './i18n.ts';
import { nextRun, parseSchedule, splitScheduleAndFilter } from '../digest/schedule.ts';
import { parseFilter } from '../digest/filter.ts';
import { InputError } from '../errors.ts';

/** Enough for a morning, noon, evening and a few topic digests; stops runaway loops of /subscribe. */
export const MAX_SUBSCRIPTIONS_PER_CHAT = 10;
export const MAX_FILTER_LENGTH = 300;

export const subscribeCommand: Command = {
  info: {
    name: 'subscribe',
    description: {
      vi: 'Đăng ký bản tin định kỳ (cron hoặc "daily 7:00"), có thể lọc who:/where:',
      en: 'Subscribe to scheduled digests (cron or "daily 7:00"), optional who:/where: filter',
    },
    usage: '/subscribe [schedule] [filter]',
    managesChat: true,
    mayBeSlow: false,
    options: [
      {
        name: 'schedule',
        description: {
          vi: 'Lịch: "0 7 * * *", "daily 7:00", "7:00,19:00"',
          en: 'Schedule: "0 7 * * *", "daily 7:00"',
        },
        type: 'string',
        required: false,
      },
      {
        name: 'filter',
        description: { vi: 'Lọc: từ khóa, who:"…", where:"…"', en: 'Filter: words, who:"…", where:"…"' },
        type: 'string',
        required: false,
      },
    ],
  },
  needsManage: (args) => args.trim() !== '',
  run(ctx, deps) {
    const m = t(ctx.settings.lang);
    const key = chatKey(ctx.request.chat);
    const now = deps.clock.now();
    const args = ctx.request.args.trim();
    const nextText = (cron: string): string => {
      const next = nextRun(cron, ctx.settings.timezone, now);
      return next === null
        ? '—'
        : formatDateTime(next.toISOString(), ctx.settings.timezone, ctx.settings.lang);
    };
    if (args === '') {
      const subs = deps.store.listSubscriptions(key);
      if (subs.length === 0) return plainReply(m.noSubscriptions);
      const blocks: Block[] = [{ kind: 'heading', text: m.subscriptionsTitle }];
      for (const s of subs) {
        blocks.push({
          kind: 'paragraph',
          spans: [text(m.subscriptionLine(s.id, s.schedule, nextText(s.schedule), s.filter, s.paused))],
        });
      }
      return { blocks };
    }
    const { schedule: scheduleText, filter } = splitScheduleAndFilter(args);
    const schedule = parseSchedule(scheduleText, ctx.settings.timezone);
    if (filter !== null && filter.length > MAX_FILTER_LENGTH) {
      throw new InputError(`the filter is longer than ${String(MAX_FILTER_LENGTH)} characters`);
    }
    parseFilter(filter);
    if (deps.store.listSubscriptions(key).length >= MAX_SUBSCRIPTIONS_PER_CHAT) {
      throw new InputError(
        `a chat can hold at most ${String(MAX_SUBSCRIPTIONS_PER_CHAT)} subscriptions; remove one with /unsubscribe <id>`,
      );
    }
    deps.store.addSubscription({ chatKey: key, schedule: schedule.cron, filter });
    deps.onSubscriptionsChanged();
    return plainReply(
      m.subscribed(
        schedule.label === schedule.cron ? schedule.cron : `${schedule.label} = ${schedule.cron}`,
        nextText(schedule.cron),
      ),
    );
  },
};

export const unsubscribeCommand: Command = {
  info: {
    name: 'unsubscribe',
    description: {
      vi: 'Hủy đăng ký bản tin (tất cả hoặc theo số)',
      en: 'Cancel digests (all, or one by id)',
    },
    usage: '/unsubscribe [id]',
    managesChat: true,
    mayBeSlow: false,
    options: [
      {
        name: 'id',
        description: { vi: 'Số đăng ký', en: 'Subscription id' },
        type: 'integer',
        required: false,
      },
    ],
  },
  run(ctx, deps) {
    const m = t(ctx.settings.lang);
    const arg = ctx.request.args.trim().replace(/^#/, '');
    if (arg !== '' && !/^\d+$/.test(arg))
      throw new InputError('usage: /unsubscribe [id] — see the ids with /subscribe');
    const n = deps.store.removeSubscriptions(chatKey(ctx.request.chat), arg === '' ? undefined : Number(arg));
    if (n > 0) deps.onSubscriptionsChanged();
    return plainReply(m.unsubscribed(n));
  },
};

export const digestCommand: Command = {
  info: {
    name: 'digest',
    description: { vi: 'Gửi bản tin của chat này ngay', en: "Send this chat's digest now" },
    usage: '/digest',
    managesChat: false,
    mayBeSlow: false,
    options: [],
  },
  run: (ctx, deps) => deps.digestNow(chatKey(ctx.request.chat), ctx.settings),
};
