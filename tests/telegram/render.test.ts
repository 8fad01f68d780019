import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTelegram, TELEGRAM_TEXT_LIMIT } from '../../adapters/telegram/render.ts';
import type { Block, Reply, Span } from '../../src/reply.ts';
import { bold, link, paragraph, text } from '../../src/reply.ts';
import { validateEntities } from '../helpers/fake-telegram.ts';
import { aCard, HEADLINE, longReply } from './support.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const covered = (t: string, e: { offset: number; length: number }) => t.slice(e.offset, e.offset + e.length);

describe('renderTelegram', () => {
  it('lays out a card: linked bold title, the four lines, source links, footer', () => {
    const [part, ...rest] = renderTelegram({ blocks: [aCard(3)] });
    expect(rest).toEqual([]);
    expect(part!.text).toBe(
      [
        'Tin số 3: Hà Nội công bố kế hoạch mới',
        'Ai: UBND TP Hà Nội',
        'Việc gì: Công bố kế hoạch số 3 về giao thông đô thị và môi trường 🚇',
        'Khi nào: Sáng 30/12/2020',
        'Ở đâu: Hà Nội',
        'tuoitre.vn',
        'vnexpress.net · 30/12/2020 14:00 · /summary 3',
      ].join('\n'),
    );
    const t = part!.text;
    expect(part!.entities.map((e) => [e.type, covered(t, e), 'url' in e ? e.url : null])).toEqual([
      ['bold', 'Tin số 3: Hà Nội công bố kế hoạch mới', null],
      ['text_link', 'Tin số 3: Hà Nội công bố kế hoạch mới', 'https://vnexpress.net/tin-3.html'],
      ['bold', 'Ai:', null],
      ['bold', 'Việc gì:', null],
      ['bold', 'Khi nào:', null],
      ['bold', 'Ở đâu:', null],
      ['text_link', 'tuoitre.vn', 'https://tuoitre.vn/tin-3.htm'],
      ['italic', 'vnexpress.net · 30/12/2020 14:00 · /summary 3', null],
    ]);
    expect(part!.linkPreview).toBe(false);
  });

  it('keeps markup characters literal and offsets in UTF-16 units', () => {
    const [part] = renderTelegram({
      blocks: [
        { ...aCard(1), title: HEADLINE, url: null },
        paragraph(text('😀 '), bold('đậm'), link(' <a>', 'https://x.vn')),
      ],
      linkPreview: true,
    });
    expect(part!.text.startsWith(`${HEADLINE}\n`)).toBe(true);
    expect(part!.entities[0]).toEqual({ type: 'bold', offset: 0, length: HEADLINE.length });
    const tail = part!.entities.slice(-2).map((e) => covered(part!.text, e));
    expect(tail).toEqual(['đậm', ' <a>']);
    expect(part!.linkPreview).toBe(true);
    expect(validateEntities(part!.text, part!.entities)).toBeNull();
  });

  it('splits a long reply at block boundaries, in order, each part within 4096', () => {
    const reply = longReply();
    const parts = renderTelegram(reply);
    const whole = renderTelegram(reply, { maxLength: Number.MAX_SAFE_INTEGER });
    expect(whole).toHaveLength(1);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      expect(validateEntities(p.text, p.entities)).toBeNull();
      // Every part starts with a heading or a card title: no card is cut.
      expect(p.entities[0]).toMatchObject({ type: 'bold', offset: 0 });
    }
    // Gluing the parts back with the block separator gives the unsplit rendering, entities too.
    let offset = 0;
    const glued = parts.flatMap((p) => {
      const shifted = p.entities.map((e) => ({ ...e, offset: e.offset + offset }));
      offset += p.text.length + 2;
      return shifted;
    });
    expect(parts.map((p) => p.text).join('\n\n')).toBe(whole[0]!.text);
    expect(glued).toEqual(whole[0]!.entities);
  });

  it('splits one oversized block at word boundaries, clipping an entity that spans the cut', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `từ${i}`);
    const spans: Span[] = [
      text(words.slice(0, 700).join(' ') + ' '),
      bold(words.slice(700, 1100).join(' ')),
      text(' ' + words.slice(1100).join(' ')),
    ];
    const parts = renderTelegram({ blocks: [paragraph(...spans)] });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.text).join(' ')).toBe(words.join(' '));
    const boldText = parts.flatMap((p) => p.entities.map((e) => covered(p.text, e))).join(' ');
    expect(boldText).toBe(words.slice(700, 1100).join(' '));
    for (const p of parts) expect(validateEntities(p.text, p.entities)).toBeNull();
  });

  it('never cuts a surrogate pair when a block has no spaces', () => {
    // The odd 'a' puts every pair boundary at an odd offset, so a blind cut at 4096 would split one.
    const parts = renderTelegram({ blocks: [paragraph(bold('a' + '😀'.repeat(5000)))] });
    expect(parts.map((p) => p.text).join('')).toBe('a' + '😀'.repeat(5000));
    for (const p of parts) {
      expect(LONE_SURROGATE.test(p.text)).toBe(false);
      expect(p.entities).toEqual([{ type: 'bold', offset: 0, length: p.text.length }]);
    }
  });

  it('links only absolute http(s) URLs, so one bad feed URL cannot get a message refused', () => {
    const [part] = renderTelegram({
      blocks: [
        { ...aCard(1), url: '/tin-1.html', links: [{ text: 'xấu', url: 'javascript:alert(1)' }] },
        paragraph(link('tốt', 'https://vnexpress.net/thời-sự')),
      ],
    });
    const links = part!.entities.filter((e) => e.type === 'text_link');
    expect(links.map((e) => [covered(part!.text, e), 'url' in e ? e.url : ''])).toEqual([
      ['tốt', 'https://vnexpress.net/th%E1%BB%9Di-s%E1%BB%B1'],
    ]);
    expect(part!.text).toContain('xấu');
  });

  it('drops empty blocks and renders nothing for an empty reply', () => {
    expect(renderTelegram({ blocks: [] })).toEqual([]);
    expect(renderTelegram({ blocks: [paragraph(text('  ')), { kind: 'heading', text: '' }] })).toEqual([]);
  });

  it('holds its invariants for any reply (property)', () => {
    const str = fc.string({
      unit: fc.constantFrom('a', 'ă', 'Đ', ' ', '\n', '<', '&', '😀', 'x', 'y', 'z'),
      maxLength: 120,
    });
    const span: fc.Arbitrary<Span> = fc.oneof(
      str.map(text),
      str.map(bold),
      str.map((s) => ({ kind: 'italic', text: s }) as const),
      str.map((s) => link(s, 'https://e.vn/a')),
    );
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.array(span, { maxLength: 8 }).map((s) => paragraph(...s)),
      str.map((t) => ({ kind: 'heading', text: t }) as const),
      fc.tuple(str, str).map(([title, v]) => ({ ...aCard(1), title, fields: [{ label: 'Ai', value: v }] })),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), fc.integer({ min: 8, max: 400 }), (blocks, max) => {
        const reply: Reply = { blocks };
        const parts = renderTelegram(reply, { maxLength: max });
        const whole = renderTelegram(reply, { maxLength: Number.MAX_SAFE_INTEGER })[0]?.text ?? '';
        for (const p of parts) {
          expect(p.text.length).toBeGreaterThan(0);
          expect(p.text.length).toBeLessThanOrEqual(max);
          expect(p.text).toBe(p.text.trim());
          expect(validateEntities(p.text, p.entities)).toBeNull();
          expect(LONE_SURROGATE.test(p.text)).toBe(false);
        }
        // Nothing but whitespace is lost or reordered.
        expect(
          parts
            .map((p) => p.text)
            .join('')
            .replace(/\s/g, ''),
        ).toBe(whole.replace(/\s/g, ''));
      }),
      { numRuns: 300 },
    );
  });
});
