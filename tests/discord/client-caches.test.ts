/**
 * The discord.js client createDiscordBot uses keeps no member, user or message a slash command
 * brings (they piled up for as long as the bot ran), and still caches guilds and channels, which
 * the adapter's GuildDelete and ChannelDelete handling needs.
 */
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Events, type Client, type Interaction } from 'discord.js';
import { createDiscordClient } from '../../adapters/discord/bot.ts';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.ts';

const GUILD = '100';
const NEWS = '200';
const lan = { id: '7002', username: 'lan' };

describe('the Discord client caches', () => {
  let fake: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    fake.addGuild({ id: GUILD, name: 'Tin tức', channels: [{ id: NEWS, name: 'news' }] });
    client = createDiscordClient({ apiRoot: fake.apiRoot });
    const ready = once(client, Events.ClientReady);
    await client.login(fake.token);
    await ready;
  });

  afterAll(async () => {
    await client.destroy();
    await fake.close();
  });

  test('keep guilds, channels and the bot itself', () => {
    const guild = client.guilds.cache.get(GUILD);
    expect(guild?.channels.cache.has(NEWS)).toBe(true);
    expect(client.channels.cache.has(NEWS)).toBe(true);
    const self = client.user?.id ?? '';
    expect(client.users.cache.has(self)).toBe(true);
  });

  test("drop a slash command's member, user and the reply message once handled", async () => {
    const arrived = once(client, Events.InteractionCreate) as Promise<[Interaction]>;
    fake.runSlashCommand({ guildId: GUILD, channelId: NEWS, user: lan, permissions: '3072', name: 'latest' });
    const [interaction] = await arrived;
    if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
    // What the adapter reads comes from the payload, cache or not.
    expect(interaction.user.id).toBe(lan.id);
    expect(interaction.channelId).toBe(NEWS);
    expect(interaction.memberPermissions?.bitfield).toBe(3072n);
    await interaction.deferReply();
    const reply = await interaction.editReply({ content: 'xong' });
    expect(reply.content).toBe('xong');

    expect(client.users.cache.has(lan.id)).toBe(false);
    expect(client.guilds.cache.get(GUILD)?.members.cache.has(lan.id)).toBe(false);
    const channel = client.channels.cache.get(NEWS);
    expect(channel?.isTextBased() === true ? channel.messages.cache.size : -1).toBe(0);
  });
});
