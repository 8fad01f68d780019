import { parseChatKey, type ChatSettings, type Platform, type Subscription } from '../domain.ts';
import type { Messenger } from '../delivery.ts';
import type { Clock, Logger } from '../ports.ts';
import type { Store } from '../store.ts';
import type { Reply } from '../reply.ts';
import type { OutboxSender } from './outbox-sender.ts';
import { composeDigest, type ComposedDigest } from './compose.ts';
import { plainReply } from '../reply.ts';
import { t } from '../commands/i18n.ts';

export interface DigestServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly messengers: ReadonlyMap<Platform, Messenger>;
  readonly outbox: OutboxSender;
  readonly defaults: ChatSettings;
  readonly maxItems: number;
  readonly placeAliases?: ReadonlyMap<string, readonly string[]>;
}

export interface DigestService {
  /** Composes a subscription's digest for a slot into the outbox, then sends it. Never rejects. */
  runSubscription(sub: Subscription, slot: Date, late: boolean): Promise<void>;
  /** /digest: this chat's digest now, as a reply the adapter sends; its stories count as delivered. */
  digestNow(chatKey: string, settings: ChatSettings): Reply;
}

const platformOf = (chatKey: string): Platform => parseChatKey(chatKey).platform;

export function createDigestService(deps: DigestServiceDeps): DigestService {
  const compose = (
    chatKey: string,
    settings: ChatSettings,
    sub: Subscription | undefined,
    now: Date,
    late: boolean,
  ): ComposedDigest =>
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
        const messenger = deps.messengers.get(platformOf(sub.chatKey));
        if (messenger === undefined) {
          log.warn(`no ${platformOf(sub.chatKey)} adapter in this process; the digest waits for it`);
          return;
        }
        const settings = deps.store.chatSettings(sub.chatKey, deps.defaults);
        const digest = compose(sub.chatKey, settings, sub, deps.clock.now(), late);
        // An empty digest is not sent (unless the chat asked for a notice), but its slot is
        // recorded so catch-up does not retry it.
        const empty = digest.events.length === 0;
        const parts = !empty
          ? messenger.render(digest.reply)
          : settings.notifyEmpty === true
            ? messenger.render(plainReply(t(settings.lang).digestEmpty))
            : [];
        const id = deps.store.enqueueDigest({
          subscriptionId: sub.id,
          chatKey: sub.chatKey,
          slot: slot.toISOString(),
          late,
          parts,
          articleIds: digest.articleIds,
        });
        if (id === null) return; // this slot was composed already (another process, or a repeat)
        log.info({ events: digest.events.length, parts: parts.length, late }, 'digest queued');
        await deps.outbox.drain();
      } catch (e) {
        log.error({ err: e }, 'digest failed');
      }
    },
    digestNow(chatKey, settings) {
      const now = deps.clock.now();
      const sub = deps.store.listSubscriptions(chatKey)[0];
      const digest = compose(chatKey, settings, sub, now, false);
      if (digest.events.length === 0) return plainReply(t(settings.lang).digestEmpty);
      deps.store.enqueueDigest({
        subscriptionId: sub?.id ?? null,
        chatKey,
        slot: now.toISOString(),
        late: false,
        parts: [],
        articleIds: digest.articleIds,
      });
      return digest.reply;
    },
  };
}
