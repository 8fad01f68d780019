import type { Command } from './command.ts';
import type { CommandInfo } from './types.ts';
import { bold, text } from '../reply.ts';
import { t } from './i18n.ts';

/** /help lists every command with its usage and one line; built from the same CommandInfo adapters register. */
export function createHelpCommand(all: () => readonly CommandInfo[]): Command {
  return {
    info: {
      name: 'help',
      description: { vi: 'Danh sách lệnh', en: 'List the commands' },
      usage: '/help',
      managesChat: false,
      mayBeSlow: false,
      options: [],
    },
    run(ctx) {
      const lang = ctx.settings.lang;
      return {
        blocks: [
          { kind: 'heading', text: t(lang).helpTitle },
          ...all().map((c) => ({
            kind: 'paragraph' as const,
            spans: [bold(c.usage), text(` — ${c.description[lang]}`)],
          })),
        ],
      };
    },
  };
}
