/**
 * Preloaded into the bot process the memory benchmark measures (`node --expose-gc --import
 * <this, compiled> dist/main.js`), so the bot runs exactly as `npm start` runs it and only this
 * listener is added. Each IPC message from the parent is answered with the resident set size and
 * the V8 heap in MB, taken after two full collections.
 */
const gc = (globalThis as { gc?: () => void }).gc;

process.on('message', () => {
  gc?.();
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.send?.({ rssMb: rss / 1_048_576, heapMb: heapUsed / 1_048_576 });
});
