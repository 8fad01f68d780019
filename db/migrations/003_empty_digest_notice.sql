-- Chats that asked to be told when a scheduled digest has nothing new (default: stay silent).
ALTER TABLE chats ADD COLUMN notify_empty INTEGER NOT NULL DEFAULT 0;
