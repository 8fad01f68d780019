import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DISCORD_LIMITS,
  cardToEmbed,
  escapeDiscord,
  renderDiscord,
  truncate,
} from '../../adapters/discord/render.ts';
import { paragraph, text, type Block, type Reply } from '../../src/reply.ts';
import { messageBodyProblem } from '../helpers/fake-discord.ts';
import { HOSTILE, aCard, cards } from './builders.ts';

describe('renderDiscord', () => {
  test('a card becomes one embed: linked title, Who/What/When/Where fields, footer with source, time and id', () => {
    const [part] = renderDiscord({ blocks: [aCard()] });
    expect(part).toEqual({
      embeds: [
        {
          title: 'Lũ lớn ở Hà Nội',
          url: 'https://vnexpress.net/lu-lon-1',
          fields: [
            { name: 'Ai', value: 'UBND TP Hà Nội', inline: false },
            { name: 'Cái gì', value: 'Mưa lớn gây ngập nhiều tuyến phố', inline: false },
            { name: 'Khi nào', value: 'Chiều 30/12', inline: false },
            { name: 'Ở đâu', value: 'Hà Nội', inline: false },
          ],
          footer: { text: 'vnexpress.net · 30/12/2020 14:00 · #42' },
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  test('markdown in article text is escaped in fields, descriptions and content, not in the title', () => {
    const [part] = renderDiscord({
      blocks: [
        paragraph(text(HOSTILE)),
        aCard({
          title: HOSTILE,
          fields: [{ label: 'What', value: HOSTILE }],
          links: [{ text: '# big [x](y)', url: 'https://a.example/(1)' }],
        }),
      ],
    });
    const escaped = '@everyone \\*\\*bold\\*\\* \\_x\\_ \\[link\\](http://a)';
    expect(part?.content).toBe(escaped);
    expect(part?.embeds?.[0]?.title).toBe(HOSTILE);
    expect(part?.embeds?.[0]?.fields[0]?.value).toBe(escaped);
    expect(part?.embeds?.[0]?.description).toBe('• [\\# big \\[x\\](y)](https://a.example/%281%29)');
    expect(part?.allowed_mentions).toEqual({ parse: [] });
  });

  test('escapes headings, lists and block quotes at line starts', () => {
    expect(escapeDiscord('# a\n- b\n1. c\n> d')).toBe('\\# a\n\\- b\n1\\. c\n\\> d');
  });

  test('30 cards become ordered messages of at most 10 embeds, each accepted by Discord’s checks', () => {
    const parts = renderDiscord({ blocks: [{ kind: 'heading', text: 'Digest' }, ...cards(30)] });
    expect(parts.map((p) => p.embeds?.length ?? 0)).toEqual([10, 10, 10]);
    expect(parts[0]?.content).toBe('**Digest**');
    expect(parts.flatMap((p) => p.embeds ?? []).map((e) => e.title)).toEqual(cards(30).map((c) => c.title));
    for (const p of parts) expect(messageBodyProblem(p)).toBeNull();
  });

  test('large cards split on the 6000-character total before reaching 10 embeds', () => {
    const long = 'x'.repeat(1500);
    const big = cards(6).map((c) => ({ ...c, fields: c.fields.map((f) => ({ ...f, value: long })) }));
    const parts = renderDiscord({ blocks: big });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => p.embeds ?? [])).toHaveLength(6);
    for (const p of parts) expect(messageBodyProblem(p)).toBeNull();
  });

  test('text after embeds starts a new message, so order is kept', () => {
    const parts = renderDiscord({ blocks: [aCard(), paragraph(text('after'))] });
    expect(parts.map((p) => [p.content ?? null, p.embeds?.length ?? 0])).toEqual([
      [null, 1],
      ['after', 0],
    ]);
  });

  test('long text splits at 2000 on a space; links do not unfurl unless asked', () => {
    const words = Array.from({ length: 800 }, (_, i) => `từ${i}`).join(' ');
    const parts = renderDiscord({
      blocks: [paragraph(text(words)), paragraph({ kind: 'link', text: 'a', url: 'https://x.example' })],
    });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.content?.length).toBeLessThanOrEqual(2000);
      expect(p.flags).toBe(4);
    }
    expect(
      parts
        .map((p) => p.content)
        .join(' ')
        .replace(/\n/g, ' '),
    ).toContain('từ799 [a](<https://x.example>)');
  });

  test('truncate never splits a surrogate pair nor leaves a dangling escape', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('abc\\*def', 5)).toBe('abc…');
  });

  test('an oversized card is trimmed to fit one embed', () => {
    const embed = cardToEmbed(
      aCard({
        title: 'T'.repeat(400),
        fields: Array.from({ length: 30 }, (_, i) => ({ label: `L${i}`, value: 'v'.repeat(2000) })),
        footer: 'f'.repeat(3000),
      }),
    );
    expect(embed.fields.length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    expect(messageBodyProblem({ embeds: [embed] })).toBeNull();
  });

  test('property: every rendered part passes Discord’s limits, and every card appears once in order', () => {
    const span = fc.oneof(
      fc.record({ kind: fc.constant('text' as const), text: fc.string({ maxLength: 3000 }) }),
      fc.record({ kind: fc.constant('bold' as const), text: fc.string({ maxLength: 300 }) }),
      fc.record({
        kind: fc.constant('link' as const),
        text: fc.string({ maxLength: 300 }),
        url: fc.webUrl(),
      }),
    );
    const card = fc.record({
      title: fc.string({ maxLength: 400 }),
      value: fc.string({ unit: 'grapheme', maxLength: 1500 }),
      nFields: fc.integer({ min: 0, max: 30 }),
      links: fc.array(fc.record({ text: fc.string({ maxLength: 300 }), url: fc.webUrl() }), {
        maxLength: 40,
      }),
    });
    const block = fc.oneof(
      fc.string({ maxLength: 300 }).map((t): Block => ({ kind: 'heading', text: t })),
      fc.array(span, { maxLength: 4 }).map((spans): Block => ({ kind: 'paragraph', spans })),
      card.map((c, i = 0): Block =>
        aCard({
          title: c.title,
          links: c.links,
          articleId: i,
          fields: Array.from({ length: c.nFields }, (_, j) => ({ label: `F${j}`, value: c.value })),
        }),
      ),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 25 }), (blocks) => {
        const reply: Reply = { blocks };
        const parts = renderDiscord(reply);
        for (const p of parts) expect(messageBodyProblem(p)).toBeNull();
        const titles = parts.flatMap((p) => p.embeds ?? []).map((e) => e.title);
        expect(titles).toHaveLength(blocks.filter((b) => b.kind === 'card').length);
      }),
      { numRuns: 200 },
    );
  });
});
