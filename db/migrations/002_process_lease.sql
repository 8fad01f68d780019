-- Exactly one bantin process may schedule digests and drain the outbox for a database.
CREATE TABLE process_lease (
  name       TEXT PRIMARY KEY,
  owner      TEXT NOT NULL,   -- "<host>:<pid>"
  expires_at TEXT NOT NULL
);
