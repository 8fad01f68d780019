import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Attachment, CommandRouter } from '../../src/commands/types.ts';
import { InputError } from '../../src/errors.ts';
import type { Messenger, DeliveryResult } from '../../src/delivery.ts';
import type { Reply } from '../../src/reply.ts';
import { renderPlain } from './render.ts';

export const TERMINAL_CHAT_ID = 'local';

export interface TerminalChatOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly router: CommandRouter;
  /** Show a prompt and the hint banner (true for a TTY, false for a pipe). */
  readonly interactive: boolean;
}

/** Parses "/cmd@bot args" (the @bot part is accepted for copy-paste from Telegram). */
export function parseCommandLine(line: string): { name: string; args: string } | null {
  const m = /^\/([A-Za-z0-9_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/.exec(line.trim());
  return m === null ? null : { name: (m[1] ?? '').toLowerCase(), args: (m[2] ?? '').trim() };
}

/**
 * `/feeds import <path>`: the terminal's way to attach a file is to name it. The person at the
 * terminal runs the bot, so reading their files is theirs to ask.
 */
export function terminalCommand(parsed: { name: string; args: string }): {
  name: string;
  args: string;
  attachment?: Attachment;
} {
  const m = /^import\s+(.+)$/i.exec(parsed.args);
  if (parsed.name !== 'feeds' || m === null) return parsed;
  const path = (m[1] ?? '').trim();
  const attachment: Attachment = {
    name: basename(path),
    size: null,
    read: async (maxBytes) => {
      const size = await stat(path).then(
        (s) => s.size,
        () => {
          throw new InputError(`Cannot read ${path}.`);
        },
      );
      if (size > maxBytes) throw new InputError(`${path} is larger than ${String(maxBytes / 1_000_000)} MB.`);
      return readFile(path);
    },
  };
  return { name: parsed.name, args: 'import', attachment };
}

/**
 * The terminal chat: one command per line from stdin, replies as plain text on stdout, through
 * the same router as the platforms. Resolves when the input ends (a pipe, or Ctrl-D).
 */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { input, output, router, interactive } = options;
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const write = (s: string): void => {
    output.write(s);
  };
  const prompt = (): void => {
    if (interactive) write('> ');
  };
  write('bantin — Type /help for the commands.\n');
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '') {
      prompt();
      continue;
    }
    const parsed = parseCommandLine(line);
    const request = {
      ...terminalCommand(parsed ?? { name: 'help', args: '' }),
      chat: { platform: 'terminal' as const, id: TERMINAL_CHAT_ID },
      user: { id: 'local', name: 'you' },
      // The person at the terminal runs the bot: they may change anything.
      canManage: () => Promise.resolve(true),
    };
    const reply: Reply =
      parsed === null
        ? {
            blocks: [
              { kind: 'paragraph', spans: [{ kind: 'text', text: 'Commands start with / — type /help.' }] },
            ],
            isError: true,
          }
        : await router.handle(request);
    write(`${renderPlain(reply)}\n\n`);
    prompt();
  }
  rl.close();
}

/** Digests for the terminal chat are printed like replies. */
export function createTerminalMessenger(output: Writable): Messenger {
  return {
    platform: 'terminal',
    render: (reply) => [renderPlain(reply)],
    sendPart: (_chatId, part): Promise<DeliveryResult> => {
      output.write(`${String(part)}\n\n`);
      return Promise.resolve({ status: 'sent', messageId: null });
    },
  };
}
