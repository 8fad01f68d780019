/**
 * Article text must never become platform markup: property tests of the three renderers on
 * hostile titles and fields (`<b>`, `&`, `*`, `_`, `@everyone`, `[x](http://y)`, `||spoiler||`,
 * control characters, bidi marks, emoji).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDiscord } from '../../adapters/discord/render.ts';
import { renderTelegram } from '../../adapters/telegram/render.ts';
import { renderPlain } from '../../adapters/terminal/render.ts';
import { paragraph, text, type Reply, type SummaryCard } from '../../src/reply.ts';
import { validateEntities } from '../helpers/fake-telegram.ts';

const SEED = 20261127;

const MARKUP = [
  '<b>',
  '</b>',
  '<a href="http://evil.example">x</a>',
  '&',
  '&amp;',
  '&lt;',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '`',
  '```',
  '@everyone',
  '@here',
  '<@123>',
  '[x](http://y)',
  '||spoiler||',
  '# ',
  '> ',
  '- ',
  '1. ',
  '\\',
  '\n',
  'Hà Nội',
  'Đà Nẵng',
  '😀',
  '👨‍👩‍👧',
  '\u202e',
  '\u200f',
];

/** Hostile text without lone surrogates (no platform accepts those) or the renderer's private-use placeholders. */
const hostile = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...MARKUP), fc.string({ unit: 'grapheme', maxLength: 6 })), {
      maxLength: 24,
    })
    .map((parts) =>
      parts
        .join('')
        .replace(/[\uE000\uE001]/g, '')
        .slice(0, maxLength),
    )
    .map((s) => s.replace(/[\uD800-\uDFFF]$/, ''));
const nonBlank = (maxLength: number): fc.Arbitrary<string> =>
  hostile(maxLength).filter((s) => s.trim() !== '');

const FOOTER = 'vnexpress.net · 30/12/2020';
const card = (title: string, value: string): SummaryCard => ({
  kind: 'card',
  title,
  url: 'https://vnexpress.net/a-1.html',
  fields: [
    { label: 'Ai', value },
    { label: 'Ở đâu', value: 'Hà Nội' },
  ],
  links: [],
  footer: FOOTER,
  articleId: 7,
});

describe('Telegram: text + entities, never parse_mode', () => {
  it('shows article text exactly as written, with every entity inside the text and none from the article', () => {
    fc.assert(
      fc.property(nonBlank(300), hostile(300), nonBlank(300), (title, value, para) => {
        const reply: Reply = { blocks: [card(title, value), paragraph(text(para))] };
        const parts = renderTelegram(reply);
        expect(parts).toHaveLength(1);
        const part = parts[0]!;
        expect(Object.keys(part).sort()).toEqual(['entities', 'linkPreview', 'text']);
        expect(part.text).toBe(`${title.trim()}\nAi: ${value}\nỞ đâu: Hà Nội\n${FOOTER}\n\n${para.trim()}`);
        expect(validateEntities(part.text, part.entities)).toBeNull();
        // Exactly the renderer's own entities: bold + link on the title, bold labels, italic footer.
        expect(part.entities.map((e) => e.type)).toEqual(['bold', 'text_link', 'bold', 'bold', 'italic']);
        const [bold] = part.entities;
        expect(part.text.slice(bold!.offset, bold!.offset + bold!.length)).toBe(title.trim());
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('keeps entities in bounds when a long hostile text is split into parts', () => {
    fc.assert(
      fc.property(fc.array(nonBlank(400), { minLength: 1, maxLength: 40 }), (titles) => {
        const parts = renderTelegram({ blocks: titles.map((t) => card(t, t)) }, { maxLength: 500 });
        for (const part of parts) {
          expect(part.text.length).toBeLessThanOrEqual(500);
          expect(validateEntities(part.text, part.entities)).toBeNull();
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});

/**
 * Characters that are markup when not preceded by a backslash (Discord's Markdown). `[` is
 * checked separately (see the known bug below) so this property keeps guarding the rest.
 */
function activeMarkup(s: string, brackets = false): string[] {
  const found: string[] = [];
  let lineStart = true;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      i += 1;
      lineStart = false;
      continue;
    }
    if ('*_`'.includes(c) || (brackets && c === '[')) found.push(c);
    if ((c === '~' && s[i + 1] === '~') || (c === '|' && s[i + 1] === '|')) found.push(c + c);
    if (lineStart && /^(?:#{1,3} |> |- |\d+\. )/.test(s.slice(i))) found.push(`line-start ${c}`);
    if (c === '\n') lineStart = true;
    else if (c !== ' ') lineStart = false;
  }
  return found;
}

/** What Discord shows for escaped text: every "\x" becomes "x". */
const shown = (s: string): string => s.replace(/\\([\s\S])/g, '$1');

describe('Discord: escaped Markdown, no mentions', () => {
  it('escapes every Markdown marker in content and field values and never allows a mention', () => {
    fc.assert(
      fc.property(nonBlank(300), nonBlank(300), nonBlank(300), (title, value, para) => {
        const parts = renderDiscord({ blocks: [paragraph(text(para)), card(title, value)] });
        expect(parts.length).toBeGreaterThan(0);
        for (const p of parts) expect(p.allowed_mentions).toEqual({ parse: [] });
        const content = parts.map((p) => p.content ?? '').join('\n');
        expect(activeMarkup(content)).toEqual([]);
        expect(shown(content)).toBe(para);
        const field = parts.flatMap((p) => p.embeds ?? [])[0]?.fields[0]?.value ?? '';
        expect(activeMarkup(field)).toEqual([]);
        expect(shown(field)).toBe(value);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  // Known bug, reported to the lead: escapeMarkdown's maskedLink option escapes only the first
  // "[" of a line, so "a [x](http://y) b [z](http://evil.example/phish)" keeps a clickable link
  // with any label. Flip to `it` once escapeDiscord escapes every "[".
  it('escapes every masked link, not only the first of a line', () => {
    const hostileLine = 'Tin nóng [x](http://y) và [Bấm vào đây](http://evil.example/phish)';
    const [part] = renderDiscord({ blocks: [paragraph(text(hostileLine)), card('t', hostileLine)] });
    expect(activeMarkup(part?.content ?? '', true)).toEqual([]);
    expect(activeMarkup(part?.embeds?.[0]?.fields[0]?.value ?? '', true)).toEqual([]);
  });
});

// eslint-disable-next-line no-control-regex -- control characters are what is checked
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

describe('terminal: plain text without control characters', () => {
  const withControls = fc
    .tuple(hostile(200), fc.array(fc.integer({ min: 0, max: 0x9f }), { maxLength: 10 }))
    .map(
      ([s, codes]) => s + codes.map((c) => String.fromCharCode(c)).join('') + '\u001b[2J\u001b]0;pwned\u0007',
    );

  it('strips C0/C1 controls (escape sequences, bell, carriage return) from every block', () => {
    fc.assert(
      fc.property(withControls, withControls, withControls, (title, value, para) => {
        const out = renderPlain({
          blocks: [{ kind: 'heading', text: title }, paragraph(text(para)), card(title, value)],
        });
        expect(out).not.toMatch(CONTROL);
        expect(out).toContain('Hà Nội');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  // Known gap, reported to the lead: bidi overrides (U+202A-202E, U+2066-2069) let a headline
  // reorder what the terminal shows ("Trojan Source"). Flip to `it` once renderPlain strips them.
  it('strips bidirectional override and isolate characters', () => {
    const out = renderPlain({ blocks: [paragraph(text('Tin \u202Eabc\u202C và \u2066x\u2069'))] });
    expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
