import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ArticleDraft } from './domain.ts';
import { parseTextArticle } from './ingest/text-input.ts';
import { detectLanguage } from './ingest/language.ts';

const manifest = z.array(
  z.object({
    file: z.string(),
    published: z.string().nullable(),
    source: z.string().nullable(),
    url: z.string().nullable(),
  }),
);

/**
 * The bundled example articles (examples/), so a new user has something to summarise before any
 * feed answers. examples.json carries what a .txt cannot: publication date and outlet.
 */
export async function loadExampleDrafts(dir: string): Promise<ArticleDraft[]> {
  const entries = manifest.parse(JSON.parse(await readFile(join(dir, 'examples.json'), 'utf8')));
  return Promise.all(
    entries.map(async (e) => {
      const { title, body } = parseTextArticle(await readFile(join(dir, e.file), 'utf8'));
      return {
        title,
        body,
        lang: detectLanguage(`${title}\n${body}`),
        publishedAt: e.published,
        url: e.url,
        guid: null,
        source: e.source,
      };
    }),
  );
}
