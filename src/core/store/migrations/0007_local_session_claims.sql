CREATE TABLE `session_claims` (
	`session_id` text PRIMARY KEY NOT NULL,
	`token` text,
	`lease_until` integer,
	`finalized_at` text
);
--> statement-breakpoint
ALTER TABLE `chat_sessions` ADD `local_only` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Sessions written before this migration: a sync always stores the upstream fingerprint,
-- the demo seeder never does, so a row without one was seeded here and no upstream holds it.
UPDATE `chat_sessions` SET `local_only` = 1 WHERE `source_hash` IS NULL;
