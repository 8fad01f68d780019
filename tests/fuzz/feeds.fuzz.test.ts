/**
 * Fuzzing the feed path: RSS, Atom, RDF and JSON Feed documents built from hostile fields, then
 * damaged and encoded wrongly, through decodeBody → parseFeed → feedItemToDraft → extract.
 * Replay a failure with FUZZ_SEED=<seed> (fast-check prints the seed and the path).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { encoded, feedDocument, mutated } from '../helpers/hostile-inputs.ts';
import { describeInput, fuzzSeed, runPipeline, timed, fuzzReport } from '../helpers/fuzz-pipeline.ts';

/** Tuned with the other fuzz files for 10,000+ cases in about a minute on 2 CI cores. */
const RUNS = Number(process.env.FUZZ_FEED_RUNS ?? 3000);

/** Per property: the item bound (5 s) catches hangs; this only stops a runaway run. */
const PROPERTY_TIMEOUT_MS = 180_000;

describe('feeds under fuzzing', () => {
  const { feeds: stats } = fuzzReport(['feeds']);

  it(
    'never crashes, fails only with one-line typed errors, and gives well-formed summaries',
    () => {
      const doc = feedDocument.chain(({ format, text }) =>
        encoded(mutated(fc.constant(text))).map((e) => ({ format, ...e })),
      );
      fc.assert(
        fc.property(doc, ({ format, bytes, contentType, encoding }) => {
          timed(stats, describeInput(`feed ${format} ${encoding}`, bytes.toString('latin1')), () =>
            runPipeline('feed', bytes, contentType),
          );
        }),
        { seed: fuzzSeed(), numRuns: RUNS, endOnFailure: true },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
