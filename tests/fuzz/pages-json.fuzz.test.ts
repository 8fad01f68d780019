/**
 * Fuzzing the page and JSON paths: news pages (Readability on linkedom) and JSON articles built
 * from hostile parts, damaged and wrongly encoded, through decodeBody → extractPage /
 * parseJsonArticle → cleanArticleText → extract. Replay a failure with FUZZ_SEED=<seed>.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { describeInput, fuzzSeed, runPipeline, timed, fuzzReport } from '../helpers/fuzz-pipeline.ts';
import { encoded, jsonArticleDocument, mutated, pageDocument } from '../helpers/hostile-inputs.ts';

/** Tuned with the other fuzz files for 10,000+ cases in about a minute on 2 CI cores. */
const PAGE_RUNS = Number(process.env.FUZZ_PAGE_RUNS ?? 1000);
const JSON_RUNS = Number(process.env.FUZZ_JSON_RUNS ?? 3000);

/** Per property: the item bound (5 s) catches hangs; this only stops a runaway run. */
const PROPERTY_TIMEOUT_MS = 180_000;

describe('pages and JSON articles under fuzzing', () => {
  const stats = fuzzReport(['page', 'json']);

  it(
    'pages: no crash, typed one-line failures, well-formed summaries',
    () => {
      fc.assert(
        fc.property(encoded(mutated(pageDocument)), ({ bytes, contentType, encoding }) => {
          timed(stats.page, describeInput(`page ${encoding}`, bytes.toString('latin1')), () =>
            runPipeline('page', bytes, contentType),
          );
        }),
        { seed: fuzzSeed(), numRuns: PAGE_RUNS, endOnFailure: true },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'JSON articles: typed one-line failures for bad JSON or shapes, else well-formed summaries',
    () => {
      fc.assert(
        fc.property(encoded(mutated(jsonArticleDocument)), ({ bytes, contentType, encoding }) => {
          timed(stats.json, describeInput(`json ${encoding}`, bytes.toString('latin1')), () =>
            runPipeline('json', bytes, contentType),
          );
        }),
        { seed: fuzzSeed(), numRuns: JSON_RUNS, endOnFailure: true },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
