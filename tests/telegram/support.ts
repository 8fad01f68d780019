/** A stand-in router and a harness (fake Bot API + real grammY bot) for the Telegram tests. */
import { createTelegramBot, type TelegramBot, type TelegramBotOptions } from '../../adapters/telegram/bot.ts';
import type { SendLimits } from '../../adapters/telegram/send-limiter.ts';
import type { CommandInfo, CommandRequest, CommandRouter } from '../../src/commands/types.ts';
import type { ChatRef } from '../../src/domain.ts';
import { silentLogger } from '../../src/ports.ts';
import { bold, paragraph, plainReply, text, type Reply, type SummaryCard } from '../../src/reply.ts';
import {
  FAKE_TOKEN,
  startFakeTelegram,
  type FakeTelegram,
  type FakeTelegramOptions,
} from '../helpers/fake-telegram.ts';

export const HEADLINE = 'Giá <b>vàng</b> & USD *tăng* _mạnh_ <i>ngày 30/12</i> &amp; "kỷ lục"';

const info = (name: string, managesChat = false): CommandInfo => ({
  name,
  description: { vi: `Lệnh ${name}`, en: `The ${name} command` },
  usage: `/${name}`,
  managesChat,
  mayBeSlow: false,
  options: [],
});

export const aCard = (n: number, title = `Tin số ${n}: Hà Nội công bố kế hoạch mới`): SummaryCard => ({
  kind: 'card',
  title,
  url: `https://vnexpress.net/tin-${n}.html`,
  fields: [
    { label: 'Ai', value: 'UBND TP Hà Nội' },
    { label: 'Việc gì', value: `Công bố kế hoạch số ${n} về giao thông đô thị và môi trường 🚇` },
    { label: 'Khi nào', value: 'Sáng 30/12/2020' },
    { label: 'Ở đâu', value: 'Hà Nội' },
  ],
  links: [{ text: 'tuoitre.vn', url: `https://tuoitre.vn/tin-${n}.htm` }],
  footer: `vnexpress.net · 30/12/2020 14:00 · /summary ${n}`,
  articleId: n,
});

/** About 9,000 UTF-16 units of cards: at least three Telegram messages. */
export const longReply = (): Reply => ({
  blocks: [{ kind: 'heading', text: 'Bản tin sáng' }, ...Array.from({ length: 42 }, (_, i) => aCard(i + 1))],
});

export interface TestRouter extends CommandRouter {
  readonly requests: CommandRequest[];
  /** canManage() answers, in request order. */
  readonly manageAnswers: boolean[];
}

/** Records requests and returns canned replies; `subscribe` refuses unless canManage() is true. */
export function createTestRouter(): TestRouter {
  const requests: CommandRequest[] = [];
  const manageAnswers: boolean[] = [];
  return {
    requests,
    manageAnswers,
    commands: [info('summary'), info('latest'), info('subscribe', true), info('long'), info('headline')],
    async handle(request) {
      requests.push(request);
      switch (request.name) {
        case 'summary':
          return { blocks: [aCard(42)], linkPreview: true };
        case 'long':
          return longReply();
        case 'headline':
          return { blocks: [{ ...aCard(7), title: HEADLINE }] };
        case 'subscribe': {
          const allowed = await request.canManage();
          manageAnswers.push(allowed);
          if (!allowed) return plainReply('Chỉ quản trị viên mới được đăng ký.', true);
          return { blocks: [paragraph(bold('Đã đăng ký '), text(`${request.chat.id}: ${request.args}`))] };
        }
        case 'boom':
          throw new Error('router exploded');
        default:
          return plainReply(`Lệnh không rõ: /${request.name}`, true);
      }
    },
  };
}

/** No spacing at all: tests that are not about rate limits should not wait. */
export const NO_LIMITS: SendLimits = {
  global: { max: 1_000_000, windowMs: 1000 },
  perChatIntervalMs: 0,
  group: { max: 1_000_000, windowMs: 1000 },
};

export interface Harness {
  readonly fake: FakeTelegram;
  readonly bot: TelegramBot;
  readonly router: TestRouter;
  readonly unavailable: Array<{ chat: ChatRef; reason: string }>;
  readonly available: ChatRef[];
  /** What start() returned, when the harness started the bot. */
  readonly started: { readonly username: string; readonly webhookPort: number | null } | null;
  /** Stops the bot, then the fake (the other order leaves grammY retrying a dead server). */
  close(): Promise<void>;
}

export async function startHarness(
  opts: { fake?: FakeTelegramOptions; bot?: Partial<TelegramBotOptions>; start?: boolean } = {},
): Promise<Harness> {
  const fake = await startFakeTelegram(opts.fake);
  const router = createTestRouter();
  const unavailable: Array<{ chat: ChatRef; reason: string }> = [];
  const available: ChatRef[] = [];
  const bot = createTelegramBot({
    token: FAKE_TOKEN,
    apiRoot: fake.apiRoot,
    router,
    logger: silentLogger,
    onChatUnavailable: (chat, reason) => {
      unavailable.push({ chat, reason });
    },
    onChatAvailable: (chat) => {
      available.push(chat);
    },
    limits: NO_LIMITS,
    ...opts.bot,
  });
  const started = opts.start === false ? null : await bot.start();
  return {
    fake,
    bot,
    router,
    unavailable,
    available,
    started,
    async close() {
      await bot.stop();
      await fake.close();
    },
  };
}
