import type { Db } from './open.ts';
import type { LeaseStore } from '../src/lease.ts';

/** The lease half of the SQLite store: one row per lease, taken in an IMMEDIATE transaction. */
export function createLeaseQueries(db: Db): LeaseStore {
  const get = db.prepare<[string], { owner: string; expires_at: string }>(
    'SELECT owner, expires_at FROM process_lease WHERE name = ?',
  );
  const put = db.prepare(
    'INSERT INTO process_lease (name, owner, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at',
  );
  const del = db.prepare('DELETE FROM process_lease WHERE name = ? AND owner = ?');
  const take = db.transaction(
    (
      name: string,
      owner: string,
      expiresAt: string,
      canTake: (holder: { owner: string; expiresAt: string }) => boolean,
    ) => {
      const row = get.get(name);
      if (
        row !== undefined &&
        row.owner !== owner &&
        !canTake({ owner: row.owner, expiresAt: row.expires_at })
      ) {
        return { ok: false as const, holder: row.owner };
      }
      put.run(name, owner, expiresAt);
      return { ok: true as const };
    },
  );
  return {
    takeLease: (name, owner, expiresAt, canTake) => take.immediate(name, owner, expiresAt, canTake),
    releaseLease: (name, owner) => void del.run(name, owner),
  };
}
