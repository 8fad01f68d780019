/**
 * `npm run build` (and the first step of `npm start`): compiles the bot to plain JavaScript in
 * dist/, so the long-running process is `node dist/main.js` and not tsx, whose loader thread and
 * esbuild service cost ~35 MB of resident memory for as long as the bot runs.
 *
 * One bundle of our own code; packages in node_modules stay external (loaded by Node as usual).
 * Code splitting keeps `await import()` lazy: the Telegram and Discord adapters, and the
 * libraries they import, load only when their token is set.
 *
 * Data is found at run time as under tsx:
 * - JSON imports (src/extract/data, src/digest/data) are inlined by the bundler;
 * - db/open.ts reads `migrations/` next to its own module: every output file is directly in
 *   dist/ (no chunk subfolder), so the migrations are copied to dist/migrations;
 * - src/main.ts finds examples/ one level above its module: dist/main.js is one level below the
 *   repository root, as src/main.ts is.
 * dist/ is never emptied: chunk names carry a content hash, so a bot still running from an
 * earlier build keeps finding its own chunks. Chunks no build has written for a day are
 * removed, so dist/ does not grow with every start.
 */
import { cpSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');

/** Where the compiled bot goes; `node <DIST_DIR>/main.js` runs it. */
export const DIST_DIR = join(ROOT, 'dist');

/**
 * How long a chunk that the current build did not write stays in dist/: a bot started from an
 * earlier build may still import it lazily (an adapter loads when its token is set).
 */
export const STALE_CHUNK_MS = 24 * 60 * 60 * 1000;

/** A chunk file name with esbuild's content hash: "bot-252HPIVX.js", "chunk-ALADZZMM.js". */
const HASHED_CHUNK = /^[\w-]+-[A-Z0-9]{8}\.js$/u;

/**
 * Compiles src/main.ts and what it imports into `outdir` (default dist/), and removes chunks
 * no build wrote within {@link STALE_CHUNK_MS} of `now`.
 */
export async function buildBot(outdir: string = DIST_DIR, now: number = Date.now()): Promise<void> {
  const result = await build({
    metafile: true,
    entryPoints: { main: join(ROOT, 'src/main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: '[name]-[hash]',
    logLevel: 'warning',
  });
  const source = join(ROOT, 'db/migrations');
  const migrations = join(outdir, 'migrations');
  cpSync(source, migrations, { recursive: true });
  // A renamed migration must not leave its old copy behind. Removed after the copy, never the
  // whole folder: a bot or test starting from dist/ meanwhile always finds every migration.
  const current = new Set(readdirSync(source));
  for (const f of readdirSync(migrations)) if (!current.has(f)) rmSync(join(migrations, f));
  const written = new Set(Object.keys(result.metafile.outputs).map((f) => basename(f)));
  for (const f of readdirSync(outdir)) {
    if (!HASHED_CHUNK.test(f) || written.has(f)) continue;
    const path = join(outdir, f);
    if (now - statSync(path).mtimeMs > STALE_CHUNK_MS) rmSync(path, { force: true });
  }
}

// Run as a script (not imported by the benchmark); argv[1] may go through a symlink.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === import.meta.filename) await buildBot();
