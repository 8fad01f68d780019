import { generateOpml, parseOpml } from 'feedsmith';
import type { Feed } from '../domain.ts';
import { ParseError } from '../errors.ts';

interface Outline {
  readonly text?: string;
  readonly title?: string;
  readonly xmlUrl?: string;
  readonly outlines?: readonly Outline[];
}

/** Every feed URL in an OPML file, folders flattened, in document order, without duplicates. */
export function readOpmlFeeds(text: string): Array<{ url: string; title: string | null }> {
  let doc: { body?: { outlines?: readonly Outline[] } };
  try {
    doc = parseOpml(text);
  } catch (e) {
    throw new ParseError('not a valid OPML file', { cause: e });
  }
  const out = new Map<string, string | null>();
  const walk = (outlines: readonly Outline[] | undefined): void => {
    for (const o of outlines ?? []) {
      if (o.xmlUrl !== undefined && /^https?:\/\//i.test(o.xmlUrl) && !out.has(o.xmlUrl)) {
        out.set(o.xmlUrl, o.title ?? o.text ?? null);
      }
      walk(o.outlines);
    }
  };
  walk(doc.body?.outlines);
  return [...out].map(([url, title]) => ({ url, title }));
}

/** OPML 2.0 of the given feeds, for other readers. */
export function writeOpmlFeeds(feeds: readonly Feed[], title = 'bantin feeds'): string {
  return generateOpml({
    head: { title },
    body: { outlines: feeds.map((f) => ({ text: f.title ?? f.url, type: 'rss', xmlUrl: f.url })) },
  });
}
