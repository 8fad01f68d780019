/**
 * Memory: resident set size of a fresh bot process with both adapters connected (idle), and
 * after it has ingested generated feeds. The fakes run here; the bot runs in a child process.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeDiscord } from '../tests/helpers/fake-discord.ts';
import { startFakeTelegram } from '../tests/helpers/fake-telegram.ts';

export interface RssResult {
  readonly idleMb: number | null;
  readonly afterIngestMb: number | null;
  readonly heapAfterIngestMb: number | null;
  /** Articles actually ingested (the time budget may stop short of the target). */
  readonly ingested: number;
  readonly ingestSeconds: number;
  readonly note: string;
}

const CHILD = fileURLToPath(new URL('./rss-child.ts', import.meta.url));

export async function runRssBench(ingestItems: number, budgetSeconds: number): Promise<RssResult> {
  const telegram = await startFakeTelegram();
  const discord = await startFakeDiscord({ heartbeatIntervalMs: 41_250 });
  const guildId = '100';
  discord.addGuild({ id: guildId, name: 'Tin tức', channels: [{ id: '200', name: 'news' }] });
  try {
    const config = {
      telegram: { apiRoot: telegram.apiRoot, token: telegram.token },
      discord: { apiRoot: discord.apiRoot, token: discord.token, guildId },
      ingestItems,
      budgetSeconds,
    };
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const last = out.trim().split('\n').at(-1) ?? '';
    if (code !== 0 || !last.startsWith('{')) {
      const reason = (
        err
          .trim()
          .split('\n')
          .find((l) => /Error/.test(l)) ?? `exit ${String(code)}`
      ).slice(0, 160);
      return {
        idleMb: null,
        afterIngestMb: null,
        heapAfterIngestMb: null,
        ingested: 0,
        ingestSeconds: 0,
        note: `child failed: ${reason}`,
      };
    }
    const r = JSON.parse(last) as {
      idleMb: number;
      afterMb: number;
      heapMb: number;
      ingested: number;
      ingestSeconds: number;
    };
    return {
      idleMb: r.idleMb,
      afterIngestMb: r.afterMb,
      heapAfterIngestMb: r.heapMb,
      ingested: r.ingested,
      ingestSeconds: r.ingestSeconds,
      note:
        r.ingested < ingestItems
          ? `${String(r.ingested)} of ${String(ingestItems)} articles in the ${String(budgetSeconds)} s budget`
          : `${String(r.ingested)} articles`,
    };
  } finally {
    await discord.close();
    await telegram.close();
  }
}
