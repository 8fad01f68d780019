/** Worker thread: generates batches of rows for build-db.ts on request. */
import { parentPort, workerData } from 'node:worker_threads';
import { generateRows } from './generated-rows.ts';

const { rows } = workerData as { rows: number };
parentPort?.on('message', ({ from, to }: { from: number; to: number }) => {
  parentPort?.postMessage({ from, batch: generateRows(rows, from, to) });
});
