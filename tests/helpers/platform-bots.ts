/**
 * The real grammY and discord.js bots, both on one core router, against the two fakes: what the
 * end-to-end tests of commands over both platforms start in beforeAll.
 */
import { createDiscordBot, type DiscordBot } from '../../adapters/discord/bot.ts';
import { createTelegramBot, type TelegramBot } from '../../adapters/telegram/bot.ts';
import type { CommandRouter } from '../../src/commands/types.ts';
import { silentLogger } from '../../src/ports.ts';
import { NO_LIMITS } from '../telegram/support.ts';
import type { FakeDiscord } from './fake-discord.ts';
import { FAKE_TOKEN, type FakeTelegram } from './fake-telegram.ts';

export interface PlatformBots {
  readonly telegram: TelegramBot;
  readonly discord: DiscordBot;
  stop(): Promise<void>;
}

/** Starts both bots (Discord commands registered to `guildId`); chat availability is ignored. */
export async function startPlatformBots(
  router: CommandRouter,
  fakes: { readonly telegram: FakeTelegram; readonly discord: FakeDiscord; readonly guildId: string },
): Promise<PlatformBots> {
  const hooks = { onChatUnavailable: () => undefined, onChatAvailable: () => undefined };
  const telegram = createTelegramBot({
    token: FAKE_TOKEN,
    apiRoot: fakes.telegram.apiRoot,
    router,
    logger: silentLogger,
    limits: NO_LIMITS,
    ...hooks,
  });
  const discord = createDiscordBot({
    token: fakes.discord.token,
    apiRoot: fakes.discord.apiRoot,
    guildId: fakes.guildId,
    router,
    logger: silentLogger,
    ...hooks,
  });
  await telegram.start();
  await discord.start();
  return {
    telegram,
    discord,
    stop: async () => {
      await telegram.stop();
      await discord.stop();
    },
  };
}
