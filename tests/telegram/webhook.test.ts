import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support.ts';

const SECRET = 'hook_secret-123';
const WEBHOOK = { url: 'https://bot.example.com/tg/hook', secretToken: SECRET, port: 0, host: '127.0.0.1' };
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const update = (updateId: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: 1_700_000_000,
    chat: { id: 1001, type: 'private', first_name: 'Lan' },
    from: { id: 1001, is_bot: false, first_name: 'Lan', language_code: 'vi' },
    text,
    entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }],
  },
});

async function post(port: number, path: string, body: unknown, secret?: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }),
    },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('Telegram bot in webhook mode', () => {
  it('registers the webhook with its secret and answers only requests that carry it', async () => {
    h = await startHarness({ bot: { webhook: WEBHOOK } });
    const { fake, router } = h;
    fake.addChat({ id: 1001, type: 'private', first_name: 'Lan' });
    expect(fake.callsOf('setWebhook')[0]?.params).toMatchObject({
      url: WEBHOOK.url,
      secret_token: SECRET,
      allowed_updates: ['message', 'channel_post', 'my_chat_member'],
    });
    expect(fake.callsOf('getUpdates')).toEqual([]);
    const port = h.started!.webhookPort!;

    expect(await post(port, '/tg/hook', update(1, '/summary 1'))).toBe(401);
    expect(await post(port, '/tg/hook', update(2, '/summary 2'), 'wrong-secret')).toBe(401);
    expect(await post(port, '/elsewhere', update(3, '/summary 3'), SECRET)).toBe(404);
    expect(await post(port, '/tg/hook', update(4, '/summary 4'), SECRET)).toBe(200);
    await fake.waitFor(() => fake.sentMessages(1001).length === 1);
    expect(router.requests.map((r) => r.args)).toEqual(['4']);
  });

  it('refuses a secret Telegram would not accept', async () => {
    h = await startHarness({ start: false, bot: { webhook: { ...WEBHOOK, secretToken: 'has spaces' } } });
    await expect(h.bot.start()).rejects.toThrow(/webhook secret/);
  });
});
