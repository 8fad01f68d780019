import type { Block, Reply } from '../../src/reply.ts';
import { spansToText } from '../../src/reply.ts';

const renderBlock = (block: Block): string => {
  switch (block.kind) {
    case 'heading':
      return `== ${block.text} ==`;
    case 'paragraph':
      return spansToText(block.spans);
    case 'card': {
      const lines = [`* ${block.title}`];
      const width = Math.max(...block.fields.map((f) => f.label.length));
      for (const f of block.fields) lines.push(`  ${`${f.label}:`.padEnd(width + 1)} ${f.value}`);
      if (block.url !== null) lines.push(`  ${block.url}`);
      for (const l of block.links) lines.push(`  + ${l.text}: ${l.url}`);
      if (block.footer !== '') lines.push(`  (${block.footer})`);
      return lines.join('\n');
    }
  }
};

/** Plain text for a terminal: no markup, no control or bidi characters, so nothing in an article can change what is shown. */
export function renderPlain(reply: Reply): string {
  const blocks = reply.blocks.map(renderBlock);
  if (reply.file !== undefined) blocks.push(`--- ${reply.file.name} ---\n${reply.file.content.trimEnd()}`);
  const textOut = blocks.join('\n\n');
  // Control characters from article text would move the cursor or change colours; bidi
  // overrides and isolates would reorder what the terminal shows (text spoofing).
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return textOut.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '');
}
