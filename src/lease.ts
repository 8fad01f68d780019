import { hostname } from 'node:os';
import type { Clock } from './ports.ts';
import { BantinError } from './errors.ts';

export interface LeaseStore {
  /** Takes or renews the lease unless someone else holds it and `canTake` says no. */
  takeLease(
    name: string,
    owner: string,
    expiresAt: string,
    canTake: (holder: { owner: string; expiresAt: string }) => boolean,
  ): { ok: true } | { ok: false; holder: string };
  releaseLease(name: string, owner: string): void;
}

export class AlreadyRunningError extends BantinError {
  override readonly name: string = 'AlreadyRunningError';
}

const TTL_MS = 60_000;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Makes this process the only scheduler and outbox sender of the database, so nothing is sent
 * twice. A holder on this host whose process is gone (killed) is replaced at once; one on
 * another host only after its lease expired (it renews every 20 s).
 */
export function holdSchedulerLease(store: LeaseStore, clock: Clock): { release(): void } {
  const me = `${hostname()}:${String(process.pid)}`;
  const canTake = (holder: { owner: string; expiresAt: string }): boolean => {
    if (Date.parse(holder.expiresAt) <= clock.now().getTime()) return true;
    const [host, pid] = holder.owner.split(':');
    return host === hostname() && !isAlive(Number(pid));
  };
  const renew = (): { ok: true } | { ok: false; holder: string } =>
    store.takeLease('scheduler', me, new Date(clock.now().getTime() + TTL_MS).toISOString(), canTake);
  const first = renew();
  if (!first.ok) {
    throw new AlreadyRunningError(
      `another bantin process (${first.holder}) is already running on this database; stop it first`,
    );
  }
  const timer = setInterval(() => void renew(), TTL_MS / 3);
  timer.unref();
  return {
    release: () => {
      clearInterval(timer);
      store.releaseLease('scheduler', me);
    },
  };
}
