/**
 * Fuzzing pasted texts (decodeBody → parseTextArticle → cleanArticleText → extract) and any bytes
 * under any name or content type through loadSource, the entry point of `summarize` and
 * `/summary <url>`. Replay a failure with FUZZ_SEED=<seed>.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { loadSource } from '../../src/ingest/load-source.ts';
import type { FetchedResource, Fetcher } from '../../src/ports.ts';
import {
  checkDraft,
  describeInput,
  fuzzSeed,
  PAGE_URL,
  runPipeline,
  timed,
  timedAsync,
  fuzzReport,
} from '../helpers/fuzz-pipeline.ts';
import {
  encoded,
  jsonArticleDocument,
  mutated,
  pageDocument,
  textDocument,
  feedDocument,
} from '../helpers/hostile-inputs.ts';

/** Tuned with the other fuzz files for 10,000+ cases in about a minute on 2 CI cores. */
const TEXT_RUNS = Number(process.env.FUZZ_TEXT_RUNS ?? 1500);
const SOURCE_RUNS = Number(process.env.FUZZ_SOURCE_RUNS ?? 1500);

/** Per property: the item bound (5 s) catches hangs; this only stops a runaway run. */
const PROPERTY_TIMEOUT_MS = 180_000;

describe('texts and loadSource under fuzzing', () => {
  const stats = fuzzReport(['text', 'source']);

  it(
    'texts: no crash, well-formed summaries',
    () => {
      fc.assert(
        fc.property(encoded(mutated(textDocument)), ({ bytes, contentType, encoding }) => {
          timed(stats.text, describeInput(`text ${encoding}`, bytes.toString('latin1')), () =>
            runPipeline('text', bytes, contentType),
          );
        }),
        { seed: fuzzSeed(), numRuns: TEXT_RUNS, endOnFailure: true },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'loadSource: any bytes, any file name or content type, gives drafts or a typed error',
    async () => {
      const anyDocument = fc.oneof(
        pageDocument,
        textDocument,
        jsonArticleDocument,
        feedDocument.map((f) => f.text),
        fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString('latin1')),
      );
      const input = fc.record({
        doc: encoded(mutated(anyDocument)),
        name: fc.constantFrom(
          'a.txt',
          'a.html',
          'a.json',
          'a.rss',
          'a.xml',
          'a.bin',
          '-',
          PAGE_URL,
          'https://example.vn/feed',
        ),
        served: fc.constantFrom(
          null,
          'text/html',
          'application/rss+xml',
          'image/png',
          'application/pdf',
          'application/json',
          'text/plain; charset=utf-16be',
        ),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ doc, name, served }) => {
          const resource = (url: string): FetchedResource => ({
            url,
            status: 200,
            contentType: served ?? doc.contentType,
            headers: {},
            body: doc.bytes,
          });
          const fetcher: Fetcher = { fetch: (url) => Promise.resolve(resource(url)) };
          const deps = {
            fetcher,
            readFile: () => Promise.resolve(doc.bytes),
            readStdin: () => Promise.resolve(doc.bytes),
          };
          await timedAsync(
            stats.source,
            describeInput(`loadSource ${name} ${doc.encoding}`, doc.bytes.toString('latin1')),
            async () => {
              const source = await loadSource(name, deps);
              for (const draft of source.kind === 'feed' ? source.drafts : [source.draft]) checkDraft(draft);
            },
          );
        }),
        { seed: fuzzSeed(), numRuns: SOURCE_RUNS, endOnFailure: true },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
