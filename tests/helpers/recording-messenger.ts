import type { DeliveryResult, Messenger } from '../../src/delivery.ts';
import type { Platform } from '../../src/domain.ts';
import { renderPlain } from '../../adapters/terminal/render.ts';

/**
 * A Messenger (bantin's own port, not a library) that records what it is given and answers with
 * scripted results, for core tests. Platform behaviour is tested against the fake servers.
 */
export function recordingMessenger(platform: Platform = 'terminal', partSize = 400) {
  const sent: Array<{ chatId: string; part: string }> = [];
  const script: DeliveryResult[] = [];
  const messenger: Messenger = {
    platform,
    render: (reply) => {
      const text = renderPlain(reply);
      const parts: string[] = [];
      for (let i = 0; i < text.length; i += partSize) parts.push(text.slice(i, i + partSize));
      return parts;
    },
    sendPart: (chatId, part) => {
      const next = script.shift() ?? { status: 'sent', messageId: String(sent.length + 1) };
      if (next.status === 'sent') sent.push({ chatId, part: String(part) });
      return Promise.resolve(next);
    },
  };
  return { messenger, sent, script };
}
