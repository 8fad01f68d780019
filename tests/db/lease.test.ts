import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostname } from 'node:os';
import { openTempStore, manualClock, type TempStore } from '../helpers/temp-db.ts';
import { holdSchedulerLease } from '../../src/lease.ts';

const clock = manualClock('2024-06-01T00:00:00.000Z');
let t: TempStore;
beforeEach(() => {
  t = openTempStore(clock);
});
afterEach(() => t.close());

const hold = (owner: string, expiresAt: string): void => {
  t.db
    .prepare('INSERT INTO process_lease (name, owner, expires_at) VALUES (?, ?, ?)')
    .run('scheduler', owner, expiresAt);
};

describe('one scheduling process per database', () => {
  it('refuses while a live process on this host holds the lease', () => {
    hold(`${hostname()}:${String(process.ppid)}`, '2024-06-01T00:01:00.000Z');
    expect(() => holdSchedulerLease(t.store, clock)).toThrow(/already running on this database/);
  });

  it('takes over at once from a killed process on this host', () => {
    hold(`${hostname()}:4194300`, '2024-06-01T00:01:00.000Z');
    const lease = holdSchedulerLease(t.store, clock);
    lease.release();
    expect(t.db.prepare('SELECT count(*) AS n FROM process_lease').get()).toEqual({ n: 0 });
  });

  it('waits for the lease of another host to expire', () => {
    hold('other-host:1', '2024-06-01T00:01:00.000Z');
    expect(() => holdSchedulerLease(t.store, clock)).toThrow(/other-host:1/);
    clock.advance(61_000);
    holdSchedulerLease(t.store, clock).release();
  });
});
