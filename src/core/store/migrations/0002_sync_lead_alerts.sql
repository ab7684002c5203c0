CREATE TABLE `lead_alerts` (
	`session_id` text NOT NULL,
	`level` text NOT NULL,
	`announced` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`session_id`, `level`),
	FOREIGN KEY (`session_id`) REFERENCES `chat_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `chat_sessions` ADD `source_cursor` text;--> statement-breakpoint
CREATE INDEX `error_log_scope_detail_idx` ON `error_log` (`scope`,`detail`);