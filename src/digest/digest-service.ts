import type { ChatSettings, Platform, Subscription } from '../domain.ts';
import type { Messenger } from '../delivery.ts';
import type { Clock, Logger } from '../ports.ts';
import type { Store } from '../store.ts';
import type { Reply } from '../reply.ts';
import { composeDigest } from './compose.ts';
import { plainReply } from '../reply.ts';
import { t } from '../commands/i18n.ts';

export interface DigestServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly messengers: ReadonlyMap<Platform, Messenger>;
  readonly defaults: ChatSettings;
  readonly maxItems: number;
  readonly placeAliases?: ReadonlyMap<string, readonly string[]>;
  /** Waits (injected so tests need not sleep). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Retries of one part after a 429 or a network error before the digest is left for the next run. */
const MAX_ATTEMPTS = 5;

export interface DigestService {
  /** Composes and delivers one subscription's digest for a slot. Never rejects. */
  runSubscription(sub: Subscription, slot: Date, late: boolean): Promise<void>;
  /** /digest: this chat's digest now, as a reply (the adapter sends it). */
  digestNow(chatKey: string, settings: ChatSettings): Reply;
}

const platformOf = (chatKey: string): { platform: Platform; id: string } => {
  const i = chatKey.indexOf(':');
  return { platform: chatKey.slice(0, i) as Platform, id: chatKey.slice(i + 1) };
};

export function createDigestService(deps: DigestServiceDeps): DigestService {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  const compose = (chatKey: string, settings: ChatSettings, sub: Subscription | undefined, now: Date, late: boolean) =>
    composeDigest(deps.store, {
      chatKey,
      settings,
      since: sub?.lastDigestAt ?? null,
      now,
      maxItems: deps.maxItems,
      filter: sub?.filter ?? null,
      late,
      ...(deps.placeAliases !== undefined ? { placeAliases: deps.placeAliases } : {}),
    });

  return {
    async runSubscription(sub, slot, late) {
      const log = deps.logger.child({ subscription: sub.id, chat: sub.chatKey, slot: slot.toISOString() });
      try {
        if (!deps.store.isChatAvailable(sub.chatKey)) return;
        const { platform, id } = platformOf(sub.chatKey);
        const messenger = deps.messengers.get(platform);
        if (messenger === undefined) {
          log.warn(`no ${platform} adapter running; digest kept for later`);
          return;
        }
        const settings = deps.store.chatSettings(sub.chatKey, deps.defaults);
        const digest = compose(sub.chatKey, settings, sub, deps.clock.now(), late);
        if (digest.events.length === 0) {
          deps.store.markDigestDelivered(sub.id, slot.toISOString(), []);
          return;
        }
        for (const part of messenger.render(digest.reply)) {
          let delivered = false;
          for (let attempt = 1; attempt <= MAX_ATTEMPTS && !delivered; attempt++) {
            const result = await messenger.sendPart(id, part);
            if (result.status === 'sent') delivered = true;
            else if (result.status === 'chat-unavailable') {
              deps.store.setChatAvailable(sub.chatKey, false);
              log.warn(`chat unavailable (${result.reason}); its subscriptions are paused`);
              return;
            } else if (result.status === 'rejected') {
              log.error(`digest part rejected: ${result.reason}`);
              return;
            } else {
              await sleep(result.status === 'rate-limited' ? result.retryAfterMs : 1000 * 2 ** attempt);
            }
          }
          if (!delivered) {
            log.warn('digest part not delivered after retries; the stories stay for the next digest');
            return;
          }
        }
        deps.store.markDigestDelivered(sub.id, slot.toISOString(), digest.articleIds);
        log.info({ events: digest.events.length }, 'digest delivered');
      } catch (e) {
        log.error({ err: e }, 'digest failed');
      }
    },
    digestNow(chatKey, settings) {
      const now = deps.clock.now();
      const sub = deps.store.listSubscriptions(chatKey)[0];
      const digest = compose(chatKey, settings, sub, now, false);
      if (digest.events.length === 0) return plainReply(t(settings.lang).digestEmpty);
      if (sub !== undefined) deps.store.markDigestDelivered(sub.id, now.toISOString(), digest.articleIds);
      return digest.reply;
    },
  };
}
