/**
 * The fan-out benchmark at several global limits, each run alone: `npx tsx bench/fanout-sweep.ts
 * --chats 2000 --limits 100,300`. The bot and the fake share one process, so on a busy machine
 * the 300/s of `npm run bench` can be more than the machine pushes at all; a lower limit shows
 * whether the limiter itself uses the budget (ratio) without a 429.
 */
import { runFanoutBench } from './fanout-bench.ts';

const arg = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return (at >= 0 ? process.argv[at + 1] : undefined) ?? fallback;
};

const chats = Number(arg('chats', '2000'));
for (const limit of arg('limits', '100,300').split(',').map(Number)) {
  const r = await runFanoutBench(chats, limit);
  console.log(
    JSON.stringify({
      limit,
      chats,
      concurrency: r.concurrency,
      sustained_per_s: Math.round(r.sustainedPerS),
      vs_limit: Number(r.vsLimit.toFixed(3)),
      vs_ceiling: Number(r.vsCeiling.toFixed(3)),
      raw_per_s: r.rawRuns.map((x) => Math.round(x)),
      http429s: r.http429s,
      lost: r.lost,
      seconds: Number(r.seconds.toFixed(1)),
    }),
  );
}
