/**
 * `/summary` (no argument: today's top stories) end to end, one command at a time: the real
 * grammY bot and the real discord.js client, each against its fake server on 127.0.0.1, with
 * the real command router over the big database. Timed from the moment the fake hands the
 * command to the client (an update in the open long poll / an INTERACTION_CREATE on the
 * gateway) until the fake has recorded the whole reply.
 */
import { createDiscordBot } from '../adapters/discord/bot.ts';
import { renderDiscord } from '../adapters/discord/render.ts';
import { createTelegramBot } from '../adapters/telegram/bot.ts';
import { renderTelegram } from '../adapters/telegram/render.ts';
import type { SendLimits } from '../adapters/telegram/send-limiter.ts';
import type { CommandRouter } from '../src/commands/types.ts';
import { silentLogger } from '../src/ports.ts';
import { startFakeDiscord } from '../tests/helpers/fake-discord.ts';
import { FAKE_TOKEN, startFakeTelegram } from '../tests/helpers/fake-telegram.ts';
import { percentile } from './lib/stats.ts';

/**
 * The send limiter off: commands here come faster than Telegram's 30/s bulk limit, and this
 * measures the reply path, not the limiter (the fan-out benchmark measures that).
 */
const UNLIMITED: SendLimits = {
  global: { max: 1_000_000, windowMs: 1000 },
  perChatIntervalMs: 0,
  group: { max: 1_000_000, windowMs: 1000 },
};

export interface ReplyResult {
  /** Null when the adapter could not be run; `note` says why. */
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly commands: number;
  /** Messages (Telegram) or responses after the deferral (Discord) per reply. */
  readonly parts: number;
  /** The command router's own time (the core, no adapter) over the same commands. */
  readonly coreP50Ms: number | null;
  readonly coreP99Ms: number | null;
  readonly note: string;
}

const failed = (commands: number, e: unknown): ReplyResult => ({
  p50Ms: null,
  p99Ms: null,
  commands,
  parts: 0,
  coreP50Ms: null,
  coreP99Ms: null,
  note: `not measured: ${e instanceof Error ? e.message : String(e)}`.split('\n')[0] ?? '',
});

/** Commands before timing starts: JIT, prepared statements, the page cache. */
const WARM_UP = 3;
/** Measured even past the budget, so a slow adapter still gives a figure. */
const MIN_SAMPLES = 5;

const budgetNote = (ran: number, planned: number, budget: number): string =>
  ran < planned ? `; ${String(ran)} of ${String(planned)} commands in the ${String(budget)} s budget` : '';

/**
 * The router with its own time recorded, so the adapter's share of a reply is the difference.
 * Only the timed commands are kept (`reset` before timing starts).
 */
function timedRouter(router: CommandRouter): { router: CommandRouter; times: number[]; reset(): void } {
  const times: number[] = [];
  return {
    times,
    reset: () => void times.splice(0),
    router: {
      ...router,
      handle: async (request) => {
        const t0 = performance.now();
        const reply = await router.handle(request);
        times.push(performance.now() - t0);
        return reply;
      },
    },
  };
}

const coreNote = (times: readonly number[]): string =>
  `; core (router alone) p50 ${percentile(times, 50).toFixed(2)} / p99 ${percentile(times, 99).toFixed(2)} ms`;

/**
 * Warms up, then times `once` until `commands` samples or the budget (at least MIN_SAMPLES), and
 * reports them beside the router's own time over the same commands.
 */
async function sampleReplies(
  once: () => Promise<number>,
  core: ReturnType<typeof timedRouter>,
  sizes: { readonly commands: number; readonly budgetSeconds: number; readonly parts: number },
  adapterNote: string,
): Promise<ReplyResult> {
  const { commands, budgetSeconds, parts } = sizes;
  for (let i = 0; i < WARM_UP; i++) await once();
  core.reset();
  const times: number[] = [];
  const deadline = performance.now() + budgetSeconds * 1000;
  while (times.length < commands && (performance.now() < deadline || times.length < MIN_SAMPLES)) {
    times.push(await once());
  }
  return {
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    commands: times.length,
    parts,
    coreP50Ms: percentile(core.times, 50),
    coreP99Ms: percentile(core.times, 99),
    note: `${adapterNote}${budgetNote(times.length, commands, budgetSeconds)}${coreNote(core.times)}`,
  };
}

const summaryRequest = (platform: 'telegram' | 'discord', id: string) => ({
  name: 'summary',
  args: '',
  chat: { platform, id },
  user: { id: '7001' },
  canManage: () => Promise.resolve(true),
  userLang: 'vi' as const,
});

export async function runTelegramReplyBench(
  router: CommandRouter,
  commands: number,
  budgetSeconds: number,
): Promise<ReplyResult> {
  try {
    const core = timedRouter(router);
    const fake = await startFakeTelegram();
    const bot = createTelegramBot({
      token: FAKE_TOKEN,
      apiRoot: fake.apiRoot,
      router: core.router,
      logger: silentLogger,
      onChatUnavailable: () => undefined,
      onChatAvailable: () => undefined,
      limits: UNLIMITED,
    });
    try {
      await bot.start();
      const chatId = 1001;
      const user = { id: 7001, first_name: 'Lan', language_code: 'vi' };
      fake.addChat({ id: chatId, type: 'private', first_name: 'Lan' });
      const parts = renderTelegram(await router.handle(summaryRequest('telegram', String(chatId)))).length;
      let received = 0;
      const once = async (): Promise<number> => {
        const target = received + parts;
        const t0 = performance.now();
        fake.sendUserMessage({ chatId, from: user, text: '/summary' });
        await fake.waitFor(() => fake.sentMessages(chatId).length >= target, { timeout: 60_000 });
        received = target;
        return performance.now() - t0;
      };
      return await sampleReplies(
        once,
        core,
        { commands, budgetSeconds, parts },
        'grammY long polling, send limiter off',
      );
    } finally {
      await bot.stop();
      await fake.close();
    }
  } catch (e) {
    return failed(commands, e);
  }
}

export async function runDiscordReplyBench(
  router: CommandRouter,
  commands: number,
  budgetSeconds: number,
): Promise<ReplyResult> {
  try {
    const core = timedRouter(router);
    // Discord's real heartbeat interval: the fake's 1 s default would add gateway traffic.
    const fake = await startFakeDiscord({ heartbeatIntervalMs: 41_250 });
    const guildId = '100';
    const channelId = '200';
    fake.addGuild({
      id: guildId,
      name: 'Tin tức',
      preferred_locale: 'vi',
      channels: [{ id: channelId, name: 'news' }],
    });
    const bot = createDiscordBot({
      token: fake.token,
      apiRoot: fake.apiRoot,
      guildId,
      router: core.router,
      logger: silentLogger,
      onChatUnavailable: () => undefined,
      onChatAvailable: () => undefined,
    });
    try {
      await bot.start();
      const parts = renderDiscord(await router.handle(summaryRequest('discord', channelId))).length;
      // A command marked mayBeSlow is deferred first (one callback, then the parts as edits and
      // follow-ups); otherwise the first part is the callback itself.
      const deferred = router.commands.find((c) => c.name === 'summary')?.mayBeSlow === true;
      const responses = (deferred ? 1 : 0) + Math.max(1, parts);
      const user = { id: '7001', username: 'lan' };
      const once = async (): Promise<number> => {
        const t0 = performance.now();
        const handle = fake.runSlashCommand({ guildId, channelId, user, name: 'summary', locale: 'vi' });
        await handle.waitForResponses(responses);
        return performance.now() - t0;
      };
      return await sampleReplies(
        once,
        core,
        { commands, budgetSeconds, parts },
        `discord.js gateway + REST, ${deferred ? 'deferred then edited' : 'answered in the callback'}`,
      );
    } finally {
      await bot.stop();
      await fake.close();
    }
  } catch (e) {
    return failed(commands, e);
  }
}
