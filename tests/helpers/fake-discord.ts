/**
 * A fake Discord (REST API v10 + WebSocket gateway) on 127.0.0.1:0 for testing the real
 * discord.js client offline. It models what bantin relies on: token checks, the gateway
 * handshake and RESUME, slash-command registration, channel messages with Discord's size limits
 * and error codes, interaction callbacks and webhook edits/follow-ups, X-RateLimit-* headers and
 * injected route/global 429s.
 *
 * Not modelled (keep tests from relying on these): zlib/ETF transport; any dispatch other than
 * READY, RESUMED, GUILD_CREATE, CHANNEL_DELETE, INTERACTION_CREATE; permission overwrites (channels
 * have none, denyChannel only changes REST answers); interaction token expiry (3 s / 15 min),
 * autocomplete, components and modals; option values checked against the registered command;
 * heartbeat timeouts, op 7 reconnect, event replay on RESUME, identify concurrency, shards and
 * close 4011; the 50/s global limit, shared buckets and the invalid-request ban; multipart
 * bodies on routes other than interaction responses; attachment size limits; embed images,
 * colours and timestamps. Lengths are UTF-16 units. Attachment options are served from
 * /attachments/:id/:filename on the same port, as Discord's CDN would.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseMultipart, uploadedFileName } from './fake-telegram.ts';

export interface FakeChannel {
  readonly id: string;
  readonly name: string;
  /** 0 text (default), 5 announcement, 2 voice. */
  readonly type?: number;
}

export interface FakeGuild {
  readonly id: string;
  readonly name: string;
  readonly preferred_locale?: string;
  readonly channels: readonly FakeChannel[];
}

export interface FakeUser {
  readonly id: string;
  readonly username: string;
}

export interface RecordedRequest {
  readonly method: string;
  /** Decoded path below /api/v10, e.g. "/users/@me". */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly authorization: string | null;
  readonly body: unknown;
  readonly status: number;
  /** Milliseconds since the fake started (for ordering, never for speed assertions). */
  readonly at: number;
}

export interface InjectedFailure {
  readonly status: number;
  /** Seconds, sent as the Retry-After header and body retry_after (429 only). */
  readonly retryAfter?: number;
  /** A global (all routes) 429 instead of a route 429. */
  readonly global?: boolean;
  readonly code?: number;
  readonly message?: string;
}

export interface SlashCommandInput {
  /** Omitted: a DM with the bot. */
  readonly guildId?: string;
  readonly channelId: string;
  readonly user: FakeUser;
  /** The member's permission bitfield in the channel, as a decimal string. */
  readonly permissions?: string;
  /** The bot's permissions in the channel; default View Channel + Send Messages + Embed Links. */
  readonly appPermissions?: string;
  readonly locale?: string;
  readonly name: string;
  /** Raw API options: { name, type, value } (type 7 = channel, 11 = attachment; resolved data is added). */
  readonly options?: readonly unknown[];
  /** Files for attachment options (value = the file's id), served by the fake's CDN route. */
  readonly attachments?: ReadonlyArray<{
    readonly id: string;
    readonly filename: string;
    readonly content: string | Buffer;
  }>;
}

/** A file the bot uploaded with a message (multipart `files[n]`). */
export interface UploadedFile {
  readonly path: string;
  readonly filename: string;
  readonly content: Buffer;
}

export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  /** Every callback/webhook request made for this interaction, in order. */
  responses(): RecordedRequest[];
  /** Waits until `count` responses (callback, edits, follow-ups, deletes) have arrived. */
  waitForResponses(count: number): Promise<RecordedRequest[]>;
}

export interface FakeDiscordOptions {
  /** Default "fake-token.abc.def". */
  readonly token?: string;
  /** Default 1000 ms: short heartbeats exercise op 1/11 in every test. */
  readonly heartbeatIntervalMs?: number;
  /** Requests per bucket per window before a real route 429; default 1000 (never in tests). */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number };
}

export interface FakeDiscord {
  /** For `new Client({ rest: { api } })`: "http://127.0.0.1:PORT/api". */
  readonly apiRoot: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: FakeUser;
  readonly requests: RecordedRequest[];
  /** Gateway payloads received from clients (IDENTIFY, heartbeats, RESUME). */
  readonly gatewayReceived: Array<{ op: number; d: unknown }>;
  /** Requests that arrived while a Retry-After they had been given was still running. */
  readonly rateLimitViolations: RecordedRequest[];
  /** Registered command bodies: key "global" or a guild id. */
  readonly commands: Map<string, unknown[]>;
  messagesIn(channelId: string): Array<Record<string, unknown>>;
  /** Files uploaded with messages, interaction responses and edits, in order. */
  readonly uploads: UploadedFile[];
  addGuild(guild: FakeGuild): void;
  deleteChannel(channelId: string): void;
  denyChannel(channelId: string): void;
  /** Closes every gateway connection with `code` (default 4000, resumable), as Discord does at times. */
  disconnect(code?: number): void;
  runSlashCommand(input: SlashCommandInput): InteractionHandle;
  /** The next request whose "METHOD /path" matches fails once with `failure`. */
  failNext(route: string | RegExp, failure: InjectedFailure): void;
  waitFor<T>(predicate: () => T | false | null | undefined, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
const ALL_INTENTS = (1 << 26) - 1;
const MAX_TOTAL_EMBED_CHARS = 6000;

let snowflakeCounter = 0n;
const snowflake = (): string => ((BigInt(Date.now() - 1420070400000) << 22n) + snowflakeCounter++).toString();

/** Discord's 50035 checks for a message body; returns the first problem or null. */
export function messageBodyProblem(body: unknown, files = 0): string | null {
  if (typeof body !== 'object' || body === null) return 'body is not an object';
  const b = body as { content?: unknown; embeds?: unknown };
  const content = typeof b.content === 'string' ? b.content : '';
  if (content.length > 2000) return 'content: Must be 2000 or fewer in length.';
  const embeds = Array.isArray(b.embeds) ? (b.embeds as Array<Record<string, unknown>>) : [];
  if (embeds.length > 10) return 'embeds: Must be 10 or fewer in length.';
  let total = 0;
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  for (const [i, e] of embeds.entries()) {
    const title = str(e.title);
    const description = str(e.description);
    const footer = str((e.footer as { text?: unknown } | undefined)?.text);
    const author = str((e.author as { name?: unknown } | undefined)?.name);
    const fields = Array.isArray(e.fields) ? (e.fields as Array<{ name?: unknown; value?: unknown }>) : [];
    if (title.length > 256) return `embeds.${i}.title: Must be 256 or fewer in length.`;
    if (description.length > 4096) return `embeds.${i}.description: Must be 4096 or fewer in length.`;
    if (footer.length > 2048) return `embeds.${i}.footer.text: Must be 2048 or fewer in length.`;
    if (fields.length > 25) return `embeds.${i}.fields: Must be 25 or fewer in length.`;
    total += title.length + description.length + footer.length + author.length;
    for (const [j, f] of fields.entries()) {
      const name = str(f.name);
      const value = str(f.value);
      if (name.length === 0 || name.length > 256)
        return `embeds.${i}.fields.${j}.name: Must be between 1 and 256 in length.`;
      if (value.length === 0 || value.length > 1024)
        return `embeds.${i}.fields.${j}.value: Must be between 1 and 1024 in length.`;
      total += name.length + value.length;
    }
    if (e.url !== undefined && !/^https?:\/\/\S+$/.test(str(e.url)))
      return `embeds.${i}.url: Not a well formed URL.`;
  }
  if (total > MAX_TOTAL_EMBED_CHARS) return 'embeds: Embed size exceeds maximum size of 6000';
  if (content.length === 0 && embeds.length === 0 && files === 0) return 'Cannot send an empty message';
  return null;
}

/** Discord's checks on a bulk command overwrite body (the ones a generator can get wrong). */
export function commandsProblem(body: unknown): string | null {
  if (!Array.isArray(body)) return 'body is not an array';
  const names = new Set<string>();
  const short = (v: unknown): boolean => typeof v === 'string' && v.length >= 1 && v.length <= 100;
  for (const [i, c] of (body as Array<Record<string, unknown>>).entries()) {
    if (typeof c.name !== 'string' || !/^[-_\p{Ll}\p{N}]{1,32}$/u.test(c.name)) return `${i}.name: invalid`;
    if (names.has(c.name)) return `${i}.name: duplicate`;
    names.add(c.name);
    if (!short(c.description)) return `${i}.description: Must be between 1 and 100 in length.`;
    const locs = Object.values((c.description_localizations ?? {}) as Record<string, unknown>);
    if (!locs.every(short)) return `${i}.description_localizations: Must be between 1 and 100 in length.`;
    const options = (c.options ?? []) as Array<Record<string, unknown>>;
    if (options.length > 25) return `${i}.options: Must be 25 or fewer in length.`;
    let optional = false;
    for (const [j, o] of options.entries()) {
      if (!short(o.description)) return `${i}.options.${j}.description: Must be between 1 and 100 in length.`;
      if (o.required === true && optional)
        return `${i}.options.${j}: Required options must be placed before non-required options`;
      if (o.required !== true) optional = true;
      if (Array.isArray(o.choices) && o.choices.length > 25)
        return `${i}.options.${j}.choices: Must be 25 or fewer in length.`;
    }
  }
  return null;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? 'fake-token.abc.def';
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 1000;
  const rateLimit = options.rateLimit ?? { limit: 1000, windowMs: 1000 };
  const applicationId = snowflake();
  const botUser: FakeUser = { id: applicationId, username: 'bantin' };
  const started = Date.now();
  const changes = new EventEmitter();
  changes.setMaxListeners(0);
  const changed = (): boolean => changes.emit('change');

  const requests: RecordedRequest[] = [];
  const gatewayReceived: Array<{ op: number; d: unknown }> = [];
  const rateLimitViolations: RecordedRequest[] = [];
  const commands = new Map<string, unknown[]>();
  const messages = new Map<string, Array<Record<string, unknown>>>();
  const guilds = new Map<string, FakeGuild>();
  const deleted = new Set<string>();
  const denied = new Set<string>();
  const failures: Array<{ route: string | RegExp; failure: InjectedFailure }> = [];
  const buckets = new Map<string, { count: number; resetAt: number; id: string }>();
  const blockedUntil = new Map<string, number>(); // bucket key or "global" -> epoch ms
  const interactions = new Map<string, { id: string; acknowledged: boolean; channelId: string }>();
  const sessions = new Set<{ ws: WebSocket; seq: number; ready: boolean; sessionId: string }>();
  const knownSessions = new Set<string>();

  const user = (u: FakeUser): Record<string, unknown> => ({
    id: u.id,
    username: u.username,
    discriminator: '0',
    global_name: u.username,
    avatar: null,
    bot: u.id === botUser.id,
  });
  const channelById = (id: string): { guild: FakeGuild; channel: FakeChannel } | undefined => {
    for (const guild of guilds.values()) {
      const channel = guild.channels.find((c) => c.id === id);
      if (channel !== undefined) return { guild, channel };
    }
    return undefined;
  };
  const apiChannel = (guild: FakeGuild, c: FakeChannel): Record<string, unknown> => ({
    id: c.id,
    type: c.type ?? 0,
    name: c.name,
    guild_id: guild.id,
    position: 0,
    parent_id: null,
    nsfw: false,
    permission_overwrites: [],
  });
  const guildCreate = (g: FakeGuild): Record<string, unknown> => ({
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: '1',
    preferred_locale: g.preferred_locale ?? 'en-US',
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: new Date(started).toISOString(),
    features: [],
    // @everyone grants View Channel + Send Messages + Embed Links + Read Message History.
    roles: [
      {
        id: g.id,
        name: '@everyone',
        permissions: String(1024 + 2048 + 16384 + 65536),
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    channels: g.channels.filter((c) => !deleted.has(c.id)).map((c) => apiChannel(g, c)),
    threads: [],
    members: [],
    presences: [],
    voice_states: [],
    emojis: [],
    stickers: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  });

  const dispatch = (session: { ws: WebSocket; seq: number }, t: string, d: unknown): void => {
    session.seq += 1;
    session.ws.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  };
  const broadcast = (t: string, d: unknown): void => {
    for (const s of sessions) if (s.ready) dispatch(s, t, d);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  const wss = new WebSocketServer({ server });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  wss.on('connection', (ws) => {
    const session = { ws, seq: 0, ready: false, sessionId: randomBytes(16).toString('hex') };
    sessions.add(session);
    ws.on('close', () => sessions.delete(session));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: heartbeatIntervalMs }, s: null, t: null }));
    ws.on('message', (raw: Buffer) => {
      const payload = JSON.parse(raw.toString()) as { op: number; d: Record<string, unknown> | null };
      gatewayReceived.push({
        op: payload.op,
        d: payload.op === 2 || payload.op === 6 ? { ...payload.d, token: '<redacted>' } : payload.d,
      });
      changed();
      const d = payload.d ?? {};
      if (payload.op === 1) {
        ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      } else if (payload.op === 2) {
        const intents = d.intents;
        if (d.token !== token) ws.close(4004, 'Authentication failed.');
        else if (typeof intents !== 'number' || !Number.isInteger(intents) || (intents & ~ALL_INTENTS) !== 0)
          ws.close(4013, 'Invalid intent(s).');
        else if ((intents & PRIVILEGED_INTENTS) !== 0) ws.close(4014, 'Disallowed intent(s).');
        else {
          session.ready = true;
          knownSessions.add(session.sessionId);
          dispatch(session, 'READY', {
            v: 10,
            user: { ...user(botUser), verified: true, flags: 0, mfa_enabled: false },
            guilds: [...guilds.keys()].map((id) => ({ id, unavailable: true })),
            session_id: session.sessionId,
            resume_gateway_url: gatewayUrl,
            shard: [0, 1],
            application: { id: applicationId, flags: 0 },
          });
          for (const g of guilds.values()) dispatch(session, 'GUILD_CREATE', guildCreate(g));
        }
      } else if (payload.op === 6) {
        if (d.token !== token) ws.close(4004, 'Authentication failed.');
        else if (typeof d.session_id === 'string' && knownSessions.has(d.session_id)) {
          session.ready = true;
          session.sessionId = d.session_id;
          session.seq = typeof d.seq === 'number' ? d.seq : 0;
          dispatch(session, 'RESUMED', null);
        } else ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      }
      changed();
    });
  });

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    if (body === null) {
      res.writeHead(status, headers);
      res.end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const segments = url.pathname.split('/').map((s) => decodeURIComponent(s));
    const path = segments.slice(3).join('/');
    const authorization = req.headers.authorization ?? null;
    let body: unknown = null;
    let files: UploadedFile[] = [];
    if ((req.headers['content-type'] ?? '').includes('multipart/form-data')) {
      // discord.js sends files as multipart: payload_json plus files[n] parts.
      const parts = parseMultipart(raw, req.headers['content-type'] ?? '');
      files = Object.entries(parts).flatMap(([name, value]) =>
        /^files\[\d+\]$/.test(name) && Buffer.isBuffer(value)
          ? [{ path: url.pathname, filename: uploadedFileName(value) ?? name, content: value }]
          : [],
      );
      try {
        body = JSON.parse(typeof parts.payload_json === 'string' ? parts.payload_json : '{}');
      } catch {
        body = null;
      }
    } else if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = raw.toString('utf8');
      }
    }
    const record = (status: number): RecordedRequest => {
      const r: RecordedRequest = {
        method,
        path: `/${path}`,
        query: Object.fromEntries(url.searchParams),
        authorization,
        body,
        status,
        at: Date.now() - started,
      };
      requests.push(r);
      changed();
      return r;
    };
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      record(status);
      send(res, status, payload, headers);
    };
    const error = (
      status: number,
      code: number,
      message: string,
      extra: Record<string, unknown> = {},
    ): void => reply(status, { message, code, ...extra });

    if (method === 'GET' && segments[1] === 'attachments') {
      const file = attachmentFiles.get(segments[2] ?? '');
      if (file === undefined || file.filename !== segments[3]) return send(res, 404, null);
      res.writeHead(200, { 'content-length': String(file.content.length) });
      res.end(file.content);
      return;
    }
    if (segments[1] !== 'api' || segments[2] !== 'v10') return error(404, 0, '404: Not Found');
    const p = path.split('/');
    const route = `${method} /${path}`;
    const isWebhook = p[0] === 'interactions' || (p[0] === 'webhooks' && p.length >= 3);
    if (!isWebhook && authorization !== `Bot ${token}`) return error(401, 0, '401: Unauthorized');

    // Buckets: per route with its major parameter (channel, webhook token); ids elsewhere collapse.
    const bucketKey = `${method} ${p.map((s, i) => (/^\d+$/.test(s) && !(i === 1 && p[0] === 'channels') ? ':id' : s)).join('/')}`;
    const now = Date.now();
    const blocked = Math.max(blockedUntil.get('global') ?? 0, blockedUntil.get(bucketKey) ?? 0);
    if (now < blocked) {
      rateLimitViolations.push(record(429));
      const after = (blocked - now) / 1000;
      return send(
        res,
        429,
        { message: 'You are being rate limited.', retry_after: after, global: false },
        { 'retry-after': String(Math.ceil(after)) },
      );
    }
    let bucket = buckets.get(bucketKey);
    if (bucket === undefined || now >= bucket.resetAt) {
      bucket = {
        count: 0,
        resetAt: now + rateLimit.windowMs,
        id: bucket?.id ?? randomBytes(8).toString('hex'),
      };
      buckets.set(bucketKey, bucket);
    }
    bucket.count += 1;
    const rlHeaders = (remaining: number, resetAfter: number): Record<string, string> => ({
      'x-ratelimit-limit': String(rateLimit.limit),
      'x-ratelimit-remaining': String(Math.max(0, remaining)),
      'x-ratelimit-reset': String((now + resetAfter * 1000) / 1000),
      'x-ratelimit-reset-after': String(resetAfter),
      'x-ratelimit-bucket': bucket.id,
    });
    const injected = failures.findIndex((f) =>
      typeof f.route === 'string' ? f.route === route : f.route.test(route),
    );
    const overLimit = bucket.count > rateLimit.limit;
    if (injected >= 0 || overLimit) {
      const failure: InjectedFailure =
        injected >= 0
          ? failures.splice(injected, 1)[0]!.failure
          : { status: 429, retryAfter: (bucket.resetAt - now) / 1000 };
      if (failure.status === 429) {
        const retryAfter = failure.retryAfter ?? 1;
        blockedUntil.set(failure.global === true ? 'global' : bucketKey, now + retryAfter * 1000);
        const headers: Record<string, string> = {
          'retry-after': String(Math.ceil(retryAfter)),
          'x-ratelimit-scope': failure.global === true ? 'global' : 'user',
        };
        if (failure.global === true) headers['x-ratelimit-global'] = 'true';
        else Object.assign(headers, rlHeaders(0, retryAfter));
        return reply(
          429,
          {
            message: 'You are being rate limited.',
            retry_after: retryAfter,
            global: failure.global === true,
            code: 0,
          },
          headers,
        );
      }
      return error(failure.status, failure.code ?? 0, failure.message ?? `${failure.status}: injected`);
    }
    const ok = (payload: unknown, status = 200): void =>
      reply(status, payload, rlHeaders(rateLimit.limit - bucket.count, (bucket.resetAt - now) / 1000));
    const message = (channelId: string, b: Record<string, unknown>): Record<string, unknown> => ({
      id: snowflake(),
      type: 0,
      channel_id: channelId,
      author: user(botUser),
      content: b.content ?? '',
      embeds: b.embeds ?? [],
      attachments: files.map((f, n) => ({ id: String(n), filename: f.filename, size: f.content.length })),
      components: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: b.flags ?? 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
    });

    if (method === 'GET' && path === 'gateway/bot') {
      return ok({
        url: gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'GET' && path === 'users/@me') return ok({ ...user(botUser), verified: true, flags: 0 });
    if (method === 'GET' && path === 'applications/@me')
      return ok({
        id: applicationId,
        name: 'bantin',
        flags: 0,
        bot_public: true,
        owner: user({ id: '1', username: 'owner' }),
      });
    if (
      p[0] === 'applications' &&
      p[1] === applicationId &&
      p[p.length - 1] === 'commands' &&
      (p.length === 3 || (p.length === 5 && p[2] === 'guilds'))
    ) {
      const key = p.length === 3 ? 'global' : p[3]!;
      if (method === 'PUT') {
        const problem = commandsProblem(body);
        if (problem !== null)
          return error(400, 50035, 'Invalid Form Body', {
            errors: { _errors: [{ code: 'BASE_TYPE_INVALID', message: problem }] },
          });
        const registered = (body as Array<Record<string, unknown>>).map((c) => ({
          ...c,
          id: snowflake(),
          application_id: applicationId,
          version: snowflake(),
          type: c.type ?? 1,
        }));
        commands.set(key, registered);
        return ok(registered);
      }
      if (method === 'GET') return ok(commands.get(key) ?? []);
    }
    if (method === 'POST' && p[0] === 'channels' && p[2] === 'messages' && p.length === 3) {
      const channelId = p[1]!;
      if (deleted.has(channelId) || channelById(channelId) === undefined)
        return error(404, 10003, 'Unknown Channel');
      if (denied.has(channelId)) return error(403, 50001, 'Missing Access');
      const problem = messageBodyProblem(body);
      if (problem !== null)
        return error(400, 50035, 'Invalid Form Body', {
          errors: { _errors: [{ code: 'BASE_TYPE_INVALID', message: problem }] },
        });
      const m = message(channelId, body as Record<string, unknown>);
      messages.set(channelId, [...(messages.get(channelId) ?? []), body as Record<string, unknown>]);
      return ok(m);
    }
    if (method === 'POST' && p[0] === 'interactions' && p[3] === 'callback') {
      const interaction = interactions.get(p[1] ?? '');
      if (interaction === undefined || tokenOf(interaction.id) !== p[2])
        return error(404, 10062, 'Unknown interaction');
      if (interaction.acknowledged) return error(400, 40060, 'Interaction has already been acknowledged.');
      const b = body as { type?: unknown; data?: unknown };
      if (b.type !== 4 && b.type !== 5) return error(400, 50035, 'Invalid Form Body');
      if (b.type === 4) {
        const problem = messageBodyProblem(b.data, files.length);
        if (problem !== null)
          return error(400, 50035, 'Invalid Form Body', {
            errors: { _errors: [{ code: 'BASE_TYPE_INVALID', message: problem }] },
          });
      }
      interaction.acknowledged = true;
      uploads.push(...files);
      return reply(204, null);
    }
    if (p[0] === 'webhooks' && p[1] === applicationId && p[2] !== undefined) {
      const interaction = [...interactions.values()].find((i) => p[2] === tokenOf(i.id));
      if (interaction === undefined) return error(404, 10015, 'Unknown Webhook');
      if (!interaction.acknowledged) return error(404, 10008, 'Unknown Message');
      const isOriginal = p[3] === 'messages' && p[4] === '@original';
      if (method === 'DELETE' && isOriginal) return reply(204, null);
      if ((method === 'PATCH' && isOriginal) || (method === 'POST' && p.length === 3)) {
        const problem = messageBodyProblem(body, files.length);
        if (problem !== null)
          return error(400, 50035, 'Invalid Form Body', {
            errors: { _errors: [{ code: 'BASE_TYPE_INVALID', message: problem }] },
          });
        uploads.push(...files);
        return ok(message(interaction.channelId, body as Record<string, unknown>));
      }
    }
    return error(404, 0, '404: Not Found');
  }

  const tokens = new Map<string, string>();
  const uploads: UploadedFile[] = [];
  const attachmentFiles = new Map<string, { filename: string; content: Buffer }>();
  const tokenOf = (interactionId: string): string | undefined => tokens.get(interactionId);

  const fake: FakeDiscord = {
    apiRoot: `http://127.0.0.1:${port}/api`,
    gatewayUrl,
    token,
    applicationId,
    botUser,
    requests,
    gatewayReceived,
    rateLimitViolations,
    commands,
    messagesIn: (channelId) => messages.get(channelId) ?? [],
    uploads,
    addGuild(guild) {
      guilds.set(guild.id, guild);
      broadcast('GUILD_CREATE', guildCreate(guild));
    },
    deleteChannel(channelId) {
      deleted.add(channelId);
      const found = channelById(channelId);
      if (found !== undefined) broadcast('CHANNEL_DELETE', apiChannel(found.guild, found.channel));
    },
    denyChannel(channelId) {
      denied.add(channelId);
    },
    disconnect(code = 4000) {
      for (const s of sessions) s.ws.close(code, 'fake disconnect');
    },
    runSlashCommand(input) {
      const id = snowflake();
      const interactionToken = `itok-${randomBytes(12).toString('hex')}`;
      tokens.set(id, interactionToken);
      interactions.set(id, { id, acknowledged: false, channelId: input.channelId });
      const found = channelById(input.channelId);
      const guild = input.guildId === undefined ? undefined : guilds.get(input.guildId);
      const permissions = input.permissions ?? String(1024 + 2048);
      const options = input.options ?? [];
      const channelOptions = (options as Array<{ type?: number; value?: unknown }>).filter(
        (o) => o.type === 7,
      );
      const resolvedChannels = Object.fromEntries(
        channelOptions.map((o) => {
          const target = channelById(String(o.value));
          const base =
            target === undefined
              ? { id: String(o.value), type: 0, name: 'unknown' }
              : apiChannel(target.guild, target.channel);
          return [String(o.value), { ...base, permissions }];
        }),
      );
      const registered = [...commands.values()].flat() as Array<{ id: string; name: string }>;
      const command = registered.find((c) => c.name === input.name);
      const data: Record<string, unknown> = {
        id: command?.id ?? snowflake(),
        name: input.name,
        type: 1,
        options,
      };
      const resolvedAttachments = Object.fromEntries(
        (input.attachments ?? []).map((a) => {
          const content = typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : a.content;
          attachmentFiles.set(a.id, { filename: a.filename, content });
          const fileUrl = `http://127.0.0.1:${String(port)}/attachments/${a.id}/${a.filename}`;
          return [
            a.id,
            { id: a.id, filename: a.filename, size: content.length, url: fileUrl, proxy_url: fileUrl },
          ];
        }),
      );
      if (channelOptions.length > 0 || input.attachments !== undefined)
        data.resolved = {
          ...(channelOptions.length > 0 ? { channels: resolvedChannels } : {}),
          ...(input.attachments !== undefined ? { attachments: resolvedAttachments } : {}),
        };
      if (guild !== undefined) data.guild_id = guild.id;
      const interaction: Record<string, unknown> = {
        id,
        application_id: applicationId,
        type: 2,
        token: interactionToken,
        version: 1,
        data,
        channel_id: input.channelId,
        channel:
          guild !== undefined && found !== undefined
            ? { ...apiChannel(found.guild, found.channel), permissions }
            : {
                id: input.channelId,
                type: 1,
                recipients: [user(input.user)],
                last_message_id: null,
                flags: 0,
              },
        locale: input.locale ?? 'en-US',
        app_permissions: input.appPermissions ?? String(1024 + 2048 + 16384 + 65536),
        entitlements: [],
        authorizing_integration_owners: guild !== undefined ? { '0': guild.id } : { '1': input.user.id },
        context: guild !== undefined ? 0 : 1,
        attachment_size_limit: 8 * 1024 * 1024,
      };
      if (guild !== undefined) {
        interaction.guild_id = guild.id;
        interaction.guild_locale = guild.preferred_locale ?? 'en-US';
        interaction.guild = { id: guild.id, locale: guild.preferred_locale ?? 'en-US', features: [] };
        interaction.member = {
          user: user(input.user),
          roles: [],
          permissions,
          joined_at: new Date(started).toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
          pending: false,
          nick: null,
          avatar: null,
          premium_since: null,
          communication_disabled_until: null,
        };
      } else interaction.user = user(input.user);
      broadcast('INTERACTION_CREATE', interaction);
      const responses = (): RecordedRequest[] =>
        requests.filter((r) => r.path.includes(interactionToken) && r.status < 300);
      return {
        id,
        token: interactionToken,
        responses,
        waitForResponses: (count) =>
          fake.waitFor(() => (responses().length >= count ? responses() : undefined)),
      };
    },
    failNext(route, failure) {
      failures.push({ route, failure });
    },
    waitFor<T>(predicate: () => T | false | null | undefined, timeoutMs = 10_000): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const check = (): boolean => {
          const value = predicate();
          if (value === false || value === null || value === undefined) return false;
          cleanup();
          resolve(value);
          return true;
        };
        // A bound on a hung test, not a speed assertion.
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`fake-discord: condition not met within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          changes.off('change', check);
        };
        if (!check()) changes.on('change', check);
      });
    },
    async close() {
      for (const s of sessions) s.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
