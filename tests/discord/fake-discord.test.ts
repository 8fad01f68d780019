/** The fake itself: the gateway checks discord.js never trips in the happy path. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.ts';

describe('fake Discord', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await startFakeDiscord();
  });
  afterEach(async () => {
    await fake.close();
  });

  async function identify(d: Record<string, unknown>): Promise<{ code: number; first: unknown }> {
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    const first = await new Promise<unknown>((resolve) =>
      ws.once('message', (m: Buffer) => resolve(JSON.parse(m.toString()))),
    );
    ws.send(JSON.stringify({ op: 2, d: { properties: {}, ...d } }));
    const code = await new Promise<number>((resolve) => ws.once('close', (c: number) => resolve(c)));
    return { code, first };
  }

  test('HELLO first; a wrong token closes with 4004', async () => {
    const { code, first } = await identify({ token: 'nope', intents: 1 });
    expect(first).toMatchObject({ op: 10, d: { heartbeat_interval: 1000 } });
    expect(code).toBe(4004);
  });

  test('privileged intents close with 4014, unknown bits with 4013', async () => {
    expect((await identify({ token: fake.token, intents: 1 | (1 << 15) })).code).toBe(4014);
    expect((await identify({ token: fake.token, intents: 1 << 30 })).code).toBe(4013);
  });

  test('REST: Bot auth required, segments decoded, unknown routes 404 with code 0', async () => {
    const me = await fetch(`${fake.apiRoot}/v10/users/%40me`, {
      headers: { authorization: `Bot ${fake.token}` },
    });
    expect(me.status).toBe(200);
    expect(me.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]+$/);
    expect(await me.json()).toMatchObject({ id: fake.botUser.id });
    expect((await fetch(`${fake.apiRoot}/v10/users/@me`)).status).toBe(401);
    const missing = await fetch(`${fake.apiRoot}/v10/nothing`, {
      headers: { authorization: `Bot ${fake.token}` },
    });
    expect([missing.status, await missing.json()]).toEqual([404, { message: '404: Not Found', code: 0 }]);
  });
});
