/** Small builders and a recording router for the Discord adapter tests. */
import type { CommandInfo, CommandRequest, CommandRouter } from '../../src/commands/types.ts';
import type { Logger } from '../../src/ports.ts';
import { plainReply, text, type Reply, type SummaryCard } from '../../src/reply.ts';

export const aCard = (over: Partial<SummaryCard> = {}): SummaryCard => ({
  kind: 'card',
  title: 'Lũ lớn ở Hà Nội',
  url: 'https://vnexpress.net/lu-lon-1',
  fields: [
    { label: 'Ai', value: 'UBND TP Hà Nội' },
    { label: 'Cái gì', value: 'Mưa lớn gây ngập nhiều tuyến phố' },
    { label: 'Khi nào', value: 'Chiều 30/12' },
    { label: 'Ở đâu', value: 'Hà Nội' },
  ],
  links: [],
  footer: 'vnexpress.net · 30/12/2020 14:00',
  articleId: 42,
  ...over,
});

export const HOSTILE = '@everyone **bold** _x_ [link](http://a)';

export const cards = (n: number): SummaryCard[] =>
  Array.from({ length: n }, (_, i) => aCard({ title: `Tin số ${i + 1}`, articleId: i + 1 }));

const info = (name: string, over: Partial<CommandInfo> = {}): CommandInfo => ({
  name,
  description: { vi: `Lệnh ${name}`, en: `The ${name} command` },
  usage: `/${name}`,
  managesChat: false,
  mayBeSlow: false,
  options: [],
  ...over,
});

export const TEST_COMMANDS: readonly CommandInfo[] = [
  info('summary', {
    mayBeSlow: true,
    options: [
      {
        name: 'query',
        description: { vi: 'Từ khoá, số bài hoặc URL', en: 'Words, an article id or a URL' },
        type: 'string',
        required: false,
      },
    ],
  }),
  info('latest', {
    options: [
      { name: 'count', description: { vi: 'Số bài', en: 'How many' }, type: 'integer', required: false },
    ],
  }),
  info('subscribe', {
    managesChat: true,
    options: [
      {
        name: 'schedule',
        description: { vi: 'Lịch cron', en: 'Cron schedule' },
        type: 'string',
        required: false,
      },
    ],
  }),
  info('feeds', {
    managesChat: true,
    options: [
      {
        name: 'action',
        description: { vi: 'Thao tác', en: 'Action' },
        type: 'string',
        required: false,
        choices: ['list', 'add', 'remove'],
      },
      { name: 'value', description: { vi: 'URL hoặc số', en: 'URL or id' }, type: 'string', required: true },
    ],
  }),
  info('digest'),
  info('headline'),
];

/** A CommandRouter that records requests (with canManage resolved) and returns canned replies. */
export function createRecordingRouter(): CommandRouter & {
  readonly requests: Array<CommandRequest & { managed: boolean | null }>;
  /** The next request waits until the returned function is called (a slow command, no sleeps). */
  holdNext(): () => void;
} {
  const requests: Array<CommandRequest & { managed: boolean | null }> = [];
  let gate: Promise<void> | null = null;
  return {
    commands: TEST_COMMANDS,
    requests,
    holdNext() {
      let release = (): void => undefined;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => release();
    },
    async handle(request): Promise<Reply> {
      const held = gate;
      gate = null;
      if (held !== null) await held;
      const needsManage = TEST_COMMANDS.find((c) => c.name === request.name)?.managesChat === true;
      const managed = needsManage ? await request.canManage() : null;
      requests.push({ ...request, managed });
      switch (request.name) {
        case 'summary':
          return request.args === ''
            ? plainReply('Give me words, an article id or a URL: /summary <query>', true)
            : { blocks: [aCard({ title: `About ${request.args}` })], linkPreview: true };
        case 'latest':
          return { blocks: [{ kind: 'heading', text: 'Latest' }, ...cards(3)] };
        case 'subscribe':
          return managed === true
            ? plainReply(`Subscribed ${request.chat.id}`)
            : plainReply('You need Manage Channels to subscribe.', true);
        case 'digest':
          return { blocks: [{ kind: 'heading', text: 'Digest' }, ...cards(30)] };
        case 'headline':
          return {
            blocks: [
              { kind: 'paragraph', spans: [text(HOSTILE)] },
              aCard({
                title: HOSTILE,
                fields: [{ label: 'What', value: HOSTILE }],
                links: [{ text: HOSTILE, url: 'https://a.example/x' }],
              }),
            ],
          };
        default:
          return plainReply('unknown', true);
      }
    },
  };
}

/** A Logger that keeps every call, to check the token never appears. */
export function createRecordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const at =
      (level: string) =>
      (obj: object | string, msg?: string): void => {
        lines.push(
          JSON.stringify({ level, bindings, obj, msg }, (_k, v: unknown) =>
            v instanceof Error ? { message: v.message, stack: v.stack, cause: v.cause } : v,
          ),
        );
      };
    return {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      child: (b) => make({ ...bindings, ...b }),
    };
  };
  return Object.assign(make({}), { lines });
}
