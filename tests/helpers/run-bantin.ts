import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `src/main.ts` as a child process the way `npm start` / `npm run newsbot` do, with a
 * clean environment (no tokens from the developer's shell), stdin as given, and waits for exit.
 */
export function runBantin(
  args: readonly string[],
  options: { env: Record<string, string>; stdin?: string; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `bantin did not exit within ${String(options.timeoutMs ?? 25_000)} ms\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** In-memory stdin/stdout/stderr for `run`, with what was written so far. */
function memoryIo(input: string | null): {
  stdin: PassThrough;
  stdout: PassThrough;
  stderr: PassThrough;
  written: () => { stdout: string; stderr: string };
} {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  let out = '';
  let err = '';
  io.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  io.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  if (input !== null) io.stdin.end(input);
  return { ...io, written: () => ({ stdout: out, stderr: err }) };
}

/**
 * Runs bantin's real entry point (`run` of src/main.ts) in this process, with its own streams:
 * the same code path as the child process, without paying Node's start-up for every call.
 */
export async function runInProcess(
  args: readonly string[],
  options: { env: Record<string, string>; stdin?: string },
): Promise<RunResult> {
  const { run } = await import('../../src/main.ts');
  const { written, ...io } = memoryIo(options.stdin ?? '');
  const code = await run({
    argv: args,
    env: { LOG_LEVEL: 'warn', ...options.env },
    ...io,
    handleSignals: false,
  });
  return { code, ...written() };
}

/** Starts the real bot in this process (`run` with serve); `stop()` shuts it down gracefully. */
export async function startInProcess(options: {
  env: Record<string, string>;
}): Promise<{ stop(): Promise<RunResult>; output(): RunResult }> {
  const { run } = await import('../../src/main.ts');
  const { written, ...io } = memoryIo(null);
  const controller = new AbortController();
  const running = run({
    argv: [],
    env: { LOG_LEVEL: 'info', ...options.env },
    ...io,
    handleSignals: false,
    stopSignal: controller.signal,
  });
  return {
    output: () => ({ code: null, ...written() }),
    stop: async () => {
      controller.abort();
      return { code: await running, ...written() };
    },
  };
}
